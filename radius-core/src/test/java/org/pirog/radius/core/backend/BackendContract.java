package org.pirog.radius.core.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.packet.PacketCode;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.codec.packet.RadiusPacketBuilder;
import org.pirog.radius.core.accounting.AccountingRecord;
import org.pirog.radius.core.nas.Nas;
import org.pirog.radius.core.nas.NasNetwork;
import org.pirog.radius.core.policy.Expansion;
import org.pirog.radius.core.policy.PolicyItem;

/**
 * What every backend must do, run against each one by a subclass that turns the {@link ContractFixture} into the
 * backend's own storage: finding accounts and their items, leasing pool addresses (distinct under concurrency,
 * sticky, exhaustible), and following sessions and leases through accounting, retransmissions included.
 */
public abstract class BackendContract {
    protected static final Dictionary DICTIONARY = Dictionary.pirog();
    protected static final Nas NAS = nas("nas1", ContractFixture.NAS_IP);
    protected static final Nas OTHER_NAS = nas("nas2", ContractFixture.OTHER_NAS_IP);

    protected Backend backend;

    /** The backend under test, holding exactly the fixture's accounts and pools. */
    protected abstract Backend createBackend(ContractFixture fixture) throws Exception;

    @BeforeEach
    void createBackend() throws Exception {
        backend = createBackend(ContractFixture.standard());
    }

    @AfterEach
    void closeBackend() throws Exception {
        backend.close();
    }

    // ---- authorize

    @Test
    void authorizeFindsAnAccountWithItsPasswordAndReply() throws Exception {
        Authorization alice = backend.authorize(accessRequest("alice"));
        assertThat(alice).isNotNull();
        assertThat(alice.userName()).isEqualTo("alice");
        assertThat(text(alice.control(), "Cleartext-Password")).containsExactly("alice-secret");
        assertThat(text(alice.reply(), "Session-Timeout")).containsExactly("3600");
        assertThat(text(alice.reply(), "Reply-Message")).containsExactly("Hello, alice");
    }

    @Test
    void authorizeDoesNotFindAnUnknownUser() throws Exception {
        assertThat(backend.authorize(accessRequest("mallory"))).isNull();
    }

    @Test
    void fromMemoryAnswersAsAuthorizeDoesOrNotAtAll() throws Exception {
        for (String user : new String[] {"alice", "bob", "mallory"}) {
            Authorization read = backend.authorize(accessRequest(user));
            Authorization fromMemory = backend.authorizeFromMemory(accessRequest(user));
            if (fromMemory != Backend.NOT_IN_MEMORY) {
                assertThat(fromMemory).as(user).isEqualTo(read);
            }
        }
    }

    @Test
    void aFixedAddressIsAReplyItem() throws Exception {
        Authorization alice = backend.authorize(accessRequest("alice"));
        assertThat(alice).isNotNull();
        assertThat(text(alice.reply(), "Framed-IP-Address")).containsExactly(ContractFixture.ALICE_IP);
        assertThat(text(alice.control(), "Pool-Name")).isEmpty();
    }

    @Test
    void poolAndSimultaneousUseAreControlItems() throws Exception {
        Authorization bob = backend.authorize(accessRequest("bob"));
        assertThat(bob).isNotNull();
        assertThat(text(bob.control(), "Pool-Name")).containsExactly("main");
        assertThat(text(bob.control(), "Simultaneous-Use")).containsExactly("1");
        assertThat(text(bob.reply(), "Idle-Timeout")).containsExactly("600");
        assertThat(text(bob.reply(), "Framed-IP-Address")).isEmpty();
    }

    // ---- pools

    @Test
    void allocatesDistinctAddressesFromThePoolsRanges() throws Exception {
        Lease first = backend.allocate(leaseRequest("main", "bob"));
        Lease second = backend.allocate(leaseRequest("main", "dave"));
        assertThat(first).isNotNull();
        assertThat(second).isNotNull();
        assertThat(first.pool()).isEqualTo("main");
        assertThat(first.address()).isNotEqualTo(second.address());
        assertThat(inMain(first.address())).isTrue();
        assertThat(inMain(second.address())).isTrue();
    }

