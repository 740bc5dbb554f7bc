package org.pirog.radius.codec.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TunnelPasswordCipherTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final SharedSecret SECRET = SharedSecret.of("xyzzy5461");
    private static final byte[] AUTH = HEX.parseHex("0f403f9473978057bd83d5cb98f4227a");

    /*
     * Known answers (RFC 2868 gives no example), computed independently with python3 hashlib:
     *   P = bytes([len(d)]) + d, zero-padded to 16k; b1 = md5(S + RA + salt); bi = md5(S + c(i-1)).
     */
    @Test
    void knownAnswerOneBlock() {
        byte[] data = "secret-tunnel".getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[18];
        assertThat(TunnelPasswordCipher.hide(data, 0, data.length, 0x8123, SECRET, AUTH, 0, out, 0)).isEqualTo(18);
        assertThat(HEX.formatHex(out)).isEqualTo("8123bacad16b387f422001a55c239d5762b1");
    }

    @Test
    void knownAnswerMppeKeyTwoBlocks() {
        // A 16-octet MPPE key: 1 + 16 octets pad to 32, as in MS-MPPE-Send-Key (RFC 2548 §2.4.2).
        byte[] key = HEX.parseHex("8b7cdc149b993a1ba118cb153f56dccb");
        byte[] out = new byte[34];
        assertThat(TunnelPasswordCipher.hide(key, 0, 16, 0x0001, SECRET, AUTH, 0, out, 0)).isEqualTo(34);
        // Salt 0x0001 gets its most significant bit forced: 0x8001.
        assertThat(HEX.formatHex(out))
                .isEqualTo("8001d7c4aaa4718a06cddca737c2f3bcd1ffef26b141dc036e4cdb731d79248c658e");
        byte[] back = new byte[31];
        assertThat(TunnelPasswordCipher.unhide(out, 0, 34, SECRET, AUTH, 0, back, 0)).isEqualTo(16);
        assertThat(Arrays.copyOf(back, 16)).isEqualTo(key);
    }

    @Test
    void roundTripsEveryLengthWithRandomSalt() {
        Random random = new Random(2868);
        for (int len = 0; len <= TunnelPasswordCipher.MAX_DATA_LENGTH; len++) {
            byte[] data = new byte[len];
            random.nextBytes(data); // zeros allowed: the length octet says where data ends
            byte[] out = new byte[1 + TunnelPasswordCipher.hiddenLength(len)];
            int hidden = TunnelPasswordCipher.hide(data, 0, len, SECRET, AUTH, 0, out, 1);
            assertThat(hidden).isEqualTo(2 + (1 + len + 15) / 16 * 16);
            assertThat(out[1] & 0x80).as("salt MSB").isEqualTo(0x80);
            byte[] back = new byte[hidden + 4];
            assertThat(TunnelPasswordCipher.unhide(out, 1, hidden, SECRET, AUTH, 0, back, 4)).isEqualTo(len);
            assertThat(Arrays.copyOfRange(back, 4, 4 + len)).isEqualTo(data);
        }
    }

    @Test
    void unhidesInPlace() {
        byte[] data = "in-place".getBytes(StandardCharsets.US_ASCII);
        byte[] buf = new byte[34];
        int hidden = TunnelPasswordCipher.hide(data, 0, data.length, 0x9999, SECRET, AUTH, 0, buf, 0);
        assertThat(TunnelPasswordCipher.unhide(buf, 0, hidden, SECRET, AUTH, 0, buf, 0)).isEqualTo(data.length);
        assertThat(Arrays.copyOf(buf, data.length)).isEqualTo(data);
    }

    @Test
    void malformedValuesAreReported() {
        byte[] buf = new byte[300];
        for (int len : new int[] {0, 2, 17, 19, 33, 258}) {
            assertThat(TunnelPasswordCipher.unhide(buf, 0, len, SECRET, AUTH, 0, buf, 0)).as("len %d", len)
                    .isEqualTo(-1);
        }
        // A length octet of 200 inside a single 16-octet block cannot be right.
        byte[] data = new byte[5];
        byte[] hidden = new byte[18];
        TunnelPasswordCipher.hide(data, 0, 5, 0x8000, SECRET, AUTH, 0, hidden, 0);
        byte[] sink = new byte[16];
        byte[] forged = hidden.clone();
        // flip the length octet from 5 to 200 (XOR keeps the key stream)
        forged[2] ^= (byte) (5 ^ 200);
        assertThat(TunnelPasswordCipher.unhide(forged, 0, 18, SECRET, AUTH, 0, sink, 0)).isEqualTo(-1);
        forged[2] = hidden[2];
        forged[2] ^= (byte) (5 ^ 15);
        assertThat(TunnelPasswordCipher.unhide(forged, 0, 18, SECRET, AUTH, 0, new byte[15], 0)).isEqualTo(15);
        forged[2] ^= (byte) (15 ^ 16);
        assertThat(TunnelPasswordCipher.unhide(forged, 0, 18, SECRET, AUTH, 0, new byte[16], 0)).isEqualTo(-1);
    }

    @Test
    void overlongDataIsRejected() {
        byte[] buf = new byte[300];
        assertThatThrownBy(() -> TunnelPasswordCipher.hide(buf, 0, 240, 0x8000, SECRET, AUTH, 0, buf, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
