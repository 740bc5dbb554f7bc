package org.pirog.radius.backend.postgres.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
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
import org.pirog.radius.codec.packet.RadiusPacketBuilder;
import org.pirog.radius.core.accounting.AccountingRecord;
import org.pirog.radius.core.backend.AccessRequest;
import org.pirog.radius.core.backend.BackendContext;
import org.pirog.radius.core.backend.Lease;
import org.pirog.radius.core.backend.LeaseRequest;
import org.pirog.radius.core.config.ConfigItem;
import org.pirog.radius.core.config.ConfigSection;
import org.pirog.radius.core.nas.Nas;
import org.pirog.radius.core.nas.NasNetwork;

/** sqlippool's semantics on the real PostgreSQL, and two servers sharing one radippool. */
class SqlIpPoolTest {
    private static final Dictionary DICTIONARY = Dictionary.pirog();
    private static final Nas NAS = Nas.of("nas1", NasNetwork.host(address("192.0.2.1")), SharedSecret.of("s"));
    private static final Nas OTHER_NAS = Nas.of("nas2", NasNetwork.host(address("192.0.2.2")), SharedSecret.of("s"));

    private String schema;
    private final List<PostgresBackend> backends = new ArrayList<>();

    @BeforeEach
    void createSchema() throws Exception {
        schema = TestDatabase.createSchema("pool");
    }

    @AfterEach
    void drop() throws Exception {
        for (PostgresBackend backend : backends) {
            backend.close();
        }
        TestDatabase.dropSchema(schema);
    }

    private PostgresBackend backend(String... settings) throws Exception {
        List<ConfigItem> items = new ArrayList<>(List.of(
                new ConfigItem("url", TestDatabase.URL, true, "pirog.conf", 2),
                new ConfigItem("schema", schema, false, "pirog.conf", 3),
                new ConfigItem("pool_size", "8", false, "pirog.conf", 4)));
        for (int i = 0; i < settings.length; i += 2) {
            items.add(new ConfigItem(settings[i], settings[i + 1], false, "pirog.conf", 5 + i));
        }
        PostgresBackend backend = new PostgresBackendProvider(Map.of(), Clock.systemDefaultZone())
                .create(new BackendContext(DICTIONARY, Path.of("."), new ConfigSection("backend", "postgres", items,
                        List.of(), "pirog.conf", 1)));
        backends.add(backend);
        return backend;
    }

    /** Addresses 10.0.{block}.1 … count, each expired {@code i} minutes after 2000-01-01 (oldest first). */
    private void pool(String name, int count) throws Exception {
        TestDatabase.executeIn(schema, "insert into radippool (pool_name, framedipaddress, expiry_time)"
                + " select '" + name + "', ('10.0.0.0'::inet + i), timestamp '2000-01-01' + i * interval '1 minute'"
                + " from generate_series(1, " + count + ") i");
    }

    @Test
    void theSameNasAndPortGetTheirAddressBackWhileOthersGetTheOldestExpired() throws Exception {
        PostgresBackend backend = backend();
        pool("main", 10);
        Lease port5 = backend.allocate(lease("main", "ann", NAS, 5));
        assertThat(port5.address()).isEqualTo(address("10.0.0.1"));
        // The same port asks again (a re-authentication): the same address, although it is still leased.
        assertThat(backend.allocate(lease("main", "ann", NAS, 5)).address()).isEqualTo(port5.address());
        // Another port: the oldest expired.
        assertThat(backend.allocate(lease("main", "ben", NAS, 6)).address()).isEqualTo(address("10.0.0.2"));
        // Port 5 of another NAS is another key.
        assertThat(backend.allocate(lease("main", "ann", OTHER_NAS, 5)).address()).isEqualTo(address("10.0.0.3"));
        // After a Stop, ann on another port gets her address back (sticky by user when the key has no row).
        backend.account(accounting(NAS, "Stop", "ann", port5.address())).toCompletableFuture().join();
        assertThat(backend.allocate(lease("main", "ann", NAS, 7)).address()).isEqualTo(port5.address());
        assertThat(rows("select username || ' ' || pool_key || ' ' || nasipaddress from radippool"
                + " where framedipaddress = '10.0.0.1'")).containsExactly("ann 7 192.0.2.1");
    }

