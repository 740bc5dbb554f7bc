package org.pirog.radius.backend.postgres.nas;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pirog.radius.backend.postgres.PostgresBackend;
import org.pirog.radius.backend.postgres.PostgresBackendProvider;
import org.pirog.radius.backend.postgres.TestDatabase;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.packet.PacketCode;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.core.backend.BackendContext;
import org.pirog.radius.core.client.RadiusClient;
import org.pirog.radius.core.config.ConfigItem;
import org.pirog.radius.core.config.ConfigSection;
import org.pirog.radius.core.nas.BlastRadiusMode;
import org.pirog.radius.core.nas.Nas;
import org.pirog.radius.core.nas.NasNetwork;
import org.pirog.radius.core.server.RadiusServer;
import org.pirog.radius.core.server.ServerSettings;

/** Clients from the nas table, end to end: a running server answers a row inserted and drops a row deleted. */
class NasClientsTest {
    private String schema;
    private PostgresBackend backend;
    private RadiusServer server;

    @BeforeEach
    void start() throws Exception {
        schema = TestDatabase.createSchema("nas");
        ConfigSection settings = new ConfigSection("backend", "postgres", List.of(
                new ConfigItem("url", TestDatabase.URL, true, "pirog.conf", 2),
                new ConfigItem("schema", schema, false, "pirog.conf", 3),
                new ConfigItem("pool_size", "4", false, "pirog.conf", 4)), List.of(), "pirog.conf", 1);
        backend = new PostgresBackendProvider(Map.of(), Clock.systemDefaultZone())
                .create(new BackendContext(Dictionary.pirog(), Path.of("."), settings));
        TestDatabase.executeIn(schema,
                "insert into radcheck (username, attribute, op, value) values ('ann', 'Cleartext-Password', ':=', 'x')");
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        } else {
            backend.close();
        }
        TestDatabase.dropSchema(schema);
    }

    @Test
    void aRowInsertedIsAnsweredWithinASecondAndARowDeletedIsDropped() throws Exception {
        server = start(List.of());
        try (RadiusClient client = client("from-sql")) {
            assertThat(answer(client)).isNull();
            TestDatabase.executeIn(schema, "insert into nas (nasname, shortname, type, secret) values"
                    + " ('127.0.0.1', 'lab', 'other', 'from-sql')");
            long start = System.nanoTime();
            RadiusPacket reply = awaitAnswer(client, true);
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_500);
            assertThat(reply.code()).isEqualTo(PacketCode.ACCESS_ACCEPT);
            assertThat(server.clients().find(InetAddress.getByName("127.0.0.1")).name()).isEqualTo("lab");

            TestDatabase.executeIn(schema, "delete from nas");
            awaitAnswer(client, false);
            assertThat(server.clients().size()).isZero();
        }
    }

    @Test
    void aClientsConfEntryWinsOverARowForTheSameAddress() throws Exception {
        TestDatabase.executeIn(schema, "insert into nas (nasname, shortname, type, secret) values"
                + " ('127.0.0.0/8', 'sql', 'other', 'from-sql')");
        Nas configured = Nas.of("conf", NasNetwork.host(InetAddress.getByName("127.0.0.1")), SharedSecret.of("conf"))
                .withBlastRadius(BlastRadiusMode.NO, BlastRadiusMode.NO);
        server = start(List.of(configured));
        try (RadiusClient conf = client("conf")) {
            assertThat(answer(conf).code()).isEqualTo(PacketCode.ACCESS_ACCEPT);
        }
        assertThat(server.clients().clients()).extracting(Nas::name).containsExactly("conf", "sql");
        TestDatabase.executeIn(schema, "insert into nas (nasname, shortname, type, secret) values"
                + " ('127.0.0.1', 'duplicate', 'other', 'from-sql')");
        Thread.sleep(500);
        assertThat(server.clients().find(InetAddress.getByName("127.0.0.1")).name()).isEqualTo("conf");
    }

    @Test
    void badRowsAreLeftOutAndTheRestServed() throws Exception {
        TestDatabase.executeIn(schema, """
                insert into nas (nasname, shortname, type, secret) values
                    ('no-such-host.invalid', 'bad1', 'other', 's'),
                    ('192.0.2.0/99', 'bad2', 'other', 's'),
                    ('*', 'bad3', 'other', 's'),
                    ('192.0.2.7', 'nosecret', 'other', ''),
                    ('192.0.2.0/24', '', 'mikrotik', 's'),
                    ('2001:db8::1', 'six', '', 's'),
                    ('localhost', 'byname', 'other', 's');
                """);
        List<Nas> clients = backend.clients().clients(BlastRadiusMode.YES, BlastRadiusMode.AUTO);
        assertThat(clients).extracting(Nas::name).containsExactly("192.0.2.0/24", "six", "byname");
        assertThat(clients.get(0).nasType()).isEqualTo("mikrotik");
        assertThat(clients.get(0).network().prefixLength()).isEqualTo(24);
        assertThat(clients.get(1).nasType()).isEqualTo("other");
        assertThat(clients.get(0).requireMessageAuthenticator()).as("the server's default").isEqualTo(BlastRadiusMode.YES);
        server = start(List.of());
        assertThat(server.clients().size()).isEqualTo(3);
    }

    @Test
    void blastRadiusColumnsOfFreeRadius325AreReadWhenPresent() throws Exception {
        TestDatabase.executeIn(schema, """
                alter table nas add column require_ma text not null default 'auto',
                                add column limit_proxy_state text not null default 'auto';
                insert into nas (nasname, shortname, secret, require_ma, limit_proxy_state) values
                    ('192.0.2.1', 'a', 's', 'yes', 'no'), ('192.0.2.2', 'b', 's', 'auto', 'bogus');
                """);
        List<Nas> clients = backend.clients().clients(BlastRadiusMode.NO, BlastRadiusMode.YES);
        assertThat(clients.get(0).requireMessageAuthenticator()).isEqualTo(BlastRadiusMode.YES);
        assertThat(clients.get(0).limitProxyState()).isEqualTo(BlastRadiusMode.NO);
        assertThat(clients.get(1).requireMessageAuthenticator()).isEqualTo(BlastRadiusMode.AUTO);
        assertThat(clients.get(1).limitProxyState()).as("unknown: the server's default").isEqualTo(BlastRadiusMode.YES);
    }

    private RadiusServer start(List<Nas> configured) throws Exception {
        return RadiusServer.builder()
                .clients(configured)
                .backend(backend)
                .settings(ServerSettings.DEFAULTS.withRejectDelay(Duration.ZERO))
                .listen(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))
                .start();
    }

    private RadiusClient client(String secret) {
        return RadiusClient.builder().server(server.authAddresses().get(0)).secret(SharedSecret.of(secret))
                .timeout(Duration.ofMillis(100)).retries(0).build();
    }

    /** The reply, or null when the server answers nothing (an unknown client). */
    private static RadiusPacket answer(RadiusClient client) throws Exception {
        try {
            return client.send(client.papRequest("ann", "x").build()).get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return null;
        }
    }

    private static RadiusPacket awaitAnswer(RadiusClient client, boolean answered) throws Exception {
        long deadline = System.nanoTime() + 1_500_000_000L;
        while (true) {
            RadiusPacket reply = answer(client);
            if ((reply != null) == answered) {
                return reply;
            }
            assertThat(System.nanoTime() - deadline).as("in time").isNegative();
        }
    }
}
