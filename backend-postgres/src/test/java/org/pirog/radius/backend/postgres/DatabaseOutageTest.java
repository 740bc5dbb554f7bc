package org.pirog.radius.backend.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.packet.PacketCode;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.core.accounting.AcctUniqueSessionId;
import org.pirog.radius.core.backend.BackendContext;
import org.pirog.radius.core.client.RadiusClient;
import org.pirog.radius.core.config.ConfigItem;
import org.pirog.radius.core.config.ConfigSection;
import org.pirog.radius.core.nas.Nas;
import org.pirog.radius.core.nas.NasNetwork;
import org.pirog.radius.core.server.RadiusServer;
import org.pirog.radius.core.server.ServerSettings;

/**
 * PostgreSQL pulled away under accounting load: the local cluster is stopped for about three seconds
 * ({@code pg_ctlcluster … stop -m fast}, which also drops every pooled connection) and started again, while NASes
 * (an in-process {@link RadiusServer} with the postgres backend, {@link RadiusClient}s retransmitting on
 * RFC 5080's back-off) keep sending Start, Interim-Update and Stop. No Accounting-Response may go out for a
 * record that is not in radacct, and the server must answer again once the database is back.
 *
 * <p>Needs root and Debian's {@code pg_ctlcluster} for the cluster that {@link TestDatabase#URL} names on this
 * machine; skipped otherwise. Stopping the cluster disturbs everything else on it: surefire runs this module's
 * test classes one after another (no parallel configuration), so nothing else of this build is using it then.
 */
class DatabaseOutageTest {
    private static final Path PG_CTLCLUSTER = Path.of("/usr/bin/pg_ctlcluster");
    private static final Path PG_ISREADY = Path.of("/usr/bin/pg_isready");
    private static final Dictionary DICTIONARY = Dictionary.pirog();
    private static final String SECRET = "testing123";
    private static final int NASES = 8;
    private static final int MAX_SESSIONS_PER_NAS = 400;
    private static final Duration OUTAGE = Duration.ofSeconds(3);
    private static final int START = 1;
    private static final int STOP = 2;
    private static final int INTERIM = 3;

    private String schema;
    private PostgresBackend backend;
    private RadiusServer server;