    @Test
    void withoutAPoolKeyAUserGetsItsLastAddressWhenFreeAndNoOneSharesAnEmptyKey() throws Exception {
        PostgresBackend backend = backend();
        pool("main", 10);
        Lease first = backend.allocate(lease("main", "ann", NAS, -1));
        Lease second = backend.allocate(lease("main", "ben", NAS, -1));
        assertThat(second.address()).isNotEqualTo(first.address());
        backend.release(first);
        assertThat(backend.allocate(lease("main", "cat", NAS, -1)).address()).isEqualTo(address("10.0.0.3"));
        assertThat(backend.allocate(lease("main", "ann", NAS, -1)).address()).isEqualTo(first.address());
    }

    @Test
    void theOldestExpiredComesFirstAndLeasedRowsNever() throws Exception {
        PostgresBackend backend = backend();
        pool("main", 3);
        TestDatabase.executeIn(schema, "update radippool set expiry_time = localtimestamp(0) + interval '1 hour'"
                + " where framedipaddress = '10.0.0.1';"
                + " update radippool set expiry_time = timestamp '1999-01-01' where framedipaddress = '10.0.0.3'");
        assertThat(backend.allocate(lease("main", "a", NAS, 1)).address()).isEqualTo(address("10.0.0.3"));
        assertThat(backend.allocate(lease("main", "b", NAS, 2)).address()).isEqualTo(address("10.0.0.2"));
        assertThat(backend.allocate(lease("main", "c", NAS, 3))).isNull();
        assertThat(backend.allocate(lease("other", "c", NAS, 3))).isNull();
    }

    @Test
    void aUsersFixedFramedIpAddressIsNeverLeased() throws Exception {
        PostgresBackend backend = backend();
        pool("main", 3);
        TestDatabase.executeIn(schema, "insert into radreply (username, attribute, op, value) values"
                + " ('boss', 'Framed-IP-Address', ':=', '10.0.0.1'), ('typo', 'Framed-IP-Address', '=', 'nonsense')");
        Set<InetAddress> leased = new HashSet<>();
        for (Lease lease; (lease = backend.allocate(lease("main", "u" + leased.size(), NAS, leased.size()))) != null; ) {
            leased.add(lease.address());
        }
        assertThat(leased).containsExactlyInAnyOrder(address("10.0.0.2"), address("10.0.0.3"));
    }

    @Test
    void startAndInterimExtendTheLeaseStopAndAccountingOffFreeIt() throws Exception {
        PostgresBackend backend = backend("lease_time", "60");
        pool("main", 4);
        Lease ann = backend.allocate(lease("main", "ann", NAS, 1));
        Lease ben = backend.allocate(lease("main", "ben", OTHER_NAS, 1));
        TestDatabase.executeIn(schema, "update radippool set expiry_time = localtimestamp(0) + interval '5 second'");
        backend.account(accounting(NAS, "Start", "ann", ann.address())).toCompletableFuture().join();
        assertThat(secondsLeft(ann.address())).isBetween(55L, 60L);
        TestDatabase.executeIn(schema, "update radippool set expiry_time = localtimestamp(0) + interval '5 second'");
        backend.account(accounting(NAS, "Interim-Update", "ann", ann.address())).toCompletableFuture().join();
        assertThat(secondsLeft(ann.address())).isBetween(55L, 60L);
        // Another user's accounting for that address does not touch the lease.
        backend.account(accounting(NAS, "Stop", "ben", ann.address())).toCompletableFuture().join();
        assertThat(secondsLeft(ann.address())).isPositive();
        backend.account(accounting(NAS, "Stop", "ann", ann.address())).toCompletableFuture().join();
        assertThat(secondsLeft(ann.address())).isNegative();
        assertThat(secondsLeft(ben.address())).isPositive();
        backend.account(accounting(OTHER_NAS, "Accounting-Off", "", null)).toCompletableFuture().join();
        assertThat(secondsLeft(ben.address())).isNegative();
    }

