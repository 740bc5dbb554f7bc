package org.pirog.radius.core.auth;

/** What the server answers an Access-Request with after authentication. */
public enum Outcome {
    /** Send an Access-Accept. */
    ACCEPT,
    /** Send an Access-Reject. */
    REJECT
}
