package org.pirog.radius.core.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.packet.PacketCode;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.codec.packet.RadiusPacketBuilder;
import org.pirog.radius.codec.packet.RadiusPacketEncoder;
import org.pirog.radius.core.accounting.AcctStatusType;
import org.pirog.radius.core.backend.Authorization;
import org.pirog.radius.core.backend.Threading;
import org.pirog.radius.core.policy.Operator;
import org.pirog.radius.core.client.RadiusClient;
import org.pirog.radius.core.client.RadiusTimeoutException;
import org.pirog.radius.core.nas.BlastRadiusMode;
import org.pirog.radius.core.nas.Nas;
import org.pirog.radius.core.nas.NasNetwork;

/** The server end to end over real UDP on 127.0.0.1, with a fixture backend. */
class RadiusServerTest {
    private static final SharedSecret SECRET = SharedSecret.of("testing123");
    private static final Dictionary DICTIONARY = Dictionary.pirog();
    private static final ServerSettings FAST = ServerSettings.DEFAULTS.withRejectDelay(Duration.ZERO).withThreads(2);

    private RadiusServer server;
    private RadiusClient client;
    private RadiusClient impatient;
    private RadiusClient acctClient;
    private final FixtureBackend backend = new FixtureBackend(Threading.INLINE)
            .account("bob", "hello", "Framed-IP-Address", "10.0.0.2", "Session-Timeout", "3600",
                    "Reply-Message", "Hello, bob");

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (impatient != null) {
            impatient.close();
        }
        if (acctClient != null) {
            acctClient.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private void start(FixtureBackend fixture, ServerSettings settings, BlastRadiusMode requireMa,
            BlastRadiusMode limitProxyState) throws Exception {
        Nas localhost = Nas.of("localhost", NasNetwork.host(InetAddress.getByName("127.0.0.1")), SECRET)
                .withBlastRadius(requireMa, limitProxyState);
        server = RadiusServer.builder()
                .dictionary(DICTIONARY)
                .client(localhost)
                .backend(fixture)
                .settings(settings)
                .listen(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))
                .drainTimeout(Duration.ofSeconds(2))
                .start();
        // Generous timeouts: a loaded CI machine must not fail the tests that expect a reply...
        client = RadiusClient.builder().server(server.authAddresses().get(0)).secret(SECRET).dictionary(DICTIONARY)
                .timeout(Duration.ofSeconds(1)).retries(3).build();
        acctClient = RadiusClient.builder().server(server.acctAddresses().get(0)).secret(SECRET)
                .dictionary(DICTIONARY).timeout(Duration.ofSeconds(1)).retries(3).build();
        // ...and the tests that expect none need not wait for them: one transmission, a short wait.
        impatient = RadiusClient.builder().server(server.authAddresses().get(0)).secret(SECRET)
                .dictionary(DICTIONARY).timeout(Duration.ofMillis(500)).retries(0).build();
    }

    private void start() throws Exception {
        start(backend, FAST, BlastRadiusMode.AUTO, BlastRadiusMode.AUTO);
    }

    private static RadiusPacketBuilder pap(String user, String password, boolean messageAuthenticator) {
        RadiusPacketBuilder request = RadiusPacket.builder(DICTIONARY, PacketCode.ACCESS_REQUEST, 0);
        if (messageAuthenticator) {
            request.addMessageAuthenticator();
        }
        return request.addString("User-Name", user)
                .addHidden(DICTIONARY.attribute("User-Password"), password.getBytes(StandardCharsets.UTF_8), SECRET)
                .addNumber("NAS-Port", 7);
    }

    private RadiusPacket send(RadiusClient via, RadiusPacketBuilder request) throws Exception {
        return via.send(request.build()).get(5, TimeUnit.SECONDS);
    }

