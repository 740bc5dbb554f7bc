package org.pirog.radius.backend.postgres.accounting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.pirog.radius.core.accounting.AccountingRecord;

/**
 * Runs a batch of records' statements in one transaction with few round trips: the records of distinct sessions
 * go to PostgreSQL as one statement per status type ({@link RadacctStatements}), whatever their number. Reordering
 * is safe only between different sessions, so the batch is cut into rounds (a session's second record in the batch
 * is in the second round, and so on), and Accounting-On/Off, which touches every session of its NAS, runs alone in
 * its place.
 */
final class RadacctBatch {
    private RadacctBatch() {
    }

    static void execute(DSLContext tx, RadacctStatements statements, List<AccountingRecord> records) {
        List<AccountingRecord> segment = new ArrayList<>(records.size());
        for (AccountingRecord record : records) {
            switch (record.statusType()) {
                case ACCOUNTING_ON, ACCOUNTING_OFF -> {
                    rounds(tx, statements, segment);
                    segment.clear();
                    List<Query> queries = new ArrayList<>();
                    statements.nasReboot(tx, RadacctValues.of(record), queries);
                    run(queries);
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
        List<Round> rounds = new ArrayList<>();
        for (AccountingRecord record : segment) {
            int round = seen.merge(record.uniqueSessionId(), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new Round());
            }
            rounds.get(round).add(record);
        }
        for (Round round : rounds) {
            List<Query> radacct = new ArrayList<>(3);
            List<Query> leases = new ArrayList<>(2);
            statements.add(tx, round.starts, round.interims, round.stops, radacct, leases);
            run(radacct);
            run(leases);
        }
    }

    private static void run(List<Query> queries) {
        for (Query query : queries) {
            query.execute();
        }
    }

    /** One record of each session, by status type. */
    private static final class Round {
        final List<RadacctValues> starts = new ArrayList<>();
        final List<RadacctValues> interims = new ArrayList<>();
        final List<RadacctValues> stops = new ArrayList<>();

        void add(AccountingRecord record) {
            RadacctValues values = RadacctValues.of(record);
            switch (record.statusType()) {
                case START -> starts.add(values);
                case INTERIM_UPDATE -> interims.add(values);
                default -> stops.add(values);
            }
        }
    }
}
