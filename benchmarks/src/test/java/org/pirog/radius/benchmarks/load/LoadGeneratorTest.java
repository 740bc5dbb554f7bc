package org.pirog.radius.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.util.internal.logging.InternalLoggerFactory;
import io.netty.util.internal.logging.JdkLoggerFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.packet.PacketCode;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.codec.packet.RadiusPacketDecoder;
import org.pirog.radius.codec.packet.RadiusPacketEncoder;
import org.pirog.radius.core.testing.FreeRadiusProcess;

@Timeout(60)
class LoadGeneratorTest {
    static {
        // Leak reports (tests run with the paranoid detector) must reach the console; SLF4J has no provider here.
        InternalLoggerFactory.setDefaultFactory(JdkLoggerFactory.INSTANCE);
    }

    private static final String SECRET = "load-test-secret";

    @Test
    void parsesOptionsAndRejectsNonsense() {
        LoadOptions options = LoadOptions.parse("--server", "127.0.0.1:18199", "--type", "mschapv2", "--window",
                "128", "--sockets", "2", "--count", "1_000", "--duration", "1.5", "--warmup", "0");

        assertThat(options.server()).isEqualTo(new InetSocketAddress("127.0.0.1", 18199));
        assertThat(options.type()).isEqualTo(RequestType.MSCHAPV2);
        assertThat(options.window()).isEqualTo(128);
        assertThat(options.count()).isEqualTo(1_000);
        assertThat(options.duration()).isEqualTo(Duration.ofMillis(1_500));
        assertThat(options.warmup()).isZero();
        assertThat(LoadOptions.parse("--help")).isNull();
        assertThatThrownBy(() -> LoadOptions.parse("--type", "eap")).hasMessageContaining("pap, mschapv2 or acct");
        assertThatThrownBy(() -> LoadOptions.parse("--window", "600", "--sockets", "2"))
                .hasMessageContaining("--sockets");
        assertThatThrownBy(() -> LoadOptions.parse("--duration")).hasMessageContaining("needs a value");
    }

    @ParameterizedTest
    @EnumSource(RequestType.class)
    void everyReplyOfTheReferenceResponderVerifies(RequestType type) throws Exception {
        try (ReferenceResponder responder = ReferenceResponder.start(loopback(0), SECRET, 300)) {
            LoadReport report = LoadRun.run(options(responder.address(), type, "1", "500000"));

            assertThat(report.ok()).isGreaterThan(100).isEqualTo(report.sent());
            assertThat(report.wrong()).isZero();
            assertThat(report.lost()).isZero();
            assertThat(report.rate()).isPositive();
            assertThat(report.millis(50)).isPositive();
            assertThat(responder.counts()[1]).as("requests the responder could not verify").isZero();
        }
    }

    @Test
    void stopsAtTheCountBeforeTheDuration() throws Exception {
        try (ReferenceResponder responder = ReferenceResponder.start(loopback(0), SECRET, 300)) {
            long start = System.nanoTime();
            LoadReport report = LoadRun.run(options(responder.address(), RequestType.PAP, "30", "2000"));

            assertThat(report.sent()).isEqualTo(2_000);
            assertThat(report.ok()).isEqualTo(2_000);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        }
    }

    @Test
    void countsRepliesSignedWithAnotherSecretAsWrong() throws Exception {
        try (DatagramSocket server = new DatagramSocket(loopback(0))) {
            Thread answering = new Thread(() -> answerWithWrongSecret(server));
            answering.setDaemon(true);
            answering.start();
            LoadReport report = LoadRun.run(options((InetSocketAddress) server.getLocalSocketAddress(),
                    RequestType.PAP, "0.5", "500000"));

            assertThat(report.ok()).isZero();
            assertThat(report.verdicts()[Verdict.BAD_RESPONSE_AUTHENTICATOR.ordinal()]).isPositive();
            assertThat(report.clean()).isFalse();
        }
    }

    @Test
    void endsOnTimeWhenNothingAnswers() throws Exception {
        InetSocketAddress closedPort;
        try (DatagramSocket probe = new DatagramSocket(loopback(0))) {
            closedPort = (InetSocketAddress) probe.getLocalSocketAddress();
        }
        try (DatagramSocket silent = new DatagramSocket(loopback(0))) {
            for (InetSocketAddress server : new InetSocketAddress[] {
                    closedPort, (InetSocketAddress) silent.getLocalSocketAddress()}) {
                long start = System.nanoTime();
                LoadReport report = LoadRun.run(LoadOptions.parse("--server", "127.0.0.1:" + server.getPort(),
                        "--secret", SECRET, "--duration", "0.5", "--warmup", "0", "--timeout", "200",
                        "--window", "8", "--sockets", "2", "--users", "10"));

                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
                assertThat(report.ok()).isZero();
                assertThat(report.lost()).isEqualTo(report.sent()).isPositive();
                assertThat(report.wrong()).isZero();
            }
        }
    }

    @Test
    void freeRadiusAnswersEveryTypeRight() throws Exception {
        assumeTrue(FreeRadiusProcess.isInstalled(), "FreeRADIUS is not installed");
        UserPattern users = UserPattern.of(100);
        FreeRadiusProcess.Builder builder = FreeRadiusProcess.builder().secret(SECRET);
        for (int user = 0; user < users.count(); user++) {
            builder.user(users.name(user), users.password(user));
        }
        try (FreeRadiusProcess freeRadius = builder.start()) {
            for (RequestType type : RequestType.values()) {
                InetSocketAddress server = type == RequestType.ACCT ? freeRadius.acctAddress()
                        : freeRadius.authAddress();
                LoadReport report = LoadRun.run(LoadOptions.parse("--server", "127.0.0.1:" + server.getPort(),
                        "--secret", SECRET, "--type", type.flag(), "--users", "100", "--duration", "1",
                        "--warmup", "0.2", "--window", "16"));

                assertThat(report.clean()).as(type + " against FreeRADIUS").isTrue();
                assertThat(report.ok()).isGreaterThan(100);
            }
        }
    }

    private static LoadOptions options(InetSocketAddress server, RequestType type, String seconds, String count) {
        return LoadOptions.parse("--server", "127.0.0.1:" + server.getPort(), "--secret", SECRET, "--type",
                type.flag(), "--users", "300", "--duration", seconds, "--warmup", "0.3", "--count", count,
                "--window", "16", "--sockets", "2");
    }

    private static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    private static void answerWithWrongSecret(DatagramSocket server) {
        RadiusPacketDecoder decoder = new RadiusPacketDecoder(Workload.DICTIONARY);
        SharedSecret wrong = SharedSecret.of("not-" + SECRET);
        byte[] buffer = new byte[4096];
        try {
            while (true) {
                DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
                server.receive(datagram);
                RadiusPacket request = decoder.decode(buffer, 0, datagram.getLength());
                byte[] reply = RadiusPacketEncoder.encode(request.replyBuilder(PacketCode.ACCESS_ACCEPT)
                        .addMessageAuthenticator().build(), wrong);
                server.send(new DatagramPacket(reply, reply.length, datagram.getSocketAddress()));
            }
        } catch (SocketException closed) {
            // the test is over
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
