package org.pirog.radius.backend.postgres.accounting;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.pirog.radius.core.accounting.AccountingRecord;

/**
 * Runs a batch of records' statements in one transaction with few round trips and prepared plans: statements of the
 * same shape (SQL text) go to PostgreSQL as one JDBC batch of one prepared statement. Reordering is safe only
 * between different sessions, so the batch is cut into rounds (a session's second record in the batch is in the
 * second round, and so on), and Accounting-On/Off, which touches every session of its NAS, runs alone in its place.
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
                    statements.add(tx, record, queries);
                    for (Query query : queries) {
                        query.execute();
                    }
                }
                default -> segment.add(record);
            }
        }
        rounds(tx, statements, segment);
    }

    private static void rounds(DSLContext tx, RadacctStatements statements, List<AccountingRecord> segment) {
        if (segment.isEmpty()) {
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        List<List<AccountingRecord>> rounds = new ArrayList<>();
        for (AccountingRecord record : segment) {
            int round = seen.merge(record.uniqueSessionId(), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(record);
        }
        for (List<AccountingRecord> round : rounds) {
            List<Query> radacct = new ArrayList<>(round.size());
            List<Query> leases = new ArrayList<>();
            for (AccountingRecord record : round) {
                statements.add(tx, record, radacct, leases);
            }
            byShape(tx, radacct);
            byShape(tx, leases);
        }
    }

    /** One prepared statement and one JDBC batch (one round trip) per distinct SQL text. */
    private static void byShape(DSLContext tx, List<Query> queries) {
        if (queries.isEmpty()) {
            return;
        }
        Map<String, List<List<Object>>> shapes = new LinkedHashMap<>();
        for (Query query : queries) {
            shapes.computeIfAbsent(tx.render(query), sql -> new ArrayList<>()).add(query.getBindValues());
        }
        tx.connection(connection -> {
            for (Map.Entry<String, List<List<Object>>> shape : shapes.entrySet()) {
                try (PreparedStatement statement = connection.prepareStatement(shape.getKey())) {
                    for (List<Object> binds : shape.getValue()) {
                        for (int i = 0; i < binds.size(); i++) {
                            statement.setObject(i + 1, binds.get(i));
                        }
                        statement.addBatch();
                    }
                    statement.executeBatch();
                }
            }
        });
    }
}