    @Test
    void acceptsPapWithReplyItemsMessageAuthenticatorFirstAndProxyStateInOrder() throws Exception {
        start();
        RadiusPacketBuilder request = pap("bob", "hello", true)
                .add(DICTIONARY.attribute("Proxy-State"), new byte[] {1, 2})
                .add(DICTIONARY.attribute("Proxy-State"), new byte[] {3});
        RadiusPacket reply = send(client, request);
        assertThat(reply.code()).isEqualTo(PacketCode.ACCESS_ACCEPT);
        assertThat(reply.definition(0).name()).isEqualTo("Message-Authenticator");
        assertThat(text(reply, "Reply-Message")).isEqualTo("Hello, bob");
        assertThat(reply.longValue(reply.indexOf(DICTIONARY.attribute("Session-Timeout")))).isEqualTo(3600);
        assertThat(reply.copyValue(reply.indexOf(DICTIONARY.attribute("Framed-IP-Address"))))
                .containsExactly(10, 0, 0, 2);
        int first = reply.indexOf(DICTIONARY.attribute("Proxy-State"));
        assertThat(reply.copyValue(first)).containsExactly(1, 2);
        assertThat(reply.copyValue(reply.indexOf(DICTIONARY.attribute("Proxy-State"), first + 1))).containsExactly(3);
        awaitCount(() -> server.counters().accessAccepts(), 1);
    }

