package org.pirog.radius.backend.postgres.accounting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.core.accounting.AccountingRecord;

/**
 * A batch of records cut into the statements that write it with few round trips: the records of distinct sessions
 * go to PostgreSQL as one statement ({@link RadacctStatements}), whatever their number. Reordering is safe only
 * between different sessions, so the batch is cut into rounds (a session's second record in the batch is in the
 * second round, and so on), and Accounting-On/Off, which touches every session of its NAS, runs alone in its place.
 * Most batches are a single round ({@link #singleRound}), which needs no transaction around it.
 *
 * <p>Plans: the statement's SQL never changes, so the driver prepares it once per connection and PostgreSQL
 * keeps one generic plan for it. Planning it for each batch instead was measured too: robust, but the plan of this
 * statement costs more than running it for a few records (accounting at low load fell by half). A plan made for a
 * table just created or truncated scans radacct, so the plans are made again every ten seconds
 * ({@link FreshPlans}) rather than only when autovacuum next analyses radacct.
 */
final class RadacctBatch {
    /** One statement of the batch, in order. */
    private sealed interface Step {
    }

    /** Start, Interim-Update and Stop records of distinct sessions. */
    private record Round(List<RadacctValues> records) implements Step {
    }

    /** An Accounting-On/Off. */
    private record Reboot(RadacctValues record) implements Step {
    }

    private final List<Step> steps;

    private RadacctBatch(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    static RadacctBatch of(List<AccountingRecord> records) {
        List<Step> steps = new ArrayList<>();
        List<AccountingRecord> segment = new ArrayList<>(records.size());
        for (AccountingRecord record : records) {
            switch (record.statusType()) {
                case ACCOUNTING_ON, ACCOUNTING_OFF -> {
                    addRounds(steps, segment);
                    segment.clear();
                    steps.add(new Reboot(RadacctValues.of(record)));
                }
                case START, INTERIM_UPDATE, STOP -> segment.add(record);
                default -> {
                    // Tunnel records and Failed: FreeRADIUS's default queries store nothing for them.
                }
            }
        }
        addRounds(steps, segment);
        return new RadacctBatch(steps);
    }

    private static void addRounds(List<Step> steps, List<AccountingRecord> segment) {
        Map<String, Integer> seen = new HashMap<>();
        List<List<RadacctValues>> rounds = new ArrayList<>();
        for (AccountingRecord record : segment) {
            int round = seen.merge(record.uniqueSessionId(), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(RadacctValues.of(record));
        }
        for (List<RadacctValues> round : rounds) {
            steps.add(new Round(round));
        }
    }

    /** Whether nothing of the batch is stored. */
    boolean isEmpty() {
        return steps.isEmpty();
    }

    /**
     * The batch's records when it is one round: one statement, atomic on its own, so it needs no transaction of its
     * own around it. Null otherwise.
     */
    @Nullable List<RadacctValues> singleRound() {
        return steps.size() == 1 && steps.get(0) instanceof Round round ? round.records() : null;
    }

    /** Runs every statement, in order, in the transaction of {@code tx}. */
    void execute(DSLContext tx, RadacctStatements statements) {
        for (Step step : steps) {
            switch (step) {
                case Round round -> tx.connection(connection -> statements.write(connection, round.records()));
                case Reboot reboot -> statements.nasReboot(tx, reboot.record());
            }
        }
    }
}
