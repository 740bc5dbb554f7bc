package org.pirog.radius.backend.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.core.backend.BackendContext;
import org.pirog.radius.core.config.ConfigItem;
import org.pirog.radius.core.config.ConfigSection;
import org.pirog.radius.core.nas.Nas;
import org.pirog.radius.core.nas.NasNetwork;
import org.pirog.radius.core.server.RadiusServer;
import org.pirog.radius.core.server.ServerSettings;

/**
 * A database made by FreeRADIUS 3.2's own schema.sql, users written by plain SQL the way daloRADIUS writes them,
 * Pirog's server on it over real UDP, and FreeRADIUS's own clients ({@code radtest}, {@code radclient}) asking.
 */
class FreeRadiusDatabaseEndToEndTest {
    private static final String SECRET = "testing123";
    private static final Path RADTEST = Path.of("/usr/bin/radtest");
    private static final Path RADCLIENT = Path.of("/usr/bin/radclient");

    private static String schema;
    private static PostgresBackend backend;
    private static RadiusServer server;
    private static String auth;
    private static String acct;

    @BeforeAll
    static void start() throws Exception {
        schema = TestDatabase.createSchema("e2e");
        TestDatabase.runFile(schema, TestDatabase.FREERADIUS_SCHEMA);
        TestDatabase.runFile(schema, TestDatabase.FREERADIUS_IPPOOL_SCHEMA);
        // What daloRADIUS's "new user" and "new group" pages insert, and an operator's pool.
        TestDatabase.executeIn(schema, """
                insert into radcheck (username, attribute, op, value) values
                    ('alice', 'Cleartext-Password', ':=', 'alice-pw'),
                    ('carol', 'Cleartext-Password', ':=', 'carol-pw'),
                    ('carol', 'Pool-Name', ':=', 'main'),
                    ('dave', 'Cleartext-Password', ':=', 'dave-pw'),
                    ('erin', 'Cleartext-Password', ':=', 'erin-pw'),
                    ('erin', 'Simultaneous-Use', ':=', '1');
                insert into radreply (username, attribute, op, value) values
                    ('dave', 'Framed-IP-Address', ':=', '10.10.0.1');
                insert into radusergroup (username, groupname, priority) values
                    ('alice', 'pppoe', 1), ('dave', 'pppoe', 1);
                insert into radgroupcheck (groupname, attribute, op, value) values
                    ('pppoe', 'Pool-Name', ':=', 'main');
                insert into radgroupreply (groupname, attribute, op, value) values
                    ('pppoe', 'Framed-Pool', ':=', 'pppoe-pool'),
                    ('pppoe', 'Session-Timeout', ':=', '3600'),
                    ('pppoe', 'Idle-Timeout', ':=', '600');
                insert into radippool (pool_name, framedipaddress, expiry_time)
                    select 'main', '10.10.0.0'::inet + i, timestamp '2000-01-01' + i * interval '1 second'
                    from generate_series(1, 4) i;
                """);
        ConfigSection settings = new ConfigSection("backend", "postgres", List.of(
                new ConfigItem("url", TestDatabase.URL, true, "pirog.conf", 2),
                new ConfigItem("schema", schema, false, "pirog.conf", 3)), List.of(), "pirog.conf", 1);
        backend = new PostgresBackendProvider(Map.of(), Clock.systemDefaultZone())
                .create(new BackendContext(Dictionary.pirog(), Path.of("."), settings));
        InetAddress localhost = InetAddress.getByName("127.0.0.1");
        server = RadiusServer.builder()
                .dictionary(Dictionary.pirog())
                .client(Nas.of("localhost", NasNetwork.host(localhost), SharedSecret.of(SECRET)))
                .backend(backend)
                .settings(ServerSettings.DEFAULTS.withRejectDelay(Duration.ZERO).withThreads(2))
                .listen(new InetSocketAddress(localhost, 0))
                .drainTimeout(Duration.ofSeconds(2))
                .start();
        auth = "127.0.0.1:" + server.authAddresses().get(0).getPort();
        acct = "127.0.0.1:" + server.acctAddresses().get(0).getPort();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (backend != null) {
            backend.close();
        }
        TestDatabase.dropSchema(schema);
    }

    @Test
    void theSchemaWasAdoptedNotRecreated() throws Exception {
        assertThat(SchemaMigrationTest.query(schema,
                "select version || ' ' || type from flyway_schema_history order by installed_rank"))
                .startsWith("1 BASELINE");
    }