    @Test
    void twoServersAllocatingFromManyThreadsNeverLeaseAnAddressTwice() throws Exception {
        int size = 600;
        List<PostgresBackend> servers = List.of(backend(), backend());
        pool("main", size);
        int threads = 24;
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        ConcurrentLinkedQueue<String> leased = new ConcurrentLinkedQueue<>();
        AtomicInteger ports = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                PostgresBackend server = servers.get(t % 2);
                Nas nas = t % 3 == 0 ? OTHER_NAS : NAS;
                done.add(executor.submit(() -> {
                    go.await();
                    for (Lease lease; ; ) {
                        int port = ports.incrementAndGet();
                        // A third of the requests carry no NAS-Port, the rest a port no one else has.
                        lease = server.allocate(lease("main", "user" + port, nas, port % 3 == 0 ? -1 : port));
                        if (lease == null) {
                            return null;
                        }
                        leased.add(lease.address().getHostAddress());
                    }
                }));
            }
            go.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            executor.shutdownNow();
        }
        assertThat(leased).hasSize(size);
        assertThat(new HashSet<>(leased)).hasSize(size);
        assertThat(rows("select count(distinct username) from radippool where expiry_time > localtimestamp"))
                .containsExactly(Integer.toString(size));
    }

    @Test
    void twoServersLeasingStartingAndStoppingConcurrentlyNeverShareAnAddress() throws Exception {
        int size = 40;
        List<PostgresBackend> servers = List.of(backend(), backend());
        pool("main", size);
        int threads = 16;
        int sessionsPerThread = 60;
        Map<InetAddress, String> holders = new java.util.concurrent.ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        AtomicInteger leases = new AtomicInteger();
        AtomicInteger ports = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                PostgresBackend server = servers.get(t % 2);
                Nas nas = t % 2 == 0 ? NAS : OTHER_NAS;
                String user = "user" + t;
                done.add(executor.submit(() -> {
                    go.await();
                    for (int i = 0; i < sessionsPerThread; i++) {
                        Lease lease = server.allocate(lease("main", user, nas, ports.incrementAndGet()));
                        if (lease == null) {
                            Thread.sleep(1);
                            continue;
                        }
                        leases.incrementAndGet();
                        String other = holders.putIfAbsent(lease.address(), user);
                        if (other != null) {
                            violations.add(lease.address() + " leased to " + user + " while " + other + " holds it");
                            continue;
                        }
                        // Start and Interim go to the other server: the database is what they share.
                        PostgresBackend peer = servers.get(1 - servers.indexOf(server));
                        peer.account(accounting(nas, "Start", user, lease.address())).toCompletableFuture().join();
                        peer.account(accounting(nas, "Interim-Update", user, lease.address()))
                                .toCompletableFuture().join();
                        holders.remove(lease.address());
                        server.account(accounting(nas, "Stop", user, lease.address())).toCompletableFuture().join();
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            executor.shutdownNow();
        }
        assertThat(violations).isEmpty();
        assertThat(leases.get()).isGreaterThan(threads * sessionsPerThread / 2);
        // Every session stopped: every address is free again.
        assertThat(rows("select count(*) from radippool where expiry_time < localtimestamp")).containsExactly("40");
    }

    private long secondsLeft(InetAddress address) throws Exception {
        return Long.parseLong(rows("select extract(epoch from expiry_time - localtimestamp(0))::bigint"
                + " from radippool where framedipaddress = '" + address.getHostAddress() + "'").get(0));
    }

    private List<String> rows(String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
            statement.execute("set search_path to " + schema);
            try (ResultSet rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }

    /** A lease request for an Access-Request from {@code nas}, with NAS-Port {@code port} (none when negative). */
    private static LeaseRequest lease(String pool, String user, Nas nas, int port) {
        RadiusPacketBuilder builder = RadiusPacket.builder(DICTIONARY, PacketCode.ACCESS_REQUEST, 1)
                .addString("User-Name", user)
                .addAddress("NAS-IP-Address", nas.network().address());
        if (port >= 0) {
            builder.addNumber("NAS-Port", port);
        }
        AccessRequest request = new AccessRequest(builder.build(), nas,
                new InetSocketAddress(nas.network().address(), 40000), Instant.now(), 1);
        return new LeaseRequest(pool, user, nas, "", request);
    }

    private static AccountingRecord accounting(Nas nas, String status, String user, @Nullable InetAddress framed) {
        RadiusPacketBuilder builder = RadiusPacket.builder(DICTIONARY, PacketCode.ACCOUNTING_REQUEST, 1)
                .addNumber("Acct-Status-Type", DICTIONARY.attribute("Acct-Status-Type").valueNumber(status, -1))
                .addAddress("NAS-IP-Address", nas.network().address());
        if (!user.isEmpty()) {
            builder.addString("User-Name", user).addString("Acct-Session-Id", user + "-session");
        }
        if (framed != null) {
            builder.addAddress("Framed-IP-Address", framed);
        }
        return AccountingRecord.from(builder.build(), nas, new InetSocketAddress(nas.network().address(), 40001),
                Instant.now());
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
