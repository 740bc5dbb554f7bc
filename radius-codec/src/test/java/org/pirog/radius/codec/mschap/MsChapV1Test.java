package org.pirog.radius.codec.mschap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.crypto.UserPasswordCipher;

class MsChapV1Test {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    // RFC 2433 §B.2
    private static final byte[] CHALLENGE = HEX.parseHex("102DB5DF085D3041");
    private static final byte[] NT_HASH = HEX.parseHex("FC156AF7EDCD6C0EDDE3337D427F4EAC");
    private static final String NT_RESPONSE = "4E9D3C8F9CFD385D5BF4D3246791956CA4C351AB409A3D61";

    @Test
    void ntChallengeResponseOfRfc2433Example() {
        assertThat(HEX.formatHex(MsChapV1.ntChallengeResponse(CHALLENGE, NtPasswordHash.of("MyPw"))))
                .isEqualTo(NT_RESPONSE);
    }

    @Test
    void lmChallengeResponse() {
        // RFC 2433 gives no LM example: computed with python3 'cryptography' DES (RFC 2433 §A.1, §A.7).
        assertThat(HEX.formatHex(MsChapV1.lmChallengeResponse(CHALLENGE, LmPasswordHash.of("MyPw"))))
                .isEqualTo("91881D0152AB0C33C524135EC24A95EE64E23CDC2D33347D");
    }

    @Test
    void verifyAtOffsets() {
        // MS-CHAP-Response value (RFC 2548 §2.3.2): Ident, Flags, LM-Response (24), NT-Response (24).
        byte[] attr = new byte[50];
        attr[1] = 1;
        System.arraycopy(HEX.parseHex(NT_RESPONSE), 0, attr, 26, 24);
        byte[] hashAt3 = new byte[19];
        System.arraycopy(NT_HASH, 0, hashAt3, 3, 16);
        assertThat(MsChapV1.verify(CHALLENGE, 0, hashAt3, 3, attr, 26)).isTrue();
        attr[49] ^= 1;
        assertThat(MsChapV1.verify(CHALLENGE, 0, hashAt3, 3, attr, 26)).isFalse();
        assertThat(MsChapV1.verify(CHALLENGE, 0, NtPasswordHash.of("MyPW"), 0, HEX.parseHex(NT_RESPONSE), 0))
                .isFalse();
    }

    @Test
    void shortInputsAreProgrammingErrors() {
        assertThatThrownBy(() -> MsChapV1.verify(new byte[7], 0, NT_HASH, 0, new byte[24], 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> MsChapV1.verify(CHALLENGE, 0, NT_HASH, 0, new byte[23], 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void mppeKeysLayoutAndRoundTripThroughUserPasswordCipher() {
        byte[] lm = LmPasswordHash.of("MyPw");
        byte[] keys = MsChapV1.mppeKeys(lm, NT_HASH);
        // LM-Key = LM hash[0..8), NT-Key = MD4(NT hash) (computed with python3), 8 zero octets.
        assertThat(HEX.formatHex(keys))
                .isEqualTo("75BA30198E6D1975" + "874FB0693E18106A814481BC51CD7D37" + "0000000000000000");
        assertThat(Arrays.copyOf(MsChapV1.mppeKeys(null, NT_HASH), 8)).containsOnly(0);

        SharedSecret secret = SharedSecret.of("xyzzy5461");
        byte[] auth = HEX.parseHex("0F403F9473978057BD83D5CB98F4227A");
        byte[] hidden = new byte[32];
        assertThat(UserPasswordCipher.hide(keys, 0, 32, secret, auth, 0, hidden, 0)).isEqualTo(32);
        byte[] back = new byte[32];
        assertThat(UserPasswordCipher.unhide(hidden, 0, 32, secret, auth, 0, back, 0)).isEqualTo(24);
        assertThat(back).isEqualTo(keys);
    }
}
