package org.pirog.radius.core.server;

import java.util.concurrent.CompletionStage;

/** Turns an accepted request into its outcome. */
interface RequestProcessor {
    /**
     * Access-Request and Status-Server; called on the event loop first, and again on a virtual thread when that
     * answered {@link Outcome#OFFLOAD}.
     *
     * @param onEventLoop whether this runs on an event loop, where a request that would block (a backend's I/O) or
     *                    burn CPU for long (a slow password hash) must answer {@link Outcome#OFFLOAD} instead
     */
    Outcome process(RequestTask task, boolean onEventLoop);

    /** Accounting-Request, on the event loop: the stage completes when the backend stored the record or failed. */
    CompletionStage<Outcome> account(RequestTask task);
}
