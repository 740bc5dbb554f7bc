package org.pirog.radius.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pirog.radius.core.auth.Requests.SECRET;
import static org.pirog.radius.core.auth.Requests.control;
import static org.pirog.radius.core.auth.StoredPasswords.PASSWORD;
import static org.pirog.radius.core.auth.StoredPasswords.WRONG;

import java.lang.management.ManagementFactory;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pirog.radius.codec.mschap.MsChapV2;
import org.pirog.radius.codec.mschap.NtPasswordHash;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.core.policy.PolicyItem;

/**
 * Authentication runs on the event loop for every Access-Request: once warm, PAP and CHAP against a cleartext or
 * plain-hash password allocate nothing, accept or reject (10,000 requests may not allocate a kilobyte, which one
 * small array per request would exceed many times over). An MS-CHAP reject allocates its MS-CHAP-Error.
 */
class HotPathAllocationTest {
    private static final byte[] CHALLENGE = HexFormat.of().parseHex("6f1f2a0f4c2e7f3e5a11b2c3d4e5f607");

    private final Authenticator authenticator = new Authenticator(Requests.DICTIONARY);

    @Test
    void papAndChapAllocateNothing() {
        RadiusPacket good = Requests.pap("bob", PASSWORD);
        RadiusPacket bad = Requests.pap("bob", WRONG);
        RadiusPacket chap = Requests.chap("bob", 3, ChapAuthenticationTest.response(3, PASSWORD, CHALLENGE),
                CHALLENGE, null);
        List<PolicyItem> cleartext = control("Cleartext-Password", PASSWORD);
        List<PolicyItem> ssha = control("SSHA-Password", "aRKeBKF8nHmqnMCa05W827T6AnoBAgMEBQYHCA==");
        List<PolicyItem> nt = control("Password-With-Header", "{nt}" + StoredPasswords.NT_HASH);
        Runnable requests = () -> {
            check(authenticator.authenticate(good, SECRET, cleartext), true);
            check(authenticator.authenticate(bad, SECRET, cleartext), false);
            check(authenticator.authenticate(good, SECRET, ssha), true);
            check(authenticator.authenticate(bad, SECRET, ssha), false);
            check(authenticator.authenticate(good, SECRET, nt), true);
            check(authenticator.authenticate(chap, SECRET, cleartext), true);
        };
        assertThat(allocatedBy(requests)).isLessThan(1_000);
    }

    @Test
    void msChapRejectsAllocateLittleBeyondTheCodecsDes() {
        byte[] peer = HexFormat.of().parseHex("21402324255E262A28295F2B3A337C7E");
        byte[] wrong = MsChapV2.generateNtResponse(CHALLENGE, peer, "bob", NtPasswordHash.of(WRONG));
        RadiusPacket request = Requests.msChapV2("bob", CHALLENGE, 1, peer, wrong);
        List<PolicyItem> control = control("NT-Password", StoredPasswords.NT_HASH);
        byte[] response = new byte[50];
        System.arraycopy(peer, 0, response, 2, 16);
        System.arraycopy(wrong, 0, response, 26, 24);
        byte[] name = {'b', 'o', 'b'};
        byte[] ntHash = NtPasswordHash.of(PASSWORD);
        // radius-codec's check alone: BouncyCastle's DES key schedules, three per response.
        long codec = allocatedBy(() -> MsChapV2.verifyNtResponse(CHALLENGE, 0, response, 2, name, 0, 3, ntHash, 0,
                response, 26));
        long reject = allocatedBy(() -> check(authenticator.authenticate(request, SECRET, control), false));
        // Beyond that: the MS-CHAP-Error (its text and random challenge), the result and its reply.
        assertThat((reject - codec) / 10_000).isLessThan(400);
    }

    private static long allocatedBy(Runnable requests) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++) {
            requests.run();
        }
        long thread = Thread.currentThread().threadId();
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 10_000; i++) {
            requests.run();
        }
        return threads.getThreadAllocatedBytes(thread) - before;
    }

    private static void check(AuthResult result, boolean accepted) {
        if (result.accepted() != accepted) {
            throw new AssertionError(result);
        }
    }
}
