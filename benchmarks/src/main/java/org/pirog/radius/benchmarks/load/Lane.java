package org.pirog.radius.benchmarks.load;

/**
 * One place in the window: at most one request outstanding at a time, the next sent as soon as this one is
 * answered or lost (closed loop). An accounting lane also carries one session through Start, Interims and Stop.
 * Touched only by its socket's event loop.
 */
final class Lane {
    /** The Identifier of the outstanding request, or -1 when idle. */
    int identifier = -1;
    int user;
    long sentNanos;
    boolean measured;
    /** The Request Authenticator as sent: the key for checking the reply. */
    final byte[] authenticator = new byte[16];
    /** Accounting: the session's number and how far it got (0 Start, then Interims, last Stop). */
    long session;
    int step;
}
