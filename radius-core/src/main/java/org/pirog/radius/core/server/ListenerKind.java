package org.pirog.radius.core.server;

/** What a listening socket is for, as FreeRADIUS's {@code listen { type = … }}. */
public enum ListenerKind {
    /** Access-Request and Status-Server (1812). */
    AUTH,
    /** Accounting-Request and Status-Server (1813). */
    ACCT
}
