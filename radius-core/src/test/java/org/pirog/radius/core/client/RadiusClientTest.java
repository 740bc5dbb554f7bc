package org.pirog.radius.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pirog.radius.core.client.TestResponder.DICTIONARY;
import static org.pirog.radius.core.client.TestResponder.accept;

import io.netty.channel.EventLoopGroup;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pirog.radius.codec.crypto.ResponseAuthenticator;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.packet.PacketCode;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.core.transport.UdpTransport;

@Timeout(30)
class RadiusClientTest {
    private static final SharedSecret SECRET = SharedSecret.of("client-test-secret");

    @Test
    void sendsPapAndCompletesWithTheVerifiedReply() throws Exception {
        try (TestResponder responder = TestResponder.start((request, copy) -> {
                    byte[] password = new byte[128];
                    int length = request.unhide(request.indexOf(DICTIONARY.attribute("User-Password")), SECRET, null,
                            password, 0);
                    boolean ok = "hello".equals(new String(password, 0, length, StandardCharsets.UTF_8))
                            && request.hasValidMessageAuthenticator(SECRET, null);
                    return List.of(ok ? accept(request, SECRET) : TestResponder.sign(
                            request.replyBuilder(PacketCode.ACCESS_REJECT).build(), SECRET));
                });
                RadiusClient client = client(responder, Duration.ofSeconds(2), 0)) {
            RadiusPacket reply = client.send(client.papRequest("bob", "hello").build()).get(5, TimeUnit.SECONDS);

            assertThat(reply.code()).isEqualTo(PacketCode.ACCESS_ACCEPT);
            assertThat(reply.stringValue(reply.indexOf(DICTIONARY.attribute("Reply-Message")))).isEqualTo("bob");
            assertThat(client.counters()).isEqualTo(new ClientCounters(1, 0, 1, 0, 0, 0, 0));
            assertThat(responder.failure()).isNull();
        }
    }

    @Test
    void signsAccountingRequestsWithTheirRequestAuthenticator() throws Exception {
        try (TestResponder responder = TestResponder.start((request, copy) ->
                    List.of(request.hasValidRequestAuthenticator(SECRET) ? accept(request, SECRET) : new byte[0]));
                RadiusClient client = client(responder, Duration.ofSeconds(2), 0)) {
            RadiusPacket start = RadiusPacket.builder(DICTIONARY, PacketCode.ACCOUNTING_REQUEST, 0)
                    .addString("User-Name", "bob")
                    .addNumber("Acct-Status-Type", 1)
                    .addString("Acct-Session-Id", "0001")
                    .build();

            assertThat(client.send(start).get(5, TimeUnit.SECONDS).code()).isEqualTo(PacketCode.ACCOUNTING_RESPONSE);
        }
    }

    @Test
    void dropsAReplyWithAWrongResponseAuthenticatorAndTakesTheRealOne() throws Exception {
        try (TestResponder responder = TestResponder.start((request, copy) -> {
                    byte[] forged = accept(request, SharedSecret.of("not-the-secret"));
                    return List.of(forged, accept(request, SECRET));
                });
                RadiusClient client = client(responder, Duration.ofSeconds(2), 0)) {
            RadiusPacket reply = client.send(client.papRequest("bob", "hello").build()).get(5, TimeUnit.SECONDS);

            assertThat(reply.code()).isEqualTo(PacketCode.ACCESS_ACCEPT);
            assertThat(client.counters().invalidReplies()).isEqualTo(1);
            assertThat(client.counters().replies()).isEqualTo(1);
        }
    }

