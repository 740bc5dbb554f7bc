package org.pirog.radius.backend.memory.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class AddressPoolTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));

    private AddressPool pool(String range, Set<Long> fixed) {
        return new AddressPool("main", List.of(AddressRange.parse(range)), fixed, Duration.ofSeconds(60), clock);
    }

    private static long number(String address) {
        return AddressRange.number(address);
    }

    private static String text(InetAddress address) {
        return address.getHostAddress();
    }

    @Test
    void rangesParseAndRefuseNonsense() {
        assertThat(AddressRange.parse("10.0.0.10-10.0.0.200").size()).isEqualTo(191);
        assertThat(AddressRange.parse("10.0.0.1").size()).isEqualTo(1);
        assertThat(AddressRange.parse("10.0.0.1 - 10.0.0.2").toString()).isEqualTo("10.0.0.1-10.0.0.2");
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.9-10.0.0.1")).hasMessageContaining("ends before");
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/24")).hasMessageContaining("no address range");
        assertThatThrownBy(() -> AddressRange.parse("pool.example")).hasMessageContaining("no address range");
    }

    @Test
    void fixedAddressesAreNeverLeased() {
        AddressPool pool = pool("10.0.0.1-10.0.0.3", Set.of(number("10.0.0.2")));
        assertThat(pool.size()).isEqualTo(2);
        Set<String> leased = new HashSet<>();
        for (InetAddress a; (a = pool.allocate("u" + leased.size(), "nas1")) != null; ) {
            leased.add(text(a));
        }
        assertThat(leased).containsExactlyInAnyOrder("10.0.0.1", "10.0.0.3");
    }

    @Test
    void anOfferLapsesWithoutAccounting() {
        AddressPool pool = pool("10.0.0.1-10.0.0.1", Set.of());
        InetAddress first = pool.allocate("alice", "nas1");
        assertThat(first).isNotNull();
        assertThat(pool.allocate("bob", "nas1")).isNull();
        clock.advance(Duration.ofSeconds(59));
        assertThat(pool.allocate("bob", "nas1")).isNull();
        clock.advance(Duration.ofSeconds(1));
        assertThat(pool.allocate("bob", "nas1")).isEqualTo(first);
    }

    @Test
    void anActiveLeaseNeverLapses() {
        AddressPool pool = pool("10.0.0.1-10.0.0.1", Set.of());
        InetAddress address = pool.allocate("alice", "nas1");
        pool.bind(address, "alice", number("192.0.2.1"), "session-1");
        clock.advance(Duration.ofDays(2));
        assertThat(pool.allocate("bob", "nas1")).isNull();
        assertThat(pool.release(address)).as("release() frees offers only").isFalse();
        pool.endSession(address, "alice", "other-session");
        assertThat(pool.allocate("bob", "nas1")).isNull();
        pool.endSession(address, "alice", "session-1");
        assertThat(pool.allocate("bob", "nas1")).isEqualTo(address);
    }

    @Test
    void anAddressInUseIsBoundEvenWithoutAnOffer() {
        // After a restart the pool is empty of leases, but the NAS still has sessions: their Interim-Updates bind.
        AddressPool pool = pool("10.0.0.1-10.0.0.2", Set.of());
        pool.bind(AddressRange.address(number("10.0.0.1")), "alice", number("192.0.2.1"), "s1");
        assertThat(text(pool.allocate("bob", "nas1"))).isEqualTo("10.0.0.2");
        assertThat(pool.allocate("carol", "nas1")).isNull();
    }

    @Test
    void stickyLeasesPreferTheUsersOldAddressAndLeaveOthersAlone() {
        AddressPool pool = pool("10.0.0.1-10.0.0.5", Set.of());
        InetAddress alice = pool.allocate("alice", "nas1");
        InetAddress bob = pool.allocate("bob", "nas1");
        pool.release(alice);
        pool.release(bob);
        // carol gets an address nobody had yet, not alice's or bob's.
        InetAddress carol = pool.allocate("carol", "nas1");
        assertThat(carol).isNotIn(alice, bob);
        assertThat(pool.allocate("bob", "nas1")).isEqualTo(bob);
        assertThat(pool.allocate("alice", "nas1")).isEqualTo(alice);
    }

    @Test
    void accountingOnFreesActiveLeasesOfThatNasAndOffersOfThatClient() {
        AddressPool pool = pool("10.0.0.1-10.0.0.4", Set.of());
        InetAddress active = pool.allocate("a", "nas1");
        pool.bind(active, "a", number("192.0.2.1"), "s1");
        InetAddress offered = pool.allocate("b", "nas1");
        InetAddress elsewhere = pool.allocate("c", "nas2");
        pool.bind(elsewhere, "c", number("192.0.2.2"), "s2");
        InetAddress otherOffer = pool.allocate("d", "nas2");
        pool.releaseNas(number("192.0.2.1"), "nas1");
        Set<InetAddress> free = new HashSet<>();
        for (InetAddress a; (a = pool.allocate("x" + free.size(), "nas3")) != null; ) {
            free.add(a);
        }
        assertThat(free).containsExactlyInAnyOrder(active, offered);
        assertThat(free).doesNotContain(elsewhere, otherOffer);
    }

    @Test
    void allocationsAndReleasesRacingNeverShareAnAddress() throws Exception {
        AddressPool pool = pool("10.0.0.1-10.0.0.50", Set.of());
        ExecutorService executor = Executors.newFixedThreadPool(8);
        Set<InetAddress> held = ConcurrentHashMap.newKeySet();
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(executor.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        String user = "u" + thread + "-" + (i % 7);
                        InetAddress address = pool.allocate(user, "nas1");
                        if (address == null) {
                            continue;
                        }
                        if (!held.add(address)) {
                            throw new AssertionError(address + " leased twice");
                        }
                        held.remove(address);
                        pool.release(address);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            executor.shutdownNow();
        }
        Set<InetAddress> all = new HashSet<>();
        for (InetAddress a; (a = pool.allocate("final" + all.size(), "nas1")) != null; ) {
            all.add(a);
        }
        assertThat(all).hasSize(50);
    }
}
