package org.pirog.radius.core.server;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the server counted since it started: every dropped packet has a reason here. Read by tests now and by
 * the Prometheus endpoint later. Updated from every event loop without contention ({@link LongAdder}).
 */
public final class ServerCounters {
    final LongAdder received = new LongAdder();
    final LongAdder unknownClient = new LongAdder();
    final LongAdder malformed = new LongAdder();
    final LongAdder badAuthenticator = new LongAdder();
    final LongAdder missingMessageAuthenticator = new LongAdder();
    final LongAdder unexpectedCode = new LongAdder();
    final LongAdder duplicatesDropped = new LongAdder();
    final LongAdder duplicatesAnswered = new LongAdder();
    final LongAdder overload = new LongAdder();
    final LongAdder abandoned = new LongAdder();
    final LongAdder backendFailures = new LongAdder();
    final LongAdder accessAccepts = new LongAdder();
    final LongAdder accessRejects = new LongAdder();
    final LongAdder accountingResponses = new LongAdder();
    final LongAdder statusServer = new LongAdder();

    public long received() {
        return received.sum();
    }

    public long unknownClient() {
        return unknownClient.sum();
    }

    public long malformed() {
        return malformed.sum();
    }

    public long badAuthenticator() {
        return badAuthenticator.sum();
    }

    public long missingMessageAuthenticator() {
        return missingMessageAuthenticator.sum();
    }

    public long unexpectedCode() {
        return unexpectedCode.sum();
    }

    public long duplicatesDropped() {
        return duplicatesDropped.sum();
    }

    public long duplicatesAnswered() {
        return duplicatesAnswered.sum();
    }

    public long overload() {
        return overload.sum();
    }

    public long abandoned() {
        return abandoned.sum();
    }

    public long backendFailures() {
        return backendFailures.sum();
    }

    public long accessAccepts() {
        return accessAccepts.sum();
    }

    public long accessRejects() {
        return accessRejects.sum();
    }

    public long accountingResponses() {
        return accountingResponses.sum();
    }

    public long statusServer() {
        return statusServer.sum();
    }

    /** Every packet that was dropped without a reply, whatever the reason. */
    public long dropped() {
        return unknownClient() + malformed() + badAuthenticator() + missingMessageAuthenticator() + unexpectedCode()
                + duplicatesDropped() + overload() + abandoned() + backendFailures();
    }
}