    @Test
    void anUnknownPoolLeasesNothing() throws Exception {
        assertThat(backend.allocate(leaseRequest("nope", "bob"))).isNull();
    }

    @Test
    void aPoolIsExhaustedThenReleasedAddressesComeBack() throws Exception {
        Set<InetAddress> addresses = new HashSet<>();
        List<Lease> leases = new ArrayList<>();
        for (int i = 0; i < ContractFixture.TINY_SIZE; i++) {
            Lease lease = backend.allocate(leaseRequest("tiny", "user" + i));
            assertThat(lease).isNotNull();
            leases.add(lease);
            addresses.add(lease.address());
        }
        assertThat(addresses).hasSize(ContractFixture.TINY_SIZE);
        assertThat(backend.allocate(leaseRequest("tiny", "late"))).isNull();
        backend.release(leases.get(2));
        Lease again = backend.allocate(leaseRequest("tiny", "late"));
        assertThat(again).isNotNull();
        assertThat(again.address()).isEqualTo(leases.get(2).address());
    }

    @Test
    void concurrentAllocationsNeverShareAnAddress() throws Exception {
        int threads = 16;
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        ConcurrentLinkedQueue<InetAddress> leased = new ConcurrentLinkedQueue<>();
        AtomicInteger users = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                done.add(executor.submit(() -> {
                    start.await();
                    for (Lease lease; (lease = backend.allocate(
                            leaseRequest("main", "user" + users.incrementAndGet()))) != null; ) {
                        leased.add(lease.address());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            executor.shutdownNow();
        }
        assertThat(leased).hasSize(ContractFixture.MAIN_SIZE);
        assertThat(new HashSet<>(leased)).hasSize(ContractFixture.MAIN_SIZE);
        assertThat(leased).allMatch(BackendContract::inMain);
    }

    @Test
    void aUserGetsItsAddressBackWhenItIsFree() throws Exception {
        Lease first = backend.allocate(leaseRequest("main", "bob"));
        assertThat(first).isNotNull();
        backend.release(first);
        Lease other = backend.allocate(leaseRequest("main", "dave"));
        assertThat(other).isNotNull();
        backend.release(other);
        Lease again = backend.allocate(leaseRequest("main", "bob"));
        assertThat(again).isNotNull();
        assertThat(again.address()).isEqualTo(first.address());
    }

    @Test
    void releasingTwiceOrAnUnknownLeaseIsHarmless() throws Exception {
        Lease lease = backend.allocate(leaseRequest("tiny", "carol"));
        assertThat(lease).isNotNull();
        backend.release(lease);
        backend.release(lease);
        backend.release(new Lease("tiny", address("10.9.0.9")));
        backend.release(new Lease("nope", address("10.9.0.1")));
        Set<InetAddress> addresses = new HashSet<>();
        for (int i = 0; i < ContractFixture.TINY_SIZE; i++) {
            Lease next = backend.allocate(leaseRequest("tiny", "user" + i));
            assertThat(next).isNotNull();
            addresses.add(next.address());
        }
        assertThat(addresses).hasSize(ContractFixture.TINY_SIZE);
        assertThat(backend.allocate(leaseRequest("tiny", "late"))).isNull();
    }

    // ---- accounting

    @Test
    void startOpensAndStopClosesASession() throws Exception {
        assertThat(backend.openSessions("bob")).isZero();
        record(accounting(NAS, "Start", "bob", "s1", null));
        assertThat(backend.openSessions("bob")).isEqualTo(1);
        record(accounting(NAS, "Interim-Update", "bob", "s1", null));
        assertThat(backend.openSessions("bob")).isEqualTo(1);
        record(accounting(NAS, "Stop", "bob", "s1", null));
        assertThat(backend.openSessions("bob")).isZero();
    }

    @Test
    void sessionsAreCountedPerUser() throws Exception {
        record(accounting(NAS, "Start", "carol", "c1", null));
        record(accounting(NAS, "Start", "carol", "c2", null));
        record(accounting(NAS, "Start", "bob", "b1", null));
        assertThat(backend.openSessions("carol")).isEqualTo(2);
        assertThat(backend.openSessions("bob")).isEqualTo(1);
        assertThat(backend.openSessions("dave")).isZero();
    }

    @Test
    void retransmittedRecordsAreCountedOnce() throws Exception {
        AccountingRecord start = accounting(NAS, "Start", "bob", "s1", null);
        record(start);
        record(start);
        record(accounting(NAS, "Start", "bob", "s1", null));
        assertThat(backend.openSessions("bob")).isEqualTo(1);
        AccountingRecord stop = accounting(NAS, "Stop", "bob", "s1", null);
        record(stop);
        record(stop);
        assertThat(backend.openSessions("bob")).isZero();
        record(accounting(NAS, "Start", "bob", "s2", null));
        assertThat(backend.openSessions("bob")).isEqualTo(1);
    }

    @Test
    void anInterimUpdateOpensASessionWhoseStartWasLost() throws Exception {
        record(accounting(NAS, "Interim-Update", "bob", "s1", null));
        assertThat(backend.openSessions("bob")).isEqualTo(1);
        record(accounting(NAS, "Interim-Update", "bob", "s1", null));
        assertThat(backend.openSessions("bob")).isEqualTo(1);
    }

    @Test
    void aStopForAnUnknownSessionChangesNothing() throws Exception {
        record(accounting(NAS, "Start", "bob", "s1", null));
        record(accounting(NAS, "Stop", "bob", "other", null));
        assertThat(backend.openSessions("bob")).isEqualTo(1);
    }

    @Test
    void accountingOnAndOffCloseEverySessionOfThatNas() throws Exception {
        record(accounting(NAS, "Start", "carol", "c1", null));
        record(accounting(OTHER_NAS, "Start", "carol", "c2", null));
        record(accounting(NAS, "Start", "bob", "b1", null));
        record(accounting(NAS, "Accounting-On", "", "", null));
        assertThat(backend.openSessions("bob")).isZero();
        assertThat(backend.openSessions("carol")).isEqualTo(1);
        record(accounting(NAS, "Accounting-On", "", "", null));
        assertThat(backend.openSessions("carol")).isEqualTo(1);
        record(accounting(OTHER_NAS, "Accounting-Off", "", "", null));
        assertThat(backend.openSessions("carol")).isZero();
    }

    @Test
    void aLeaseFollowsItsSessionAndStopReleasesIt() throws Exception {
        List<Lease> leases = new ArrayList<>();
        for (int i = 0; i < ContractFixture.TINY_SIZE; i++) {
            Lease lease = backend.allocate(leaseRequest("tiny", "user" + i));
            assertThat(lease).isNotNull();
            leases.add(lease);
            record(accounting(NAS, "Start", "user" + i, "s" + i, lease.address()));
        }
        assertThat(backend.allocate(leaseRequest("tiny", "late"))).isNull();
        record(accounting(NAS, "Interim-Update", "user1", "s1", leases.get(1).address()));
        assertThat(backend.allocate(leaseRequest("tiny", "late"))).isNull();
        record(accounting(NAS, "Stop", "user1", "s1", leases.get(1).address()));
        Lease freed = backend.allocate(leaseRequest("tiny", "late"));
        assertThat(freed).isNotNull();
        assertThat(freed.address()).isEqualTo(leases.get(1).address());
    }

    @Test
    void aUserGetsItsAddressBackAfterAStop() throws Exception {
        Lease lease = backend.allocate(leaseRequest("main", "bob"));
        assertThat(lease).isNotNull();
        record(accounting(NAS, "Start", "bob", "s1", lease.address()));
        record(accounting(NAS, "Stop", "bob", "s1", lease.address()));
        Lease again = backend.allocate(leaseRequest("main", "bob"));
        assertThat(again).isNotNull();
        assertThat(again.address()).isEqualTo(lease.address());
    }

    @Test
    void accountingOnReleasesTheLeasesOfThatNasOnly() throws Exception {
        Lease mine = backend.allocate(leaseRequest("tiny", "user1"));
        Lease theirs = backend.allocate(leaseRequest("tiny", "user2", OTHER_NAS));
        assertThat(mine).isNotNull();
        assertThat(theirs).isNotNull();
        record(accounting(NAS, "Start", "user1", "s1", mine.address()));
        record(accounting(OTHER_NAS, "Start", "user2", "s2", theirs.address()));
        record(accounting(NAS, "Accounting-On", "", "", null));
        Set<InetAddress> free = new HashSet<>();
        for (Lease lease; (lease = backend.allocate(leaseRequest("tiny", "next" + free.size()))) != null; ) {
            free.add(lease.address());
        }
        assertThat(free).contains(mine.address()).doesNotContain(theirs.address())
                .hasSize(ContractFixture.TINY_SIZE - 1);
    }

    // ---- helpers for subclasses

    /** An Access-Request for {@code userName} from the fixture NAS; public so backends' own tests can use it. */
    public static AccessRequest accessRequest(String userName) {
        RadiusPacket packet = RadiusPacket.builder(DICTIONARY, PacketCode.ACCESS_REQUEST, 1)
                .addString("User-Name", userName)
                .addAddress("NAS-IP-Address", NAS.network().address())
                .build();
        return new AccessRequest(packet, NAS, new InetSocketAddress(NAS.network().address(), 40000), Instant.now(), 1);
    }

    protected static LeaseRequest leaseRequest(String pool, String userName) {
        return leaseRequest(pool, userName, NAS);
    }

    protected static LeaseRequest leaseRequest(String pool, String userName, Nas nas) {
        return new LeaseRequest(pool, userName, nas, "");
    }

    /**
     * An Accounting-Request record from {@code nas}.
     *
     * @param status  the Acct-Status-Type by its VALUE name
     * @param user    User-Name, or empty for none
     * @param session Acct-Session-Id, or empty for none
     * @param framed  Framed-IP-Address, or null
     */
    protected static AccountingRecord accounting(Nas nas, String status, String user, String session,
            @Nullable InetAddress framed) {
        RadiusPacketBuilder builder = RadiusPacket.builder(DICTIONARY, PacketCode.ACCOUNTING_REQUEST, 1)
                .addNumber("Acct-Status-Type", DICTIONARY.attribute("Acct-Status-Type").valueNumber(status, -1));
        if (!user.isEmpty()) {
            builder.addString("User-Name", user);
        }
        if (!session.isEmpty()) {
            builder.addString("Acct-Session-Id", session);
        }
        builder.addAddress("NAS-IP-Address", nas.network().address());
        if (framed != null) {
            builder.addAddress("Framed-IP-Address", framed);
        }
        InetSocketAddress source = new InetSocketAddress(nas.network().address(), 40001);
        return AccountingRecord.from(builder.build(), nas, source, Instant.now());
    }

    /** The values of the items of that attribute, as text. */
    protected static List<String> text(List<PolicyItem> items, String attribute) {
        List<String> values = new ArrayList<>();
        for (PolicyItem item : items) {
            if (item.isNamed(attribute)) {
                values.add(Expansion.unescape(item.value()));
            }
        }
        return values;
    }

    protected static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    private static boolean inMain(InetAddress address) {
        byte[] b = address.getAddress();
        int last = b[3] & 0xFF;
        return b[0] == 10 && b[1] == 0 && ((b[2] == 0 && last >= 10 && last <= 100) || (b[2] == 1 && last >= 1
                && last <= 100));
    }

    private static Nas nas(String name, String address) {
        return Nas.of(name, NasNetwork.host(address(address)), SharedSecret.of("testing123"));
    }

    /** Stores a record and waits for the backend to say it is stored, as the server does before it answers. */
    private void record(org.pirog.radius.core.accounting.AccountingRecord record) {
        backend.account(record).toCompletableFuture().join();
    }
}
