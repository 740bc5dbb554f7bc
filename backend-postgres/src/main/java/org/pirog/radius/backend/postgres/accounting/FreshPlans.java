package org.pirog.radius.backend.postgres.accounting;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;

/**
 * Makes PostgreSQL plan the accounting statements of a connection afresh once per interval ({@code DISCARD PLANS}).
 *
 * <p>Why: a prepared statement's generic plan is made once and kept until an ANALYZE of its tables. Made while
 * radacct was small (a new database, a TRUNCATE), it scans the whole table for each batch, and the table grows
 * with every batch, until autovacuum analyses it; where autovacuum is off, for ever. Planning every batch was
 * measured too: robust, but the plan of the accounting statement costs more than running it for a few records.
 * Planning once per interval bounds the time a stale plan can run to the interval, at the cost of a few plans per
 * connection per interval. (The planner sizes a table from its current number of pages, so a new plan fits the
 * table's size even before ANALYZE has run.)
 *
 * <p>Thread-safe; connections are known by the driver's own connection behind the pool's wrapper, and forgotten
 * with it.
 */
final class FreshPlans {
    private final long intervalNanos;
    /** When each connection's plans were last discarded (or first seen: a new session plans anyway). */
    private final Cache<PGConnection, Long> planned = Caffeine.newBuilder().weakKeys().build();

    FreshPlans(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /** Discards the connection's cached plans if they are older than the interval. */
    void refresh(Connection connection) throws SQLException {
        PGConnection session = connection.unwrap(PGConnection.class);
        long now = System.nanoTime();
        Long since = planned.getIfPresent(session);
        if (since == null) {
            planned.put(session, now);
        } else if (now - since >= intervalNanos) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DISCARD PLANS");
            }
            planned.put(session, now);
        }
    }
}
