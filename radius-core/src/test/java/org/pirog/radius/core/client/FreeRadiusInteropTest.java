package org.pirog.radius.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.mschap.MsChapV2;
import org.pirog.radius.codec.mschap.NtPasswordHash;
import org.pirog.radius.codec.packet.PacketCode;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.core.testing.FreeRadiusProcess;

/** The client against a real FreeRADIUS 3 on 127.0.0.1; skipped where FreeRADIUS is not installed. */
@Timeout(60)
class FreeRadiusInteropTest {
    private static final String SECRET = "interop-secret";
    private static final Dictionary DICTIONARY = Dictionary.pirog();
    private static FreeRadiusProcess freeRadius;
    private static RadiusClient auth;
    private static RadiusClient acct;

    @BeforeAll
    static void startFreeRadius() throws Exception {
        assumeTrue(FreeRadiusProcess.isInstalled(), "FreeRADIUS is not installed");
        freeRadius = FreeRadiusProcess.builder().secret(SECRET).user("bob", "hello").start();
        auth = client(freeRadius.authAddress());
        acct = client(freeRadius.acctAddress());
    }

    @AfterAll
    static void stopFreeRadius() {
        if (auth != null) {
            auth.close();
        }
        if (acct != null) {
            acct.close();
        }
        if (freeRadius != null) {
            freeRadius.close();
        }
    }

    @Test
    void papIsAcceptedWithTheRightPasswordAndRejectedWithAWrongOne() throws Exception {
        assertThat(auth.send(auth.papRequest("bob", "hello").build()).get(10, TimeUnit.SECONDS).code())
                .isEqualTo(PacketCode.ACCESS_ACCEPT);
        assertThat(auth.send(auth.papRequest("bob", "wrong").build()).get(10, TimeUnit.SECONDS).code())
                .isEqualTo(PacketCode.ACCESS_REJECT);
    }

    @Test
    void msChapV2IsAcceptedWithTheAuthenticatorResponseWeCompute() throws Exception {
        byte[] authenticatorChallenge = random(16);
        byte[] peerChallenge = random(16);
        byte[] ntResponse = MsChapV2.generateNtResponse(authenticatorChallenge, peerChallenge, "bob",
                NtPasswordHash.of("hello"));
        byte[] response = new byte[50];
        response[0] = 7; // Ident
        System.arraycopy(peerChallenge, 0, response, 2, 16);
        System.arraycopy(ntResponse, 0, response, 26, 24);
        RadiusPacket request = RadiusPacket.builder(DICTIONARY, PacketCode.ACCESS_REQUEST, 0)
                .addMessageAuthenticator()
                .addString("User-Name", "bob")
                .add("MS-CHAP-Challenge", authenticatorChallenge)
                .add("MS-CHAP2-Response", response)
                .build();

        RadiusPacket reply = auth.send(request).get(10, TimeUnit.SECONDS);

        assertThat(reply.code()).isEqualTo(PacketCode.ACCESS_ACCEPT);
        byte[] success = reply.copyValue(reply.indexOf(DICTIONARY.attribute("MS-CHAP2-Success")));
        assertThat(success[0]).isEqualTo((byte) 7);
        assertThat(new String(success, 1, success.length - 1, StandardCharsets.US_ASCII)).isEqualTo(
                MsChapV2.authenticatorResponse(NtPasswordHash.of("hello"), ntResponse, peerChallenge,
                        authenticatorChallenge, "bob"));
    }

    @Test
    void statusServerIsAnswered() throws Exception {
        // RFC 5997 §3: an auth port answers Status-Server with Access-Accept (radiusd.conf: status_server = yes).
        assertThat(auth.send(auth.statusServer()).get(10, TimeUnit.SECONDS).code())
                .isEqualTo(PacketCode.ACCESS_ACCEPT);
    }

    @Test
    void accountingStartIsAnswered() throws Exception {
        RadiusPacket start = RadiusPacket.builder(DICTIONARY, PacketCode.ACCOUNTING_REQUEST, 0)
                .addString("User-Name", "bob")
                .addNumber("Acct-Status-Type", 1)
                .addString("Acct-Session-Id", "interop-0001")
                .build();

        assertThat(acct.send(start).get(10, TimeUnit.SECONDS).code()).isEqualTo(PacketCode.ACCOUNTING_RESPONSE);
    }

    @Test
    void manyConcurrentRequestsAreAllAnswered() throws Exception {
        List<CompletableFuture<RadiusPacket>> replies = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            replies.add(auth.send(auth.papRequest("bob", "hello").build()));
        }
        for (CompletableFuture<RadiusPacket> reply : replies) {
            assertThat(reply.get(20, TimeUnit.SECONDS).code()).isEqualTo(PacketCode.ACCESS_ACCEPT);
        }
        assertThat(auth.counters().invalidReplies()).isZero();
    }

    private static RadiusClient client(InetSocketAddress server) {
        return RadiusClient.builder()
                .server(server)
                .secret(SharedSecret.of(SECRET))
                .timeout(Duration.ofSeconds(1))
                .retries(3)
                .build();
    }

    private static byte[] random(int length) {
        byte[] octets = new byte[length];
        ThreadLocalRandom.current().nextBytes(octets);
        return octets;
    }
}
