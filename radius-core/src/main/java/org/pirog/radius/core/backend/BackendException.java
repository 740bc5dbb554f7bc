package org.pirog.radius.core.backend;

/**
 * A backend could not answer (database down, timeout). The server sends nothing, so the NAS retransmits:
 * an Access-Request is not rejected for it and an accounting record is not acknowledged.
 */
public class BackendException extends Exception {
    public BackendException(String message) {
        super(message);
    }

    public BackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
