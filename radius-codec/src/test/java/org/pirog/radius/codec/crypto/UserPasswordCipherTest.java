package org.pirog.radius.codec.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UserPasswordCipherTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final SharedSecret SECRET = SharedSecret.of("xyzzy5461");
    private static final byte[] AUTH = HEX.parseHex("0f403f9473978057bd83d5cb98f4227a");

    @Test
    void rfc2865Example() {
        // RFC 2865 §7.1: User-Password "arctangent" in the Access-Request from NAS 192.168.1.16.
        byte[] plain = "arctangent".getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[16];
        assertThat(UserPasswordCipher.hide(plain, 0, plain.length, SECRET, AUTH, 0, out, 0)).isEqualTo(16);
        assertThat(HEX.formatHex(out)).isEqualTo("0dbe708d93d413ce3196e43f782a0aee");

        byte[] back = new byte[16];
        assertThat(UserPasswordCipher.unhide(out, 0, 16, SECRET, AUTH, 0, back, 0)).isEqualTo(10);
        assertThat(Arrays.copyOf(back, 10)).isEqualTo(plain);
    }

    @Test
    void multiBlockKnownAnswer() {
        // 40 octets, 3 blocks; computed independently with python3 hashlib (chained MD5(S + c(i-1))).
        byte[] plain = "0123456789abcdefghijklmnopqrstuvwxyzABCD".getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[48];
        assertThat(UserPasswordCipher.hide(plain, 0, 40, SECRET, AUTH, 0, out, 0)).isEqualTo(48);
        assertThat(HEX.formatHex(out)).isEqualTo("5cfd21cac68f429c67db855d1b4e6f88a5bc69f67c7fef159d0e007db84be3c2"
                + "6e278e868fc96629e713847d20a69b35");
    }

    @Test
    void roundTripsEveryLengthAtOffsetsAndInPlace() {
        Random random = new Random(2865);
        for (int len = 0; len <= 128; len++) {
            byte[] plain = new byte[len];
            random.nextBytes(plain);
            for (int i = 0; i < len; i++) {
                plain[i] |= 1; // no zero octets: trailing zeros are padding by definition
            }
            byte[] buf = new byte[3 + 128 + 5];
            System.arraycopy(plain, 0, buf, 3, len);
            byte[] auth = new byte[20];
            random.nextBytes(auth);
            int hidden = UserPasswordCipher.hide(buf, 3, len, SECRET, auth, 2, buf, 3);
            assertThat(hidden).isEqualTo(UserPasswordCipher.hiddenLength(len)).isEqualTo(len == 0 ? 16 : (len + 15) / 16 * 16);
            int back = UserPasswordCipher.unhide(buf, 3, hidden, SECRET, auth, 2, buf, 3);
            assertThat(back).isEqualTo(len);
            assertThat(Arrays.copyOfRange(buf, 3, 3 + len)).isEqualTo(plain);
        }
    }

    @Test
    void wrongSecretGivesGarbage() {
        byte[] hidden = HEX.parseHex("0dbe708d93d413ce3196e43f782a0aee");
        byte[] out = new byte[16];
        UserPasswordCipher.unhide(hidden, 0, 16, SharedSecret.of("wrong"), AUTH, 0, out, 0);
        assertThat(new String(out, StandardCharsets.ISO_8859_1)).doesNotStartWith("arctangent");
    }

    @Test
    void malformedHiddenLengthsAreReported() {
        byte[] buf = new byte[200];
        for (int len : new int[] {0, 1, 15, 17, 31, 127, 144, 160}) {
            assertThat(UserPasswordCipher.unhide(buf, 0, len, SECRET, AUTH, 0, buf, 0)).as("len %d", len).isEqualTo(-1);
        }
    }

    @Test
    void overlongPasswordIsRejected() {
        byte[] buf = new byte[200];
        assertThatThrownBy(() -> UserPasswordCipher.hide(buf, 0, 129, SECRET, AUTH, 0, buf, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UserPasswordCipher.hide(buf, 0, 20, SECRET, AUTH, 0, new byte[31], 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