    @Test
    void papThroughRadtestGetsTheGroupsReplyAndAPoolAddressThenAccountingFillsRadacct() throws Exception {
        String out = run(RADTEST.toString(), "-t", "pap", "alice", "alice-pw", auth, "11", SECRET);
        assertThat(out).contains("Received Access-Accept")
                .contains("Framed-Pool = \"pppoe-pool\"")
                .contains("Session-Timeout = 3600")
                .contains("Idle-Timeout = 600");
        String address = framedIp(out);
        assertThat(address).startsWith("10.10.0.").isNotEqualTo("10.10.0.1");

        String start = "User-Name = alice, Acct-Status-Type = Start, Acct-Session-Id = \"e2e-1\","
                + " NAS-IP-Address = 127.0.0.1, NAS-Port = 11, Framed-IP-Address = " + address
                + ", Calling-Station-Id = \"02-00-00-00-00-01\"";
        assertThat(radclient(start)).contains("Received Accounting-Response");
        assertThat(SchemaMigrationTest.query(schema, "select username || ' ' || host(nasipaddress) || ' '"
                + " || host(framedipaddress) || ' ' || (acctstoptime is null) from radacct where acctsessionid = 'e2e-1'"))
                .containsExactly("alice 127.0.0.1 " + address + " true");
        assertThat(SchemaMigrationTest.query(schema, "select username || ' ' || pool_key || ' '"
                + " || (expiry_time > localtimestamp) from radippool where host(framedipaddress) = '" + address + "'"))
                .containsExactly("alice 11 true");

        String stop = "User-Name = alice, Acct-Status-Type = Stop, Acct-Session-Id = \"e2e-1\","
                + " NAS-IP-Address = 127.0.0.1, NAS-Port = 11, Framed-IP-Address = " + address
                + ", Acct-Session-Time = 120, Acct-Input-Octets = 1000, Acct-Output-Octets = 2000,"
                + " Acct-Input-Gigawords = 1, Acct-Terminate-Cause = User-Request";
        assertThat(radclient(stop)).contains("Received Accounting-Response");
        assertThat(SchemaMigrationTest.query(schema, "select acctsessiontime || ' ' || acctinputoctets || ' '"
                + " || acctoutputoctets || ' ' || (acctstoptime is not null) from radacct where acctsessionid = 'e2e-1'"))
                .containsExactly("120 4294968296 2000 true");
        assertThat(SchemaMigrationTest.query(schema, "select (expiry_time < localtimestamp) from radippool"
                + " where host(framedipaddress) = '" + address + "'"))
                .containsExactly("t");
        // The same port logs in again: the same address (sqlippool's sticky pool_key, NAS-Port).
        assertThat(framedIp(run(RADTEST.toString(), "-t", "pap", "alice", "alice-pw", auth, "11", SECRET)))
                .isEqualTo(address);
    }

    @Test
    void chapThroughRadtestWithThePoolNamedInRadcheck() throws Exception {
        String out = run(RADTEST.toString(), "-t", "chap", "carol", "carol-pw", auth, "12", SECRET);
        assertThat(out).contains("Received Access-Accept").doesNotContain("Framed-Pool");
        assertThat(framedIp(out)).startsWith("10.10.0.").isNotEqualTo("10.10.0.1");
    }

    @Test
    void aFixedAddressIsSentAsItIsAndNeverLeasedFromThePool() throws Exception {
        String out = run(RADTEST.toString(), "-t", "pap", "dave", "dave-pw", auth, "13", SECRET);
        assertThat(out).contains("Received Access-Accept");
        assertThat(framedIp(out)).isEqualTo("10.10.0.1");
        assertThat(SchemaMigrationTest.query(schema, "select username from radippool where framedipaddress = '10.10.0.1'"))
                .containsExactly("");
    }

    @Test
    void simultaneousUseCountsOnlySessionsNewerThanTheNasReboot() throws Exception {
        // An open session from before the NAS rebooted (its Accounting-On was lost): the NAS still looks busy...
        TestDatabase.executeIn(schema, "insert into radacct (acctsessionid, acctuniqueid, username, nasipaddress,"
                + " acctstarttime) values ('erin-1', 'erin-u1', 'erin', '127.0.0.1', now() - interval '1 hour')");
        String out = run(RADTEST.toString(), "-t", "pap", "erin", "erin-pw", auth, "16", SECRET);
        assertThat(out).contains("Received Access-Reject")
                .contains("Reply-Message = \"You are already logged in - access denied\"");
        // ...until nasreload says it rebooted since (rlm_sql's simul_count_query).
        TestDatabase.executeIn(schema, "insert into nasreload (nasipaddress, reloadtime)"
                + " values ('127.0.0.1', now() - interval '1 minute')");
        assertThat(run(RADTEST.toString(), "-t", "pap", "erin", "erin-pw", auth, "16", SECRET))
                .contains("Received Access-Accept");
    }

    @Test
    void aWrongPasswordIsRejected() throws Exception {
        assertThat(run(RADTEST.toString(), "-t", "pap", "alice", "wrong", auth, "14", SECRET))
                .contains("Received Access-Reject");
        assertThat(run(RADTEST.toString(), "-t", "chap", "carol", "wrong", auth, "15", SECRET))
                .contains("Received Access-Reject");
    }

    private static String framedIp(String radtestOutput) {
        Matcher m = Pattern.compile("Framed-IP-Address = (\\S+)").matcher(radtestOutput);
        assertThat(m.find()).as("Framed-IP-Address in %s", radtestOutput).isTrue();
        return m.group(1);
    }

    private static String radclient(String attributes) throws Exception {
        Path input = Files.createTempFile("pirog-radclient", ".txt");
        try {
            Files.writeString(input, attributes + "\n", StandardCharsets.UTF_8);
            return run(RADCLIENT.toString(), "-x", "-r", "3", "-t", "3", "-f", input.toString(), acct, "acct", SECRET);
        } finally {
            Files.deleteIfExists(input);
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command));
        }
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
