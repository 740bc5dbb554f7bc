package org.pirog.radius.backend.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.packet.PacketCode;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.codec.packet.RadiusPacketBuilder;
import org.pirog.radius.core.accounting.AcctUniqueSessionId;
import org.pirog.radius.core.client.RadiusClient;

/**
 * Two {@code radiusd} processes (separate JVMs, {@link RadiusdProcess}) on one database schema, hammered at once
 * with logins of the same users from a radippool pool smaller than the logins, and each session's accounting
 * spread over both servers: the Start sent to both at once (a NAS failing over), the Interim-Update to the
 * other server, the Stop to the one that authenticated it. No address may be leased to two sessions at once, and
 * every answered Accounting-Request must be in radacct exactly once.
 */
class TwoServersTest {
    private static final Dictionary DICTIONARY = Dictionary.pirog();
    private static final int USERS = 6;
    private static final int POOL = 12;
    private static final int THREADS_PER_SERVER = 10;
    private static final int SESSIONS_PER_THREAD = 15;
    private static final int START = 1;
    private static final int STOP = 2;
    private static final int INTERIM = 3;

    private static String schema;
    private static Path directory;
    private static volatile boolean passed;

    @BeforeAll
    static void createSchema() throws Exception {
        schema = TestDatabase.createSchema("two");
        directory = Files.createTempDirectory("pirog-two-servers");
    }

