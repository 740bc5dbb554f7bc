package org.pirog.radius.core.client;

import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link ClientCounters}: written by every socket's event loop, read by anyone. */
final class Counters {
    final LongAdder requests = new LongAdder();
    final LongAdder retransmissions = new LongAdder();
    final LongAdder replies = new LongAdder();
    final LongAdder invalidReplies = new LongAdder();
    final LongAdder malformedReplies = new LongAdder();
    final LongAdder unmatchedReplies = new LongAdder();
    final LongAdder timeouts = new LongAdder();

    ClientCounters snapshot() {
        return new ClientCounters(requests.sum(), retransmissions.sum(), replies.sum(), invalidReplies.sum(),
                malformedReplies.sum(), unmatchedReplies.sum(), timeouts.sum());
    }
}
