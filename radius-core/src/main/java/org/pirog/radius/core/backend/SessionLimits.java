package org.pirog.radius.core.backend;

/**
 * Limits the backend computed for one session (billing computes them from the money left at each login).
 * The server turns them into reply attributes for the client's NAS type, taking the smaller of a limit and a
 * reply item of the same meaning. {@link #NONE} ({@code -1}) means no limit.
 *
 * @param sessionTimeout  seconds (Session-Timeout)
 * @param idleTimeout     seconds (Idle-Timeout)
 * @param interimInterval seconds between interim updates (Acct-Interim-Interval)
 * @param octetLimit      octets in and out together the session may use
 */
public record SessionLimits(long sessionTimeout, long idleTimeout, long interimInterval, long octetLimit) {
    public static final long NONE = -1;
    public static final SessionLimits UNLIMITED = new SessionLimits(NONE, NONE, NONE, NONE);

    public SessionLimits withSessionTimeout(long seconds) {
        return new SessionLimits(seconds, idleTimeout, interimInterval, octetLimit);
    }

    public SessionLimits withOctetLimit(long octets) {
        return new SessionLimits(sessionTimeout, idleTimeout, interimInterval, octets);
    }

    public boolean isUnlimited() {
        return sessionTimeout == NONE && idleTimeout == NONE && interimInterval == NONE && octetLimit == NONE;
    }
}