    @AfterAll
    static void dropSchema() throws Exception {
        TestDatabase.dropSchema(schema);
        // The servers' configuration and logs; kept by a failed test (its assertion names them).
        if (passed) {
            try (var files = Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** What one session saw: its requests and which of them were answered. */
    private record Session(String user, int port, String acctSessionId, String uniqueId, String address,
            boolean startAnswered, boolean interimAnswered, boolean stopSent, boolean stopAnswered) {
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void twoServersNeverLeaseAnAddressTwiceAndLoseOrDuplicateNoRecord() throws Exception {
        RadiusdProcess a = null;
        RadiusdProcess b = null;
        try {
            // Both start at once: the schema migration is theirs to serialise.
            a = RadiusdProcess.start(directory.resolve("a"), schema);
            b = RadiusdProcess.start(directory.resolve("b"), schema);
            a.awaitReady(Duration.ofSeconds(60));
            b.awaitReady(Duration.ofSeconds(60));
            TestDatabase.executeIn(schema, """
                    insert into radcheck (username, attribute, op, value)
                        select 'user' || i, 'Cleartext-Password', ':=', 'pw' || i from generate_series(0, %d) i;
                    insert into radcheck (username, attribute, op, value)
                        select 'user' || i, 'Pool-Name', ':=', 'shared' from generate_series(0, %d) i;
                    insert into radippool (pool_name, framedipaddress, expiry_time)
                        select 'shared', '10.20.0.0'::inet + i, timestamp '2000-01-01' from generate_series(1, %d) i;
                    """.formatted(USERS - 1, USERS - 1, POOL));
            hammer(a, b);
        } finally {
            if (a != null) {
                a.close();
            }
            if (b != null) {
                b.close();
            }
        }
    }

    private void hammer(RadiusdProcess a, RadiusdProcess b) throws Exception {
        RadiusdProcess[] servers = {a, b};
        RadiusClient[] auth = new RadiusClient[2];
        RadiusClient[] acct = new RadiusClient[2];
        List<Session> sessions = new ArrayList<>();
        Map<String, String> holders = new ConcurrentHashMap<>();
        Set<String> doubleLeases = ConcurrentHashMap.newKeySet();
        AtomicInteger withoutAddress = new AtomicInteger();
        AtomicInteger unanswered = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(2 * THREADS_PER_SERVER + 1);
        try {
            for (int s = 0; s < 2; s++) {
                auth[s] = client(servers[s].auth());
                acct[s] = client(servers[s].acct());
            }
            // Watches the database while the load runs: never two open sessions on one address.
            CompletableFuture<Void> watcher = CompletableFuture.runAsync(() -> {
                while (running.get()) {
                    try {
                        doubleLeases.addAll(SchemaMigrationTest.query(schema, "select host(framedipaddress)"
                                + " from radacct where acctstoptime is null and framedipaddress is not null"
                                + " group by framedipaddress having count(*) > 1"));
                        Thread.sleep(50);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }, threads);
            List<CompletableFuture<List<Session>>> workers = new ArrayList<>();
            for (int s = 0; s < 2; s++) {
                for (int t = 0; t < THREADS_PER_SERVER; t++) {
                    int server = s;
                    int thread = t;
                    workers.add(CompletableFuture.supplyAsync(() -> {
                        List<Session> mine = new ArrayList<>();
                        for (int i = 0; i < SESSIONS_PER_THREAD; i++) {
                            try {
                                Session session = session(auth[server], acct[server], acct[1 - server],
                                        "user" + ((thread + i) % USERS), 1 + server * 10_000 + thread * 100 + i,
                                        i == SESSIONS_PER_THREAD - 1, holders, doubleLeases, unanswered);
                                if (session == null) {
                                    withoutAddress.incrementAndGet();
                                } else {
                                    mine.add(session);
                                }
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        }
                        return mine;
                    }, threads));
                }
            }
            for (CompletableFuture<List<Session>> worker : workers) {
                sessions.addAll(worker.get(150, TimeUnit.SECONDS));
            }
            running.set(false);
            watcher.get(10, TimeUnit.SECONDS);
        } finally {
            running.set(false);
            threads.shutdownNow();
            for (int s = 0; s < 2; s++) {
                if (auth[s] != null) {
                    auth[s].close();
                }
                if (acct[s] != null) {
                    acct[s].close();
                }
            }
        }

        assertThat(doubleLeases).as("addresses leased to two sessions at once").isEmpty();
        // More logins got an address than the pool has: addresses went round.
        assertThat(sessions.size()).as("sessions with an address (%d logins found the pool empty; logs in %s)",
                withoutAddress.get(), directory).isGreaterThan(POOL);
        assertThat(unanswered.get()).as("requests no server answered").isZero();
        // Every answered session is in radacct exactly once, closed when its Stop was answered.
        Map<String, String> rows = new ConcurrentHashMap<>();
        for (String row : SchemaMigrationTest.query(schema, "select acctuniqueid || ' ' || count(*) over"
                + " (partition by acctuniqueid) || ' ' || (acctstoptime is not null) || ' '"
                + " || coalesce(host(framedipaddress), '-') || ' ' || acctsessionid from radacct")) {
            String[] fields = row.split(" ");
            rows.put(fields[0], row.substring(fields[0].length() + 1));
        }
        int answered = 0;
        for (Session session : sessions) {
            if (!session.startAnswered() && !session.interimAnswered() && !session.stopAnswered()) {
                continue;
            }
            answered++;
            assertThat(rows.get(session.uniqueId())).as("radacct row of %s", session)
                    .isEqualTo("1 " + session.stopAnswered() + " " + session.address() + " "
                            + session.acctSessionId());
        }
        assertThat(rows).as("radacct rows, one per answered session").hasSize(answered);
        assertThat(SchemaMigrationTest.query(schema, "select count(*) from radacct")).containsExactly(
                Integer.toString(answered));
        // The sessions left open hold their addresses in radippool, one each.
        List<String> open = new ArrayList<>();
        for (Session session : sessions) {
            if (!session.stopSent()) {
                open.add(session.address() + " " + session.user() + " " + session.port());
            }
        }
        assertThat(SchemaMigrationTest.query(schema, "select host(r.framedipaddress) || ' ' || r.username || ' '"
                + " || p.pool_key from radacct r join radippool p on p.framedipaddress = r.framedipaddress"
                + " and p.username = r.username and p.expiry_time > localtimestamp where r.acctstoptime is null"))
                .containsExactlyInAnyOrderElementsOf(open);
        assertThat(SchemaMigrationTest.query(schema, "select host(framedipaddress) from radacct"
                + " where acctstoptime is null group by framedipaddress having count(*) > 1")).isEmpty();
        passed = true;
    }

    /**
     * One login and its accounting, or null when the pool was empty. The last session of a thread is left open.
     */
    private static Session session(RadiusClient auth, RadiusClient acct, RadiusClient otherAcct, String user,
            int port, boolean leaveOpen, Map<String, String> holders, Set<String> doubleLeases,
            AtomicInteger unanswered) throws Exception {
        String password = "pw" + user.substring(4);
        RadiusPacket reply = answer(auth, auth.papRequest(user, password)
                .addAddress("NAS-IP-Address", InetAddress.getLoopbackAddress())
                .addNumber("NAS-Port", port).build(), unanswered);
        if (reply == null || reply.code() != PacketCode.ACCESS_ACCEPT) {
            throw new AssertionError(user + " was not accepted: " + reply);
        }
        int i = reply.indexOf(DICTIONARY.attribute("Framed-IP-Address"));
        if (i < 0) {
            return null;
        }
        String address = InetAddress.getByAddress(reply.copyValue(i)).getHostAddress();
        String acctSessionId = "s" + port;
        if (holders.putIfAbsent(address, acctSessionId) != null) {
            doubleLeases.add(address + " (" + acctSessionId + " and " + holders.get(address) + ")");
        }
        RadiusPacket start = accounting(user, acctSessionId, port, address, START).build();
        // A NAS failing over: the same Start to both servers at once.
        CompletableFuture<RadiusPacket> first = acct.send(start);
        CompletableFuture<RadiusPacket> second = otherAcct.send(start);
        boolean startAnswered = answered(first, unanswered) | answered(second, unanswered);
        boolean interimAnswered = answer(otherAcct, accounting(user, acctSessionId, port, address, INTERIM)
                .addNumber("Acct-Session-Time", 30).build(), unanswered) != null;
        boolean stopAnswered = false;
        if (!leaveOpen) {
            // Given up before the Stop is sent: the address may go to another session once the Stop commits.
            holders.remove(address, acctSessionId);
            stopAnswered = answer(acct, accounting(user, acctSessionId, port, address, STOP)
                    .addNumber("Acct-Session-Time", 60).addNumber("Acct-Terminate-Cause", 1).build(),
                    unanswered) != null;
        }
        return new Session(user, port, acctSessionId, AcctUniqueSessionId.of(start), address, startAnswered,
                interimAnswered, !leaveOpen, stopAnswered);
    }

    private static RadiusPacketBuilder accounting(String user, String acctSessionId, int port, String address,
            int status) throws Exception {
        return RadiusPacket.builder(DICTIONARY, PacketCode.ACCOUNTING_REQUEST, 0)
                .addNumber("Acct-Status-Type", status)
                .addString("User-Name", user)
                .addString("Acct-Session-Id", acctSessionId)
                .addAddress("NAS-IP-Address", InetAddress.getLoopbackAddress())
                .addNumber("NAS-Port", port)
                .addAddress("Framed-IP-Address", InetAddress.getByName(address));
    }

    private static RadiusPacket answer(RadiusClient client, RadiusPacket request, AtomicInteger unanswered)
            throws InterruptedException {
        CompletableFuture<RadiusPacket> reply = client.send(request);
        return answered(reply, unanswered) ? reply.join() : null;
    }

    private static boolean answered(CompletableFuture<RadiusPacket> reply, AtomicInteger unanswered)
            throws InterruptedException {
        try {
            reply.get(60, TimeUnit.SECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            unanswered.incrementAndGet();
            return false;
        }
    }

    private static RadiusClient client(java.net.InetSocketAddress server) {
        return RadiusClient.builder().server(server).secret(SharedSecret.of(RadiusdProcess.SECRET))
                .dictionary(DICTIONARY).timeout(Duration.ofSeconds(2)).retries(4)
                .maxRetransmissionDuration(Duration.ofSeconds(30)).build();
    }
}