    /** One Accounting-Request and whether it was answered. */
    private record Sent(String uniqueId, int status, boolean answered, long firstSentNanos, long answeredNanos) {
    }

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Files.isExecutable(PG_CTLCLUSTER) && Files.isExecutable(PG_ISREADY),
                "Debian's pg_ctlcluster and pg_isready");
        assumeTrue("root".equals(System.getProperty("user.name")), "root, to stop and start the cluster");
        assumeTrue(TestDatabase.URL.contains("//127.0.0.1") || TestDatabase.URL.contains("//localhost"),
                "the test database on this machine");
        assumeTrue(clusterVersion() != null, "a cluster in /etc/postgresql");
        schema = TestDatabase.createSchema("outage");
        ConfigSection settings = new ConfigSection("backend", "postgres", List.of(
                new ConfigItem("url", TestDatabase.URL, true, "pirog.conf", 2),
                new ConfigItem("schema", schema, false, "pirog.conf", 3)), List.of(), "pirog.conf", 1);
        backend = new PostgresBackendProvider(Map.of(), Clock.systemDefaultZone())
                .create(new BackendContext(DICTIONARY, Path.of("."), settings));
        InetAddress localhost = InetAddress.getLoopbackAddress();
        server = RadiusServer.builder()
                .dictionary(DICTIONARY)
                .client(Nas.of("localhost", NasNetwork.host(localhost), SharedSecret.of(SECRET)))
                .backend(backend)
                .settings(ServerSettings.DEFAULTS.withRejectDelay(Duration.ZERO).withThreads(2))
                .listen(new InetSocketAddress(localhost, 0))
                .drainTimeout(Duration.ofSeconds(2))
                .start();
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (backend != null) {
            backend.close();
        }
        if (schema != null) {
            TestDatabase.dropSchema(schema);
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void noAnsweredAccountingRecordIsLostWhenPostgresqlGoesAwayAndComesBack() throws Exception {
        String version = clusterVersion();
        ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
        AtomicBoolean loadRunning = new AtomicBoolean(true);
        ExecutorService nases = Executors.newFixedThreadPool(NASES);
        long outageStarted;
        long databaseBack;
        try (RadiusClient client = RadiusClient.builder().server(server.acctAddresses().get(0))
                .secret(SharedSecret.of(SECRET)).dictionary(DICTIONARY)
                .timeout(Duration.ofSeconds(1)).retries(20).maxRetransmissionTimeout(Duration.ofSeconds(4))
                .maxRetransmissionDuration(Duration.ofSeconds(45)).build()) {
            List<CompletableFuture<Void>> load = new ArrayList<>();
            for (int n = 0; n < NASES; n++) {
                int nas = n;
                load.add(CompletableFuture.runAsync(() -> nas(client, nas, loadRunning, sent), nases));
            }
            try {
                Thread.sleep(1500);
                assertThat(sent).as("records answered before the outage").anySatisfy(s ->
                        assertThat(s.answered()).isTrue());
                outageStarted = System.nanoTime();
                pgCtlCluster(version, "stop", "-m", "fast");
                Thread.sleep(OUTAGE.toMillis());
            } finally {
                // Whatever happened above, the cluster runs again before anything else.
                startCluster(version);
            }
            databaseBack = System.nanoTime();
            // The load goes on for a while on the recovered database, then every NAS finishes its session.
            Thread.sleep(3000);
            loadRunning.set(false);
            for (CompletableFuture<Void> nas : load) {
                nas.get(90, TimeUnit.SECONDS);
            }
        } finally {
            loadRunning.set(false);
            nases.shutdownNow();
        }

        List<Sent> all = new ArrayList<>(sent);
        List<Sent> answered = all.stream().filter(Sent::answered).toList();
        // Records first sent while the database was away were answered after it came back (retransmissions).
        assertThat(answered).as("records first sent during the outage and answered")
                .anyMatch(s -> s.firstSentNanos() > outageStarted && s.firstSentNanos() < databaseBack);
        // The server answered records first sent after the database came back.
        assertThat(answered).as("records first sent after the database came back and answered")
                .anyMatch(s -> s.firstSentNanos() > databaseBack);
        assertThat(all).as("requests given up (no answer within 45 s)").allMatch(Sent::answered);
        // The pool reconnects quickly (HikariCP's connection timeout caps its retry back-off): the first answer
        // after the database is back comes well within a NAS's patience (RFC 5080's 30 s MRD).
        long recovery = answered.stream().mapToLong(Sent::answeredNanos).filter(t -> t > databaseBack).min()
                .orElseThrow() - databaseBack;
        assertThat(Duration.ofNanos(recovery)).as("first answer after the database came back")
                .isLessThan(Duration.ofSeconds(10));
        System.out.println("DatabaseOutageTest: " + answered.size() + " records answered, the first "
                + TimeUnit.NANOSECONDS.toMillis(recovery) + " ms after the database came back");

        Map<String, String> rows = new HashMap<>();
        for (String row : SchemaMigrationTest.query(schema, "select acctuniqueid || ' ' || count(*) over"
                + " (partition by acctuniqueid) || ' ' || (acctstoptime is not null) from radacct")) {
            rows.put(row.substring(0, row.indexOf(' ')), row.substring(row.indexOf(' ') + 1));
        }
        for (Sent s : answered) {
            assertThat(rows.get(s.uniqueId())).as("the radacct row of an answered %s", s)
                    .isIn(s.status() == STOP ? List.of("1 true") : List.of("1 true", "1 false"));
        }
        assertThat(rows).as("one row per session").hasSize((int) answered.stream().map(Sent::uniqueId)
                .distinct().count());
    }

    /** A NAS: sessions one after another (Start, Interim-Update, Stop), each request retransmitted till answered. */
    private static void nas(RadiusClient client, int nas, AtomicBoolean running, ConcurrentLinkedQueue<Sent> sent) {
        for (int i = 0; i < MAX_SESSIONS_PER_NAS && running.get(); i++) {
            String user = "user" + nas;
            String session = "n" + nas + "-" + i;
            for (int status : new int[] {START, INTERIM, STOP}) {
                RadiusPacket request = RadiusPacket.builder(DICTIONARY, PacketCode.ACCOUNTING_REQUEST, 0)
                        .addNumber("Acct-Status-Type", status)
                        .addString("User-Name", user)
                        .addString("Acct-Session-Id", session)
                        .addAddress("NAS-IP-Address", InetAddress.getLoopbackAddress())
                        .addNumber("NAS-Port", nas)
                        .addNumber("Acct-Session-Time", status == START ? 0 : status == INTERIM ? 30 : 60)
                        .build();
                long first = System.nanoTime();
                boolean answered;
                try {
                    client.send(request).get(60, TimeUnit.SECONDS);
                    answered = true;
                } catch (ExecutionException | TimeoutException e) {
                    answered = false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                sent.add(new Sent(AcctUniqueSessionId.of(request), status, answered, first, System.nanoTime()));
                if (!answered) {
                    return;
                }
            }
        }
    }

    /** The newest cluster version in /etc/postgresql, or null. */
    private static String clusterVersion() throws IOException {
        Path etc = Path.of("/etc/postgresql");
        if (!Files.isDirectory(etc)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(etc)) {
            return versions.map(p -> p.getFileName().toString()).filter(v -> v.matches("\\d+(\\.\\d+)?"))
                    .filter(v -> Files.isDirectory(etc.resolve(v).resolve("main")))
                    .max(Comparator.comparingDouble(Double::parseDouble)).orElse(null);
        }
    }

    /** Starts the cluster (again) and waits until it accepts connections; tries hard, others need it. */
    private static void startCluster(String version) throws Exception {
        Exception failure = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                // Exit status 2: already running, which is as good.
                pgCtlCluster(version, "start");
            } catch (Exception e) {
                failure = e;
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                if (run(PG_ISREADY.toString(), "-q", "-h", "127.0.0.1") == 0) {
                    return;
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("PostgreSQL " + version + " did not come back", failure);
    }

    private static void pgCtlCluster(String version, String... action) throws Exception {
        List<String> command = new ArrayList<>(List.of(PG_CTLCLUSTER.toString(), "--skip-systemctl-redirect",
                version, "main"));
        command.addAll(List.of(action));
        int status = run(command.toArray(String[]::new));
        if (status != 0 && !(action[0].equals("start") && status == 2)) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + status);
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        // To a file, not a pipe: the postmaster pg_ctlcluster starts would hold a pipe open for ever.
        Path out = Files.createTempFile("pirog-outage", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile())).start();
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command) + "\n"
                        + Files.readString(out, StandardCharsets.UTF_8));
            }
            return process.exitValue();
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
