package org.pirog.radius.backend.postgres.accounting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.core.accounting.AccountingRecord;

/**
 * Runs a batch of records in one transaction with few round trips: the records of distinct sessions go to
 * PostgreSQL as one statement ({@link RadacctStatements}), whatever their number. Reordering is safe only between
 * different sessions, so the batch is cut into rounds (a session's second record in the batch is in the second
 * round, and so on), and Accounting-On/Off, which touches every session of its NAS, runs alone in its place.
 *
 * <p>Plans: the statement's SQL never changes, so the driver prepares it once per connection and PostgreSQL
 * keeps one generic plan for it. Planning it for each batch instead was measured too: robust, but the plan of this
 * statement costs more than running it for a few records (accounting at low load fell by half). A plan made for a
 * table just created or truncated scans radacct, so the plans are made again every ten seconds
 * ({@link FreshPlans}) rather than only when autovacuum next analyses radacct.
 */
final class RadacctBatch {
    private RadacctBatch() {
    }

    /**
     * The batch as one round, when it is one: only Start, Interim-Update and Stop records, of distinct sessions. Such
     * a batch is one statement, atomic on its own, so it needs no transaction of its own around it. Null otherwise.
     */
    static @Nullable List<RadacctValues> oneRound(List<AccountingRecord> records) {
        List<RadacctValues> round = new ArrayList<>(records.size());
        Set<String> sessions = new HashSet<>();
        for (AccountingRecord record : records) {
            switch (record.statusType()) {
                case ACCOUNTING_ON, ACCOUNTING_OFF -> {
                    return null;
                }
                case START, INTERIM_UPDATE, STOP -> {
                    if (!sessions.add(record.uniqueSessionId())) {
                        return null;
                    }
                    round.add(RadacctValues.of(record));
                }
                default -> {
                    // Stored nowhere, as in execute.
                }
            }
        }
        return round;
    }

    static void execute(DSLContext tx, RadacctStatements statements, List<AccountingRecord> records) {
        List<AccountingRecord> segment = new ArrayList<>(records.size());
        for (AccountingRecord record : records) {
            switch (record.statusType()) {
                case ACCOUNTING_ON, ACCOUNTING_OFF -> {
                    rounds(tx, statements, segment);
                    segment.clear();
                    statements.nasReboot(tx, RadacctValues.of(record));
                }
                case START, INTERIM_UPDATE, STOP -> segment.add(record);
                default -> {
                    // Tunnel records and Failed: FreeRADIUS's default queries store nothing for them.
                }
            }
        }
        rounds(tx, statements, segment);
    }

    private static void rounds(DSLContext tx, RadacctStatements statements, List<AccountingRecord> segment) {
        if (segment.isEmpty()) {
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        List<List<RadacctValues>> rounds = new ArrayList<>();
        for (AccountingRecord record : segment) {
            int round = seen.merge(record.uniqueSessionId(), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(RadacctValues.of(record));
        }
        tx.connection(connection -> {
            for (List<RadacctValues> round : rounds) {
                statements.write(connection, round);
            }
        });
    }
}
