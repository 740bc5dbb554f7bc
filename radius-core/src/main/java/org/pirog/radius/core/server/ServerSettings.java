package org.pirog.radius.core.server;

import java.time.Duration;
import java.util.Objects;
import org.pirog.radius.core.nas.BlastRadiusMode;

/**
 * How the server treats requests; FreeRADIUS's names and defaults.
 *
 * @param requireMessageAuthenticator default for clients that set nothing ({@code auto})
 * @param limitProxyState             default for clients that set nothing ({@code auto})
 * @param rejectDelay                 how long an Access-Reject waits (1 s; zero sends it at once)
 * @param maxRequestTime              after this a request is abandoned without a reply (30 s)
 * @param cleanupDelay                how long a reply is kept to answer retransmissions (5 s)
 * @param maxRequests                 requests in flight beyond which new ones are dropped (16,384)
 * @param maxAttributes               attributes per packet beyond which it is malformed (200)
 * @param threads                     event-loop threads (and sockets per listener); 0 means one per core
 * @param logAuth                     whether to log {@code Login OK} / {@code Login incorrect} lines
 *                                    ({@code log { auth = yes }})
 */
public record ServerSettings(
        BlastRadiusMode requireMessageAuthenticator,
        BlastRadiusMode limitProxyState,
        Duration rejectDelay,
        Duration maxRequestTime,
        Duration cleanupDelay,
        int maxRequests,
        int maxAttributes,
        int threads,
        boolean logAuth) {

    public static final ServerSettings DEFAULTS = new ServerSettings(BlastRadiusMode.AUTO, BlastRadiusMode.AUTO,
            Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(5), 16_384, 200, 0, true);

    public ServerSettings {
        Objects.requireNonNull(requireMessageAuthenticator, "requireMessageAuthenticator");
        Objects.requireNonNull(limitProxyState, "limitProxyState");
        Objects.requireNonNull(rejectDelay, "rejectDelay");
        Objects.requireNonNull(maxRequestTime, "maxRequestTime");
        Objects.requireNonNull(cleanupDelay, "cleanupDelay");
        if (maxRequests < 1 || maxAttributes < 1 || threads < 0) {
            throw new IllegalArgumentException("maxRequests and maxAttributes must be positive, threads not negative");
        }
    }

    public ServerSettings withBlastRadius(BlastRadiusMode requireMa, BlastRadiusMode proxyState) {
        return new ServerSettings(requireMa, proxyState, rejectDelay, maxRequestTime, cleanupDelay, maxRequests,
                maxAttributes, threads, logAuth);
    }

    public ServerSettings withRejectDelay(Duration delay) {
        return new ServerSettings(requireMessageAuthenticator, limitProxyState, delay, maxRequestTime, cleanupDelay,
                maxRequests, maxAttributes, threads, logAuth);
    }

    public ServerSettings withMaxRequestTime(Duration time) {
        return new ServerSettings(requireMessageAuthenticator, limitProxyState, rejectDelay, time, cleanupDelay,
                maxRequests, maxAttributes, threads, logAuth);
    }

    public ServerSettings withCleanupDelay(Duration delay) {
        return new ServerSettings(requireMessageAuthenticator, limitProxyState, rejectDelay, maxRequestTime, delay,
                maxRequests, maxAttributes, threads, logAuth);
    }

    public ServerSettings withMaxRequests(int max) {
        return new ServerSettings(requireMessageAuthenticator, limitProxyState, rejectDelay, maxRequestTime,
                cleanupDelay, max, maxAttributes, threads, logAuth);
    }

    public ServerSettings withMaxAttributes(int max) {
        return new ServerSettings(requireMessageAuthenticator, limitProxyState, rejectDelay, maxRequestTime,
                cleanupDelay, maxRequests, max, threads, logAuth);
    }

    public ServerSettings withLogAuth(boolean log) {
        return new ServerSettings(requireMessageAuthenticator, limitProxyState, rejectDelay, maxRequestTime,
                cleanupDelay, maxRequests, maxAttributes, threads, log);
    }

    public ServerSettings withThreads(int count) {
        return new ServerSettings(requireMessageAuthenticator, limitProxyState, rejectDelay, maxRequestTime,
                cleanupDelay, maxRequests, maxAttributes, count, logAuth);
    }
}
