package org.pirog.radius.backend.postgres.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pirog.radius.backend.postgres.accounting.RadacctDatabase.nas;
import static org.pirog.radius.backend.postgres.accounting.RadacctDatabase.record;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pirog.radius.core.nas.Nas;

/**
 * A session's plan of the accounting statement, made while radacct was empty, scans the whole table once it has
 * grown; made again after the interval ({@code DISCARD PLANS}), it finds rows by index. On the real PostgreSQL,
 * with autovacuum off for radacct so that no ANALYZE makes the plan again meanwhile.
 */
class FreshPlansTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void aPlanMadeForAnEmptyRadacctIsMadeAgainAfterTheIntervalAndStopsScanningTheTable() throws Exception {
        try (RadacctDatabase db = new RadacctDatabase("plans")) {
            db.execute("alter table radacct set (autovacuum_enabled = false); analyze radacct");
            Nas nas = nas("192.0.2.1");
            RadacctStatements kept = new RadacctStatements(db.dsl, Duration.ofHours(1), Duration.ofDays(1));
            RadacctStatements renewed = new RadacctStatements(db.dsl, Duration.ofHours(1), Duration.ZERO);
            try (Connection keptSession = db.dataSource.getConnection();
                    Connection renewedSession = db.dataSource.getConnection()) {
                // Each session runs the statement often enough on the empty table for PostgreSQL to keep a
                // generic plan.
                for (int i = 0; i < 10; i++) {
                    kept.write(keptSession, List.of(start(nas, "kept-" + i)));
                    renewed.write(renewedSession, List.of(start(nas, "renewed-" + i)));
                }
                db.execute("insert into radacct (acctsessionid, acctuniqueid, username, nasipaddress, acctstarttime)"
                        + " select i::text, md5(i::text), 'user' || i, '192.0.2.9', now()"
                        + " from generate_series(1, 200000) i");

                assertThat(radacctScansOfOneWrite(kept, keptSession, nas, "kept-late"))
                        .as("the plan made for an empty table, kept").isPositive();
                assertThat(radacctScansOfOneWrite(renewed, renewedSession, nas, "renewed-late"))
                        .as("a plan made again").isZero();
            }
        }
    }

    private static RadacctValues start(Nas nas, String session) throws Exception {
        return RadacctValues.of(record(nas, T0, "Acct-Status-Type", "Start", "User-Name", "bob",
                "Acct-Session-Id", session));
    }

    /** Sequential scans of radacct by one write (rolled back). */
    private static long radacctScansOfOneWrite(RadacctStatements statements, Connection session, Nas nas,
            String sessionId) throws Exception {
        session.setAutoCommit(false);
        try {
            long before = radacctScans(session);
            statements.write(session, List.of(start(nas, sessionId)));
            return radacctScans(session) - before;
        } finally {
            session.rollback();
            session.setAutoCommit(true);
        }
    }

    /**
     * The session's sequential scans of radacct not yet reported to the statistics (PostgreSQL reports them at most
     * once a second, so this may include earlier transactions: only differences are meaningful).
     */
    private static long radacctScans(Connection session) throws Exception {
        try (Statement statement = session.createStatement(); ResultSet row = statement.executeQuery(
                "select coalesce(sum(seq_scan), 0) from pg_stat_xact_user_tables where relid = 'radacct'::regclass")) {
            row.next();
            return row.getLong(1);
        }
    }
}
