package org.pirog.radius.backend.postgres.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Closing sessions whose NAS went silent, on the real PostgreSQL. */
class StaleSessionsTest {
    private RadacctDatabase db;
    private StaleSessions stale;

    @BeforeEach
    void setUp() throws Exception {
        db = new RadacctDatabase("stale");
        // Three intervals without an update; 600 s for sessions that have sent no Interim-Update yet.
        stale = new StaleSessions(db.dsl, 3, Duration.ofMinutes(10), Duration.ZERO);
    }

    @AfterEach
    void tearDown() throws Exception {
        stale.close();
        db.close();
    }

    private void session(String id, String user, String framed, String startedAgo, String updatedAgo,
            Integer interval) throws Exception {
        db.execute("insert into radacct (acctsessionid, acctuniqueid, username, nasipaddress, acctstarttime,"
                + " acctupdatetime, acctinterval, framedipaddress) values ('" + id + "', '" + id + "', '" + user
                + "', '192.0.2.1', now() - interval '" + startedAgo + "', now() - interval '" + updatedAgo + "', "
                + interval + ", '" + framed + "')");
        db.execute("insert into radippool (pool_name, framedipaddress, nasipaddress, username, expiry_time)"
                + " values ('main', '" + framed + "', '192.0.2.1', '" + user + "', now() + interval '1 hour')");
    }

    @Test
    void closesSessionsSilentForThreeIntervalsAndFreesTheirLeases() throws Exception {
        session("quiet", "ann", "10.0.0.1", "2 hours", "16 minutes", 300);      // 3 x 300 s = 15 min: stale
        session("alive", "bob", "10.0.0.2", "2 hours", "14 minutes", 300);      // not yet
        session("noInterim", "cid", "10.0.0.3", "31 minutes", "31 minutes", null); // 3 x 600 s default: stale
        session("young", "dan", "10.0.0.4", "29 minutes", "29 minutes", null);  // not yet

        assertThat(stale.closeStale()).isEqualTo(2);

        assertThat(db.row("quiet")).containsEntry("acctterminatecause", "Lost-Carrier")
                .containsEntry("acctsessiontime", 2 * 3600L - 16 * 60L);
        Object stop = db.row("quiet").get("acctstoptime");
        assertThat(stop).isEqualTo(db.row("quiet").get("acctupdatetime")).isInstanceOf(OffsetDateTime.class);
        assertThat(db.row("noInterim")).containsEntry("acctterminatecause", "Lost-Carrier")
                .containsEntry("acctsessiontime", 0L);
        assertThat(db.row("alive")).containsEntry("acctstoptime", null);
        assertThat(db.row("young")).containsEntry("acctstoptime", null);
        assertThat(db.count("select count(*) from radippool where expiry_time < localtimestamp")).isEqualTo(2);
        assertThat(db.count("select count(*) from radippool where expiry_time < localtimestamp and"
                + " framedipaddress in ('10.0.0.1', '10.0.0.3')")).isEqualTo(2);
        // Closed once: a second pass finds nothing.
        assertThat(stale.closeStale()).isZero();
    }
}
