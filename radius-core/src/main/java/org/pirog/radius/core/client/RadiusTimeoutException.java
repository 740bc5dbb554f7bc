package org.pirog.radius.core.client;

import java.io.Serial;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * No verified reply came for a request before its {@link RetransmissionPolicy} ran out. The message names the
 * server, the request and how often and how long it was tried, never a secret or attribute values.
 */
public final class RadiusTimeoutException extends TimeoutException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final InetSocketAddress server;
    private final int transmissions;
    private final Duration elapsed;

    public RadiusTimeoutException(InetSocketAddress server, String request, int transmissions, Duration elapsed) {
        super("no reply from " + server + " to " + request + " after " + transmissions
                + (transmissions == 1 ? " transmission in " : " transmissions in ") + elapsed.toMillis() + " ms");
        this.server = server;
        this.transmissions = transmissions;
        this.elapsed = elapsed;
    }

    public InetSocketAddress server() {
        return server;
    }

    /** How often the request was sent, the first time included. */
    public int transmissions() {
        return transmissions;
    }

    /** Time from the first transmission to giving up. */
    public Duration elapsed() {
        return elapsed;
    }
}
