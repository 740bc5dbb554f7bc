package org.pirog.radius.core.server;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs at most one line per interval for one kind of event, so that a flood of bad packets cannot flood the
 * log; the next line says how many were suppressed.
 */
final class RateLimitedLog {
    private final Logger logger;
    private final long intervalNanos;
    private final AtomicLong nextAllowed = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong suppressed = new AtomicLong();

    RateLimitedLog(Logger logger, long intervalNanos) {
        this.logger = logger;
        this.intervalNanos = intervalNanos;
    }

    /** Whether a line may be written now; callers build the message only when this says yes. */
    boolean acquire() {
        long now = System.nanoTime();
        long next = nextAllowed.get();
        if ((next != Long.MIN_VALUE && now - next < 0) || !nextAllowed.compareAndSet(next, now + intervalNanos)) {
            suppressed.incrementAndGet();
            return false;
        }
        return true;
    }

    /** How many events were suppressed since the last line; resets the count. */
    long takeSuppressed() {
        return suppressed.getAndSet(0);
    }

    Logger logger() {
        return logger;
    }
}
