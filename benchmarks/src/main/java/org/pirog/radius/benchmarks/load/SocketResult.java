package org.pirog.radius.benchmarks.load;

import org.HdrHistogram.Histogram;

/**
 * What one socket counted over the measured requests; merged into the {@link LoadReport}. Mutable, owned by the
 * socket's event loop until the run ends.
 */
final class SocketResult {
    /** Latency of good replies in nanoseconds, up to a minute, 3 significant digits. */
    final Histogram latency = new Histogram(60_000_000_000L, 3);
    final long[] verdicts = new long[Verdict.values().length];
    long sent;
    long lost;
    long withoutMessageAuthenticator;
    /** Replies from elsewhere or for an Identifier with nothing outstanding (any phase). */
    long stray;
    /** Replies that came after their request was counted lost. */
    long late;
    long lastReplyNanos;

    void add(SocketResult other) {
        latency.add(other.latency);
        for (int i = 0; i < verdicts.length; i++) {
            verdicts[i] += other.verdicts[i];
        }
        sent += other.sent;
        lost += other.lost;
        withoutMessageAuthenticator += other.withoutMessageAuthenticator;
        stray += other.stray;
        late += other.late;
        lastReplyNanos = Math.max(lastReplyNanos, other.lastReplyNanos);
    }
}
