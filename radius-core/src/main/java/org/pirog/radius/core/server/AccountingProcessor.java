package org.pirog.radius.core.server;

import java.util.concurrent.TimeUnit;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.packet.PacketCode;
import org.pirog.radius.core.accounting.AccountingRecord;
import org.pirog.radius.core.backend.Backend;
import org.pirog.radius.core.backend.BackendException;
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

    Outcome process(RequestTask task) {
        AccountingRecord record = AccountingRecord.from(task.packet(), task.nas(), task.sender(), task.received());
        try {
            backend.account(record);
        } catch (BackendException e) {
            counters.backendFailures.increment();
            if (failureLog.acquire()) {
                log.warn("({}) Accounting {} for [{}] from client {} not stored, no reply sent: {} ({} more)",
                        task.number(), record.statusType(), record.userName(), task.nas().name(), e.getMessage(),
                        failureLog.takeSuppressed());
            }
            return Outcome.NO_REPLY;
        }
        counters.accountingResponses.increment();
        var reply = Replies.start(task.packet(), PacketCode.ACCOUNTING_RESPONSE);
        return Outcome.reply(Replies.finish(task.packet(), reply, proxyState, task.nas()));
    }
}
