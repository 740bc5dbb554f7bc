package org.pirog.radius.core.server;

/** Turns an accepted request into its outcome; may block when the backend does. */
interface RequestProcessor {
    Outcome process(RequestTask task);
}