    @Test
    void dropsAReplyWhoseMessageAuthenticatorAloneIsWrong() throws Exception {
        try (TestResponder responder = TestResponder.start((request, copy) -> {
                    byte[] reply = accept(request, SECRET);
                    // Message-Authenticator is the first attribute: flip its value, then re-sign the header so
                    // that only the HMAC is wrong.
                    reply[RadiusPacket.HEADER_LENGTH + 2] ^= 1;
                    ResponseAuthenticator.compute(reply, reply.length, request.authenticator(), 0, SECRET, reply, 4);
                    return List.of(reply);
                });
                RadiusClient client = client(responder, Duration.ofMillis(100), 0)) {
            CompletableFuture<RadiusPacket> reply = client.send(client.papRequest("bob", "hello").build());

            assertThatThrownBy(() -> reply.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(RadiusTimeoutException.class);
            assertThat(client.counters().invalidReplies()).isEqualTo(1);
        }
    }

    @Test
    void requiresAMessageAuthenticatorInAccessRepliesWhenAskedTo() throws Exception {
        try (TestResponder responder = TestResponder.start((request, copy) -> List.of(TestResponder.sign(
                    request.replyBuilder(PacketCode.ACCESS_ACCEPT).build(), SECRET)));
                RadiusClient lenient = client(responder, Duration.ofMillis(100), 0);
                RadiusClient strict = RadiusClient.builder().server(responder.address()).secret(SECRET)
                        .timeout(Duration.ofMillis(100)).retries(0).requireMessageAuthenticator(true).build()) {
            assertThat(lenient.send(lenient.papRequest("bob", "hello").build()).get(5, TimeUnit.SECONDS).code())
                    .isEqualTo(PacketCode.ACCESS_ACCEPT);
            CompletableFuture<RadiusPacket> reply = strict.send(strict.papRequest("bob", "hello").build());
            assertThatThrownBy(() -> reply.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(RadiusTimeoutException.class);
            assertThat(strict.counters().invalidReplies()).isEqualTo(1);
        }
    }

    @Test
    void dropsAReplyCodeThatDoesNotAnswerTheRequest() throws Exception {
        try (TestResponder responder = TestResponder.start((request, copy) -> List.of(TestResponder.sign(
                    request.replyBuilder(PacketCode.ACCESS_ACCEPT).build(), SECRET)));
                RadiusClient client = client(responder, Duration.ofMillis(100), 0)) {
            RadiusPacket start = RadiusPacket.builder(DICTIONARY, PacketCode.ACCOUNTING_REQUEST, 0)
                    .addNumber("Acct-Status-Type", 1).build();
            CompletableFuture<RadiusPacket> reply = client.send(start);

            assertThatThrownBy(() -> reply.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(RadiusTimeoutException.class);
            assertThat(client.counters().invalidReplies()).isEqualTo(1);
        }
    }

    @Test
    void retransmitsTheSameOctetsWhenTheFirstCopyIsLost() throws Exception {
        try (TestResponder responder = TestResponder.start((request, copy) ->
                    copy == 1 ? List.of() : List.of(accept(request, SECRET)));
                RadiusClient client = client(responder, Duration.ofMillis(100), 3)) {
            RadiusPacket reply = client.send(client.papRequest("bob", "hello").build()).get(5, TimeUnit.SECONDS);

            assertThat(reply.code()).isEqualTo(PacketCode.ACCESS_ACCEPT);
            List<byte[]> received = responder.received();
            assertThat(received).hasSize(2);
            assertThat(received.get(1)).isEqualTo(received.get(0));
            assertThat(client.counters().retransmissions()).isEqualTo(1);
        }
    }

    @Test
    void failsWithRadiusTimeoutExceptionWhenRetriesRunOut() throws Exception {
        try (TestResponder responder = TestResponder.start((request, copy) -> List.of());
                RadiusClient client = client(responder, Duration.ofMillis(40), 2)) {
            long start = System.nanoTime();
            CompletableFuture<RadiusPacket> reply = client.send(client.papRequest("bob", "hello").build());

            assertThatThrownBy(() -> reply.get(5, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(RadiusTimeoutException.class, e -> {
                        assertThat(e.transmissions()).isEqualTo(3);
                        assertThat(e.server()).isEqualTo(responder.address());
                    });
            // 40 + 80 + 160 ms nominally; RFC 5080 §2.2.1's RAND of +-0.1 applies at every step, so as little as
            // 36 + 68 + 130 ms (a bound of 200 ms leaves room for timer granularity).
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(200),
                    Duration.ofMillis(2_000));
            List<byte[]> received = responder.received();
            assertThat(received).hasSize(3);
            assertThat(received.get(2)).isEqualTo(received.get(0));
            assertThat(client.counters().timeouts()).isEqualTo(1);
        }
    }

    @Test
    void theMaximumDurationEndsRetransmissionsEarly() throws Exception {
        try (TestResponder responder = TestResponder.start((request, copy) -> List.of());
                RadiusClient client = RadiusClient.builder().server(responder.address()).secret(SECRET)
                        .timeout(Duration.ofMillis(50)).retries(10)
                        .maxRetransmissionDuration(Duration.ofMillis(200)).build()) {
            CompletableFuture<RadiusPacket> reply = client.send(client.papRequest("bob", "hello").build());

            assertThatThrownBy(() -> reply.get(5, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(RadiusTimeoutException.class, e -> {
                        // at 0, ~50 and ~150 ms; a loaded machine may fire the timers late and skip the last
                        assertThat(e.transmissions()).isBetween(2, 3);
                        assertThat(e.elapsed()).isBetween(Duration.ofMillis(200), Duration.ofMillis(1_000));
                    });
        }
    }

    @Test
    void dropsRepliesFromAnotherAddress() throws Exception {
        try (TestResponder responder = TestResponder.start((request, copy) -> List.of(accept(request, SECRET)));
                RadiusClient client = client(responder, Duration.ofMillis(100), 0)) {
            responder.answerFromOtherPort();
            CompletableFuture<RadiusPacket> reply = client.send(client.papRequest("bob", "hello").build());

            assertThatThrownBy(() -> reply.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(RadiusTimeoutException.class);
            assertThat(client.counters().unmatchedReplies()).isEqualTo(1);
        }
    }

    @Test
    void reusesIdentifiersOnceTheirRequestsComplete() throws Exception {
        try (TestResponder responder = TestResponder.start((request, copy) -> List.of(accept(request, SECRET)));
                RadiusClient client = client(responder, Duration.ofSeconds(2), 0)) {
            for (int i = 0; i < 600; i++) {
                RadiusPacket reply = client.send(client.papRequest("user" + i, "pw").build()).get(5, TimeUnit.SECONDS);
                assertThat(reply.stringValue(reply.indexOf(DICTIONARY.attribute("Reply-Message"))))
                        .isEqualTo("user" + i);
            }
            Set<Integer> identifiers = new HashSet<>();
            responder.received().forEach(datagram -> identifiers.add(datagram[1] & 0xFF));
            assertThat(identifiers).hasSize(256);
            assertThat(responder.received()).hasSize(600);
        }
    }

    @Test
    void queuesBeyond256InFlightPerSocketAndMatchesEveryReply() throws Exception {
        try (TestResponder responder = TestResponder.start((request, copy) -> List.of(accept(request, SECRET)));
                RadiusClient oneSocket = client(responder, Duration.ofSeconds(1), 5);
                RadiusClient threeSockets = RadiusClient.builder().server(responder.address()).secret(SECRET)
                        .sockets(3).timeout(Duration.ofSeconds(1)).retries(5).build()) {
            for (RadiusClient client : List.of(oneSocket, threeSockets)) {
                List<CompletableFuture<RadiusPacket>> replies = new ArrayList<>();
                for (int i = 0; i < 1_000; i++) {
                    replies.add(client.send(client.papRequest("user" + i, "pw").build()));
                }
                for (int i = 0; i < replies.size(); i++) {
                    RadiusPacket reply = replies.get(i).get(20, TimeUnit.SECONDS);
                    assertThat(reply.stringValue(reply.indexOf(DICTIONARY.attribute("Reply-Message"))))
                            .isEqualTo("user" + i);
                }
                assertThat(client.counters().replies()).isEqualTo(1_000);
                assertThat(client.counters().invalidReplies()).isZero();
            }
        }
    }

    @Test
    void refusesAStatusServerWithoutMessageAuthenticatorAndSendsOneWithIt() throws Exception {
        try (TestResponder responder = TestResponder.start((request, copy) -> List.of(accept(request, SECRET)));
                RadiusClient client = client(responder, Duration.ofSeconds(2), 0)) {
            RadiusPacket bare = RadiusPacket.builder(DICTIONARY, PacketCode.STATUS_SERVER, 0).build();

            assertThatThrownBy(() -> client.send(bare)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Message-Authenticator");
            assertThat(client.send(client.statusServer()).get(5, TimeUnit.SECONDS).code())
                    .isEqualTo(PacketCode.ACCESS_ACCEPT);
        }
    }

    @Test
    void closeFailsWhatIsInFlightAndWhatComesAfter() throws Exception {
        try (TestResponder responder = TestResponder.start((request, copy) -> List.of())) {
            RadiusClient client = client(responder, Duration.ofSeconds(10), 0);
            CompletableFuture<RadiusPacket> reply = client.send(client.papRequest("bob", "hello").build());
            client.close();

            assertThatThrownBy(() -> reply.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(ClosedChannelException.class);
            assertThat(client.send(client.statusServer())).isCompletedExceptionally();
        }
    }

    @Test
    void runsOnTheCallersEventLoopsAndLeavesThemRunning() throws Exception {
        EventLoopGroup group = UdpTransport.newEventLoopGroup(1, "caller");
        try (TestResponder responder = TestResponder.start((request, copy) -> List.of(accept(request, SECRET)))) {
            RadiusClient client = RadiusClient.builder().server(responder.address()).secret(SECRET)
                    .eventLoopGroup(group).build();
            assertThat(client.send(client.statusServer()).get(5, TimeUnit.SECONDS).code())
                    .isEqualTo(PacketCode.ACCESS_ACCEPT);
            client.close();

            assertThat(group.isShuttingDown()).isFalse();
        } finally {
            group.shutdownGracefully(0, 100, TimeUnit.MILLISECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aCancelledRequestStopsBeingRetransmitted() throws Exception {
        try (TestResponder responder = TestResponder.start((request, copy) -> List.of());
                RadiusClient client = client(responder, Duration.ofMillis(50), 5)) {
            CompletableFuture<RadiusPacket> reply = client.send(client.papRequest("bob", "hello").build());
            for (int i = 0; i < 200 && responder.received().isEmpty(); i++) {
                Thread.sleep(5);
            }
            reply.cancel(false);
            Thread.sleep(400); // the whole schedule would have sent 6 copies by now

            assertThat(responder.received()).hasSize(1);
            assertThat(client.counters().retransmissions()).isZero();
        }
    }

    private static RadiusClient client(TestResponder responder, Duration timeout, int retries) {
        return RadiusClient.builder()
                .server(responder.address())
                .secret(SECRET)
                .timeout(timeout)
                .retries(retries)
                .build();
    }
}
