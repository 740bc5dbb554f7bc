package org.pirog.radius.core.client;

import java.time.Duration;

/**
 * When a client sends a request again and when it gives up: RFC 5080 §2.2.1 (IRT, MRC, MRT, MRD, RAND).
 *
 * <p>The first wait is {@code IRT + RAND*IRT}; each next one {@code 2*RTprev + RAND*RTprev}, and once that passes
 * MRT it is {@code MRT + RAND*MRT}, where RAND is uniform in -0.1..+0.1 so that clients that lost the same
 * server do not all come back at once. The request fails when the wait after the last allowed transmission runs
 * out, or when {@code maxDuration} has passed since the first transmission, whichever comes first.
 *
 * <p>Unlike RFC 5080, zero never means "no limit": {@code maxRetransmissions} 0 sends once, and every limit is
 * finite, so that every request ends.
 *
 * @param initialTimeout     IRT: the wait after the first transmission (before jitter)
 * @param maxRetransmissions transmissions after the first one (RFC 5080's MRC counts all, so MRC - 1)
 * @param maxTimeout         MRT: the largest wait between two transmissions (before jitter)
 * @param maxDuration        MRD: how long after the first transmission the request fails at the latest
 */
public record RetransmissionPolicy(Duration initialTimeout, int maxRetransmissions, Duration maxTimeout,
        Duration maxDuration) {
    /** RFC 5080 §2.2.1's recommended values: IRT 2 s, MRC 5 (4 retransmissions), MRT 16 s, MRD 30 s. */
    public static final RetransmissionPolicy RFC_5080 = new RetransmissionPolicy(
            Duration.ofSeconds(2), 4, Duration.ofSeconds(16), Duration.ofSeconds(30));

    /** RFC 5080's RAND: the jitter is at most this fraction of the wait, either way. */
    static final double JITTER = 0.1;

    public RetransmissionPolicy {
        if (initialTimeout.isNegative() || initialTimeout.isZero()) {
            throw new IllegalArgumentException("initial timeout must be positive, not " + initialTimeout);
        }
        if (maxRetransmissions < 0) {
            throw new IllegalArgumentException("retransmissions must be 0 or more, not " + maxRetransmissions);
        }
        if (maxTimeout.compareTo(initialTimeout) < 0) {
            throw new IllegalArgumentException("max timeout " + maxTimeout + " is below the initial " + initialTimeout);
        }
        if (maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("max duration must be positive, not " + maxDuration);
        }
    }

    public RetransmissionPolicy withInitialTimeout(Duration value) {
        Duration max = maxTimeout.compareTo(value) < 0 ? value : maxTimeout;
        return new RetransmissionPolicy(value, maxRetransmissions, max, maxDuration);
    }

    public RetransmissionPolicy withMaxRetransmissions(int value) {
        return new RetransmissionPolicy(initialTimeout, value, maxTimeout, maxDuration);
    }

    public RetransmissionPolicy withMaxTimeout(Duration value) {
        return new RetransmissionPolicy(initialTimeout, maxRetransmissions, value, maxDuration);
    }

    public RetransmissionPolicy withMaxDuration(Duration value) {
        return new RetransmissionPolicy(initialTimeout, maxRetransmissions, maxTimeout, value);
    }

    /** The wait after the first transmission, in nanoseconds; {@code random} is uniform in [-1, 1]. */
    long firstTimeoutNanos(double random) {
        long irt = initialTimeout.toNanos();
        return capped(irt + (long) (random * JITTER * irt), random);
    }

    /** The wait after the next transmission, given the previous wait. */
    long nextTimeoutNanos(long previousNanos, double random) {
        long doubled = previousNanos > Long.MAX_VALUE / 4 ? Long.MAX_VALUE / 2 : 2 * previousNanos;
        return capped(doubled + (long) (random * JITTER * previousNanos), random);
    }

    private long capped(long rt, double random) {
        long mrt = maxTimeout.toNanos();
        return rt > mrt ? mrt + (long) (random * JITTER * mrt) : rt;
    }
}
