package org.pirog.radius.core.backend;

/** Where the server may call a backend. */
public enum Threading {
    /** The backend answers from memory without blocking: the server calls it on the event loop. */
    INLINE,
    /** The backend does I/O or may block: the server calls it on virtual threads, never on an event loop. */
    BLOCKING
}