    @Test
    void rejectsWrongPasswordAndUnknownUserAfterTheRejectDelay() throws Exception {
        start(backend, FAST.withRejectDelay(Duration.ofMillis(300)), BlastRadiusMode.AUTO, BlastRadiusMode.AUTO);
        long started = System.nanoTime();
        RadiusPacket reply = send(client, pap("bob", "wrong", true));
        assertThat(reply.code()).isEqualTo(PacketCode.ACCESS_REJECT);
        assertThat(reply.definition(0).name()).isEqualTo("Message-Authenticator");
        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(250));
        assertThat(send(client, pap("nobody", "x", true)).code()).isEqualTo(PacketCode.ACCESS_REJECT);
        awaitCount(() -> server.counters().accessRejects(), 2);
    }

    @Test
    void answersStatusServerOnBothPorts() throws Exception {
        start();
        RadiusPacket auth = client.send(client.statusServer()).get(5, TimeUnit.SECONDS);
        assertThat(auth.code()).isEqualTo(PacketCode.ACCESS_ACCEPT);
        assertThat(auth.definition(0).name()).isEqualTo("Message-Authenticator");
        RadiusPacket acct = acctClient.send(acctClient.statusServer()).get(5, TimeUnit.SECONDS);
        assertThat(acct.code()).isEqualTo(PacketCode.ACCOUNTING_RESPONSE);
        assertThat(acct.definition(0).name()).isEqualTo("Message-Authenticator");
    }

    @Test
    void acknowledgesAccountingOnlyOnceStored() throws Exception {
        start();
        RadiusPacketBuilder startRecord = accounting(1, "s1");
        assertThat(send(acctClient, startRecord).code()).isEqualTo(PacketCode.ACCOUNTING_RESPONSE);
        assertThat(backend.records).hasSize(1);
        assertThat(backend.records.get(0).statusType()).isEqualTo(AcctStatusType.START);

        backend.failing = true;
        try (RadiusClient once = RadiusClient.builder().server(server.acctAddresses().get(0)).secret(SECRET)
                .dictionary(DICTIONARY).timeout(Duration.ofMillis(500)).retries(0).build()) {
            CompletableFuture<RadiusPacket> lost = once.send(accounting(2, "s1").build());
            assertThatThrownBy(() -> lost.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(RadiusTimeoutException.class);
        }
        assertThat(server.counters().backendFailures()).isGreaterThanOrEqualTo(1);
        backend.failing = false;
        assertThat(send(acctClient, accounting(2, "s1")).code()).isEqualTo(PacketCode.ACCOUNTING_RESPONSE);
        assertThat(backend.records).hasSize(2);
    }

    @Test
    void repliesToARetransmissionByteForByteAndTreatsANewAuthenticatorAsNew() throws Exception {
        start();
        InetSocketAddress target = server.authAddresses().get(0);
        byte[] request = RadiusPacketEncoder.encode(pap("bob", "hello", true).identifier(42).build(), SECRET);
        try (RawUdp udp = new RawUdp("127.0.0.1")) {
            udp.send(request, target);
            byte[] first = udp.receive(2000);
            udp.send(request, target);
            byte[] second = udp.receive(2000);
            assertThat(first).isNotNull();
            assertThat(second).isEqualTo(first);
            assertThat(backend.postAuths.get()).isEqualTo(1);
            awaitCount(() -> server.counters().duplicatesAnswered(), 1);

            byte[] fresh = RadiusPacketEncoder.encode(pap("bob", "hello", true).identifier(42).build(), SECRET);
            udp.send(fresh, target);
            assertThat(udp.receive(2000)).isNotNull().isNotEqualTo(first);
            assertThat(backend.postAuths.get()).isEqualTo(2);
        }
    }

    @Test
    void dropsARetransmissionOfARequestInProgress() throws Exception {
        FixtureBackend slow = new FixtureBackend(Threading.BLOCKING).account("bob", "hello");
        start(slow, FAST, BlastRadiusMode.AUTO, BlastRadiusMode.AUTO);
        slow.delayMillis = 300;
        InetSocketAddress target = server.authAddresses().get(0);
        byte[] request = RadiusPacketEncoder.encode(pap("bob", "hello", true).identifier(7).build(), SECRET);
        try (RawUdp udp = new RawUdp("127.0.0.1")) {
            udp.send(request, target);
            udp.send(request, target);
            assertThat(udp.receive(3000)).isNotNull();
            assertThat(udp.receive(500)).isNull();
        }
        awaitCount(() -> server.counters().duplicatesDropped(), 1);
        assertThat(slow.postAuths.get()).isEqualTo(1);
    }

    @Test
    void aBlockingBackendAnswersWhatItHasInMemoryOnTheEventLoopAndTheRestOnVirtualThreads() throws Exception {
        FixtureBackend cached = new FixtureBackend(Threading.BLOCKING).account("bob", "hello")
                .account("erin", "hello");
        cached.account(Authorization.of("alice", List.of(cached.item("Cleartext-Password", Operator.ASSIGN, "hello"),
                cached.item("Simultaneous-Use", Operator.ASSIGN, "1")), List.of()));
        cached.account(Authorization.of("carol", List.of(cached.item("Cleartext-Password", Operator.ASSIGN, "hello"),
                cached.item("Pool-Name", Operator.ASSIGN, "main")), List.of()));
        cached.inMemory.addAll(List.of("bob", "dave", "alice", "carol"));
        start(cached, FAST, BlastRadiusMode.AUTO, BlastRadiusMode.AUTO);

        assertThat(logIn(cached, "bob")).containsExactly("authorizeFromMemory@loop");
        assertThat(cached.postAuths.get()).isEqualTo(1);
        // Known not to exist, from memory: rejected on the loop too.
        assertThat(logIn(cached, "dave")).containsExactly("authorizeFromMemory@loop");
        assertThat(logIn(cached, "erin")).containsExactly("authorizeFromMemory@loop", "authorize@virtual");
        // In memory, but Simultaneous-Use and Pool-Name need the backend's I/O: all of it on a virtual thread.
        assertThat(logIn(cached, "alice"))
                .containsExactly("authorizeFromMemory@loop", "authorize@virtual", "openSessions@virtual");
        assertThat(logIn(cached, "carol"))
                .containsExactly("authorizeFromMemory@loop", "authorize@virtual", "allocate@virtual");
        assertThat(server.counters().accessAccepts()).isEqualTo(4);
        assertThat(server.counters().accessRejects()).isEqualTo(1);
    }

    /** The backend calls one Access-Request made (the reply says they are over). */
    private List<String> logIn(FixtureBackend fixture, String user) throws Exception {
        fixture.calls.clear();
        RadiusPacket reply = send(client, pap(user, "hello", true));
        assertThat(reply.code()).isEqualTo(user.equals("dave") ? PacketCode.ACCESS_REJECT : PacketCode.ACCESS_ACCEPT);
        return List.copyOf(fixture.calls);
    }

    @Test
    void abandonsRequestsAfterMaxRequestTimeAndDropsBeyondMaxRequests() throws Exception {
        FixtureBackend slow = new FixtureBackend(Threading.BLOCKING).account("bob", "hello");
        start(slow, FAST.withMaxRequestTime(Duration.ofMillis(200)).withMaxRequests(1), BlastRadiusMode.AUTO,
                BlastRadiusMode.AUTO);
        slow.delayMillis = 1000;
        InetSocketAddress target = server.authAddresses().get(0);
        try (RawUdp udp = new RawUdp("127.0.0.1")) {
            udp.send(RadiusPacketEncoder.encode(pap("bob", "hello", true).identifier(1).build(), SECRET), target);
            udp.send(RadiusPacketEncoder.encode(pap("bob", "hello", true).identifier(2).build(), SECRET), target);
            assertThat(udp.receive(1500)).isNull();
        }
        awaitCount(() -> server.counters().overload(), 1);
        awaitCount(() -> server.counters().abandoned(), 1);
        assertThat(server.requestsInFlight()).isZero();
    }

    @Test
    void answersOverIpv6() throws Exception {
        InetAddress ipv6Loopback = InetAddress.getByName("::1");
        Nas nas = Nas.of("localhost_ipv6", NasNetwork.host(ipv6Loopback), SECRET);
        try (RadiusServer v6 = RadiusServer.builder().dictionary(DICTIONARY).client(nas).backend(backend)
                .settings(FAST).listen(new InetSocketAddress(ipv6Loopback, 0)).start();
                RadiusClient via = RadiusClient.builder().server(v6.authAddresses().get(0)).secret(SECRET)
                        .dictionary(DICTIONARY).timeout(Duration.ofSeconds(1)).retries(3).build()) {
            assertThat(send(via, pap("bob", "hello", true)).code()).isEqualTo(PacketCode.ACCESS_ACCEPT);
        }
    }

    @Test
    void ignoresUnknownClients() throws Exception {
        start();
        byte[] request = RadiusPacketEncoder.encode(pap("bob", "hello", true).build(), SECRET);
        try (RawUdp stranger = new RawUdp("127.0.0.2")) {
            stranger.send(request, server.authAddresses().get(0));
            assertThat(stranger.receive(500)).isNull();
        }
        awaitCount(() -> server.counters().unknownClient(), 1);
    }

    @Test
    void survivesTenThousandMalformedDatagramsWithFlatMemory() throws Exception {
        start();
        InetSocketAddress target = server.authAddresses().get(0);
        Random random = new Random(2865);
        byte[] good = RadiusPacketEncoder.encode(pap("bob", "hello", true).build(), SECRET);
        long heapBefore = usedHeapAfterGc();
        try (RawUdp udp = new RawUdp("127.0.0.1")) {
            for (int i = 0; i < 10_000; i++) {
                byte[] garbage = i % 2 == 0 ? new byte[random.nextInt(60)] : good.clone();
                if (i % 2 == 0) {
                    random.nextBytes(garbage);
                } else {
                    garbage[20 + random.nextInt(garbage.length - 20)] ^= (byte) (1 + random.nextInt(255));
                    garbage[1] = (byte) random.nextInt(256);
                }
                udp.send(garbage, target);
                if (i % 500 == 0) {
                    Thread.sleep(5);
                }
            }
            // Whatever was answered (a flipped bit in a password is a valid, wrong password), drain it.
            while (udp.receive(300) != null) {
                assertThat(server.requestsInFlight()).isLessThanOrEqualTo(ServerSettings.DEFAULTS.maxRequests());
            }
            RadiusPacket reply = send(client, pap("bob", "hello", true));
            assertThat(reply.code()).isEqualTo(PacketCode.ACCESS_ACCEPT);
        }
        // Flat: 10,000 datagrams leave nothing behind that a few kilobytes each would add up to.
        assertThat(usedHeapAfterGc() - heapBefore).isLessThan(32L << 20);
        ServerCounters counters = server.counters();
        assertThat(counters.received()).isGreaterThanOrEqualTo(9_000);
        assertThat(counters.malformed() + counters.badAuthenticator()).isGreaterThanOrEqualTo(5_000);
        assertThat(server.requestsInFlight()).isZero();
    }

    @Test
    void requireMessageAuthenticatorYesDropsRequestsWithoutOne() throws Exception {
        start(backend, FAST, BlastRadiusMode.YES, BlastRadiusMode.AUTO);
        assertThatThrownBy(() -> send(impatient, pap("bob", "hello", false))).hasCauseInstanceOf(
                RadiusTimeoutException.class);
        assertThat(send(client, pap("bob", "hello", true)).code()).isEqualTo(PacketCode.ACCESS_ACCEPT);
        awaitCount(() -> server.counters().missingMessageAuthenticator(), 1);
    }

    @Test
    void autoLearnsFromTheFirstPacket() throws Exception {
        start();
        // pppd's plugin: no Message-Authenticator at all, so auto leaves it optional.
        assertThat(send(client, pap("bob", "hello", false)).code()).isEqualTo(PacketCode.ACCESS_ACCEPT);
        assertThat(send(client, pap("bob", "hello", false)).code()).isEqualTo(PacketCode.ACCESS_ACCEPT);
        stop();

        start();
        assertThat(send(client, pap("bob", "hello", true)).code()).isEqualTo(PacketCode.ACCESS_ACCEPT);
        assertThatThrownBy(() -> send(impatient, pap("bob", "hello", false))).hasCauseInstanceOf(
                RadiusTimeoutException.class);
    }

    @Test
    void limitProxyStateDropsProxyStateWithoutMessageAuthenticator() throws Exception {
        start(backend, FAST, BlastRadiusMode.NO, BlastRadiusMode.AUTO);
        assertThat(send(client, pap("bob", "hello", false)).code()).isEqualTo(PacketCode.ACCESS_ACCEPT);
        RadiusPacketBuilder forged = pap("bob", "hello", false).add(DICTIONARY.attribute("Proxy-State"), new byte[] {9});
        assertThatThrownBy(() -> send(impatient, forged)).hasCauseInstanceOf(RadiusTimeoutException.class);
        RadiusPacketBuilder signed = pap("bob", "hello", true).add(DICTIONARY.attribute("Proxy-State"), new byte[] {9});
        assertThat(send(client, signed).code()).isEqualTo(PacketCode.ACCESS_ACCEPT);
    }

    @Test
    void dropsBadMessageAuthenticatorsAndEapWithoutOne() throws Exception {
        start(backend, FAST, BlastRadiusMode.NO, BlastRadiusMode.NO);
        InetSocketAddress target = server.authAddresses().get(0);
        byte[] signed = RadiusPacketEncoder.encode(pap("bob", "hello", true).build(), SharedSecret.of("wrong"));
        RadiusPacket eap = RadiusPacket.builder(DICTIONARY, PacketCode.ACCESS_REQUEST, 3).addString("User-Name", "bob")
                .add(DICTIONARY.attribute("EAP-Message"), new byte[] {2, 0, 0, 5, 1}).build();
        try (RawUdp udp = new RawUdp("127.0.0.1")) {
            udp.send(signed, target);
            udp.send(RadiusPacketEncoder.encode(eap, SECRET), target);
            assertThat(udp.receive(500)).isNull();
        }
        awaitCount(() -> server.counters().badAuthenticator(), 1);
        awaitCount(() -> server.counters().missingMessageAuthenticator(), 1);
        RadiusPacketBuilder eapSigned = RadiusPacket.builder(DICTIONARY, PacketCode.ACCESS_REQUEST, 0)
                .addMessageAuthenticator().addString("User-Name", "bob")
                .add(DICTIONARY.attribute("EAP-Message"), new byte[] {2, 0, 0, 5, 1});
        assertThat(send(client, eapSigned).code()).isEqualTo(PacketCode.ACCESS_REJECT);
    }

    @Test
    void dropsAccountingWithABadAuthenticatorAndAccessRequestsOnTheAccountingPort() throws Exception {
        start();
        InetSocketAddress acct = server.acctAddresses().get(0);
        byte[] wrongSecret = RadiusPacketEncoder.encode(accounting(1, "s2").build(), SharedSecret.of("wrong"));
        byte[] misrouted = RadiusPacketEncoder.encode(pap("bob", "hello", true).build(), SECRET);
        try (RawUdp udp = new RawUdp("127.0.0.1")) {
            udp.send(wrongSecret, acct);
            udp.send(misrouted, acct);
            assertThat(udp.receive(500)).isNull();
        }
        awaitCount(() -> server.counters().badAuthenticator(), 1);
        awaitCount(() -> server.counters().unexpectedCode(), 1);
        assertThat(backend.records).isEmpty();
    }

    private static RadiusPacketBuilder accounting(int status, String session) {
        return RadiusPacket.builder(DICTIONARY, PacketCode.ACCOUNTING_REQUEST, 0)
                .addNumber("Acct-Status-Type", status)
                .addString("User-Name", "bob")
                .addString("Acct-Session-Id", session)
                .addNumber("NAS-Port", 7);
    }

    private static String text(RadiusPacket packet, String attribute) {
        int i = packet.indexOf(DICTIONARY.attribute(attribute));
        assertThat(i).as(attribute).isGreaterThanOrEqualTo(0);
        return packet.stringValue(i);
    }

    /** Counters move on the event loop: wait (boundedly) for one to reach its value, then assert it exactly. */
    private static void awaitCount(java.util.function.LongSupplier counter, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (counter.getAsLong() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(counter.getAsLong()).isEqualTo(expected);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        var memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
