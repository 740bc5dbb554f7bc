package org.pirog.radius.codec.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The per-packet operations allocate nothing once warm: 10,000 calls may not allocate more than a few hundred
 * bytes in total (which a single {@code byte[16]} per call would exceed 500 times over).
 */
class HotPathAllocationTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final SharedSecret SECRET = SharedSecret.of("xyzzy5461");
    private static final byte[] STATUS_SERVER = HEX.parseHex(
            "0cda00268a54f4686fb394c52866e302185d0623" + "50125a665e2e1e8411f3e243822097c84fa3");
    private static final byte[] HIDDEN = HEX.parseHex("0dbe708d93d413ce3196e43f782a0aee");
    private static final byte[] AUTH = HEX.parseHex("0f403f9473978057bd83d5cb98f4227a");

    @Test
    void authenticatorsAndPasswordCipherDoNotAllocate() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        byte[] out = new byte[64];
        Runnable packet = () -> {
            MessageAuthenticator.verify(STATUS_SERVER, 38, 22, null, 0, SECRET);
            MessageAuthenticator.compute(STATUS_SERVER, 38, 22, AUTH, 0, SECRET, out, 0);
            ResponseAuthenticator.compute(STATUS_SERVER, 38, AUTH, 0, SECRET, out, 16);
            RequestAuthenticator.verify(STATUS_SERVER, 38, SECRET);
            UserPasswordCipher.unhide(HIDDEN, 0, 16, SECRET, AUTH, 0, out, 32);
            TunnelPasswordCipher.hide(HIDDEN, 0, 16, 0x8001, SECRET, AUTH, 0, out, 0);
        };
        for (int i = 0; i < 20_000; i++) {
            packet.run();
        }
        long thread = Thread.currentThread().threadId();
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 10_000; i++) {
            packet.run();
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertThat(allocated).isLessThan(1_000);
    }
}
