package org.pirog.radius.codec.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AscendSecretCipherTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final SharedSecret SECRET = SharedSecret.of("xyzzy5461");
    private static final byte[] AUTH = HEX.parseHex("0f403f9473978057bd83d5cb98f4227a");

    @Test
    void knownAnswer() {
        // Computed independently with python3: md5(RA + b'xyzzy5461') XOR b'ascend'.ljust(16, b'\0').
        byte[] plain = "ascend".getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[16];
        assertThat(AscendSecretCipher.hide(plain, 0, plain.length, SECRET, AUTH, 0, out, 0)).isEqualTo(16);
        assertThat(HEX.formatHex(out)).isEqualTo("c2bb8c9765fe25d0bd9e698656379dcf");
        byte[] back = new byte[16];
        assertThat(AscendSecretCipher.unhide(out, 0, 16, SECRET, AUTH, 0, back, 0)).isEqualTo(6);
        assertThat(Arrays.copyOf(back, 6)).isEqualTo(plain);
    }

    @Test
    void roundTripInPlace() {
        byte[] buf = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        AscendSecretCipher.hide(buf, 0, 16, SECRET, AUTH, 0, buf, 0);
        assertThat(AscendSecretCipher.unhide(buf, 0, 16, SECRET, AUTH, 0, buf, 0)).isEqualTo(16);
        assertThat(new String(buf, StandardCharsets.US_ASCII)).isEqualTo("0123456789abcdef");
    }

    @Test
    void malformedSizes() {
        byte[] buf = new byte[32];
        assertThat(AscendSecretCipher.unhide(buf, 0, 15, SECRET, AUTH, 0, buf, 0)).isEqualTo(-1);
        assertThat(AscendSecretCipher.unhide(buf, 0, 32, SECRET, AUTH, 0, buf, 0)).isEqualTo(-1);
        assertThatThrownBy(() -> AscendSecretCipher.hide(buf, 0, 17, SECRET, AUTH, 0, buf, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
