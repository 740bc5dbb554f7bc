package org.pirog.radius.core.server;

/** Turns an accepted request into its outcome; may block when the backend does. */
interface RequestProcessor {
    /**
     * @param onEventLoop whether this runs on an event loop, where a request that would burn CPU for long (a slow
     *                    password hash) must answer {@link Outcome#OFFLOAD} instead
     */
    Outcome process(RequestTask task, boolean onEventLoop);
}
