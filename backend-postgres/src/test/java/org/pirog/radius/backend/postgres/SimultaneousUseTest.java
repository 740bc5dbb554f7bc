package org.pirog.radius.backend.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.core.backend.BackendContext;
import org.pirog.radius.core.config.ConfigItem;
import org.pirog.radius.core.config.ConfigSection;

/** openSessions as rlm_sql's simul_count_query counts: open radacct rows newer than their NAS's last reboot. */
class SimultaneousUseTest {
    private static String schema;
    private static PostgresBackend backend;

    @BeforeAll
    static void create() throws Exception {
        schema = TestDatabase.createSchema("simul");
        ConfigSection settings = new ConfigSection("backend", "postgres", List.of(
                new ConfigItem("url", TestDatabase.URL, true, "pirog.conf", 2),
                new ConfigItem("schema", schema, false, "pirog.conf", 3)), List.of(), "pirog.conf", 1);
        backend = new PostgresBackendProvider(Map.of(), Clock.systemDefaultZone())
                .create(new BackendContext(Dictionary.pirog(), Path.of("."), settings));
        // NAS 192.0.2.1 rebooted an hour ago (its Accounting-On was lost, or another tool wrote nasreload);
        // 192.0.2.2 never did.
        TestDatabase.executeIn(schema, """
                insert into nasreload (nasipaddress, reloadtime) values ('192.0.2.1', now() - interval '1 hour');
                insert into radacct (acctsessionid, acctuniqueid, username, nasipaddress, acctstarttime, acctstoptime)
                values
                    ('a1', 'u-a1', 'ann', '192.0.2.1', now() - interval '2 hours', null),
                    ('a2', 'u-a2', 'ann', '192.0.2.1', now() - interval '10 minutes', null),
                    ('a3', 'u-a3', 'ann', '192.0.2.1', now() - interval '5 minutes', now()),
                    ('a4', 'u-a4', 'ann', '192.0.2.2', now() - interval '30 days', null),
                    ('b1', 'u-b1', 'ben', '192.0.2.1', now() - interval '3 hours', null),
                    ('b2', 'u-b2', 'ben', '192.0.2.1', now() - interval '2 hours', null),
                    ('c1', 'u-c1', 'cat', '192.0.2.1', null, null);
                """);
    }

    @AfterAll
    static void drop() throws Exception {
        backend.close();
        TestDatabase.dropSchema(schema);
    }

    @Test
    void openRowsThatStartedBeforeTheirNasRebootedDoNotCount() throws Exception {
        // a2 (after the reboot) and a4 (a NAS with no reboot recorded); not a1 (before it), not a3 (closed).
        assertThat(backend.openSessions("ann")).isEqualTo(2);
        assertThat(backend.openSessions("ben")).isZero();
        // No start time: as in SQL, "null > reloadtime" is not true, so it does not count either.
        assertThat(backend.openSessions("cat")).isZero();
        assertThat(backend.openSessions("nobody")).isZero();
    }

    @Test
    void aLaterRebootOfTheOtherNasHidesItsOldRowsToo() throws Exception {
        TestDatabase.executeIn(schema, "insert into nasreload values ('192.0.2.9', now());"
                + " insert into radacct (acctsessionid, acctuniqueid, username, nasipaddress, acctstarttime)"
                + " values ('d1', 'u-d1', 'dan', '192.0.2.9', now() - interval '1 minute'),"
                + " ('d2', 'u-d2', 'dan', '192.0.2.1', now() - interval '1 minute')");
        assertThat(backend.openSessions("dan")).isEqualTo(1);
    }
}
