package org.pirog.radius.core.server;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.packet.PacketCode;
import org.pirog.radius.core.accounting.AccountingRecord;
import org.pirog.radius.core.backend.Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each Accounting-Request to the backend and answers only once the backend says the record is stored
 * (RFC 2866 §2: a server that cannot record it must not acknowledge it); on failure nothing is sent, so the NAS
 * retransmits and nothing is lost.
 */
final class AccountingProcessor {
    private static final Logger log = LoggerFactory.getLogger(AccountingProcessor.class);

    private final Backend backend;
    private final AttributeDefinition proxyState;
    private final ServerCounters counters;
    private final RateLimitedLog failureLog = new RateLimitedLog(log, TimeUnit.SECONDS.toNanos(5));

    AccountingProcessor(Backend backend, AttributeDefinition proxyState, ServerCounters counters) {
        this.backend = backend;
        this.proxyState = proxyState;
        this.counters = counters;
    }

    /** Hands the record to the backend; the stage completes with the reply once it is stored, or no reply. */
    CompletionStage<Outcome> process(RequestTask task) {
        AccountingRecord record = AccountingRecord.from(task.packet(), task.nas(), task.sender(), task.received());
        CompletionStage<Void> stored;
        try {
            stored = backend.account(record);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failed(task, record, e));
        }
        CompletableFuture<Void> future = stored.toCompletableFuture();
        if (future.isDone() && !future.isCompletedExceptionally()) {
            return CompletableFuture.completedFuture(acknowledge(task));
        }
        return future.handle((ignored, failure) -> failure == null ? acknowledge(task) : failed(task, record, failure));
    }

    private Outcome acknowledge(RequestTask task) {
        counters.accountingResponses.increment();
        var reply = Replies.start(task.packet(), PacketCode.ACCOUNTING_RESPONSE);
        return Outcome.reply(Replies.finish(task.packet(), reply, proxyState, task.nas()));
    }

    private Outcome failed(RequestTask task, AccountingRecord record, Throwable failure) {
        counters.backendFailures.increment();
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (failureLog.acquire()) {
            log.warn("({}) Accounting {} for [{}] from client {} not stored, no reply sent: {} ({} more)",
                    task.number(), record.statusType(), record.userName(), task.nas().name(), cause.getMessage(),
                    failureLog.takeSuppressed());
        }
        return Outcome.NO_REPLY;
    }
}
