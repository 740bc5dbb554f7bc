package org.pirog.radius.codec.mschap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Every intermediate value of RFC 2759 §9.2 (user "User", password "clientPass"). */
class MsChapV2Test {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final byte[] AUTH_CHALLENGE = HEX.parseHex("5B5D7C7D7B3F2F3E3C2C602132262628");
    private static final byte[] PEER_CHALLENGE = HEX.parseHex("21402324255E262A28295F2B3A337C7E");
    private static final byte[] NT_HASH = HEX.parseHex("44EBBA8D5312B8D611474411F56989AE");
    private static final String NT_RESPONSE = "82309ECD8D708B5EA08FAA3981CD83544233114A3D85D6DF";
    private static final String AUTH_RESPONSE = "S=407A5589115FD0D6209F510FE9C04566932CDA56";

    @Test
    void challengeHash() {
        assertThat(HEX.formatHex(MsChapV2.challengeHash(PEER_CHALLENGE, AUTH_CHALLENGE, "User")))
                .isEqualTo("D02E4386BCE91226");
    }

    @Test
    void passwordHashes() {
        assertThat(NtPasswordHash.of("clientPass")).isEqualTo(NT_HASH);
        assertThat(HEX.formatHex(NtPasswordHash.hashOfHash(NT_HASH))).isEqualTo("41C00C584BD2D91C4017A2A12FA59F3F");
    }

    @Test
    void ntResponse() {
        assertThat(HEX.formatHex(MsChapV2.generateNtResponse(AUTH_CHALLENGE, PEER_CHALLENGE, "User", NT_HASH)))
                .isEqualTo(NT_RESPONSE);
    }

    @Test
    void authenticatorResponse() {
        assertThat(MsChapV2.authenticatorResponse(NT_HASH, HEX.parseHex(NT_RESPONSE), PEER_CHALLENGE,
                AUTH_CHALLENGE, "User")).isEqualTo(AUTH_RESPONSE);
    }

    @Test
    void authenticatorResponseIntoAttributeBuffer() {
        // MS-CHAP2-Success value: Ident, then the 42 octets.
        byte[] success = new byte[43];
        byte[] name = "BIGCO\\User".getBytes(StandardCharsets.US_ASCII);
        int start = MsChapV2.userNameStart(name, 0, name.length);
        MsChapV2.authenticatorResponse(NT_HASH, 0, HEX.parseHex(NT_RESPONSE), 0, PEER_CHALLENGE, 0, AUTH_CHALLENGE,
                0, name, start, name.length - start, success, 1);
        assertThat(new String(success, 1, 42, StandardCharsets.US_ASCII)).isEqualTo(AUTH_RESPONSE);
    }

    @Test
    void verifyNtResponseFromAttributeOffsets() {
        // MS-CHAP2-Response value (RFC 2548 §2.3.2): Ident, Flags, Peer-Challenge (16), Reserved (8),
        // NT-Response (24).
        byte[] attr = new byte[50];
        System.arraycopy(PEER_CHALLENGE, 0, attr, 2, 16);
        System.arraycopy(HEX.parseHex(NT_RESPONSE), 0, attr, 26, 24);
        byte[] name = "User".getBytes(StandardCharsets.US_ASCII);
        assertThat(MsChapV2.verifyNtResponse(AUTH_CHALLENGE, 0, attr, 2, name, 0, 4, NT_HASH, 0, attr, 26)).isTrue();
        assertThat(MsChapV2.verifyNtResponse(AUTH_CHALLENGE, 0, attr, 2, name, 0, 3, NT_HASH, 0, attr, 26)).isFalse();
        assertThat(MsChapV2.verifyNtResponse(AUTH_CHALLENGE, 0, attr, 2, name, 0, 4,
                NtPasswordHash.of("clientpass"), 0, attr, 26)).isFalse();
        attr[30] ^= 1;
        assertThat(MsChapV2.verifyNtResponse(AUTH_CHALLENGE, 0, attr, 2, name, 0, 4, NT_HASH, 0, attr, 26)).isFalse();
    }

    @Test
    void domainIsStripped() {
        assertThat(MsChapV2.userNameWithoutDomain("BIGCO\\johndoe")).isEqualTo("johndoe");
        assertThat(MsChapV2.userNameWithoutDomain("johndoe")).isEqualTo("johndoe");
        byte[] name = "xBIGCO\\johndoe".getBytes(StandardCharsets.US_ASCII);
        assertThat(MsChapV2.userNameStart(name, 1, name.length - 1)).isEqualTo(7);
        assertThat(MsChapV2.userNameStart(name, 8, 3)).isEqualTo(8);
    }

    @Test
    void errorMessage() {
        byte[] challenge = HEX.parseHex("5B5D7C7D7B3F2F3E3C2C602132262628");
        assertThat(MsChapV2.errorMessage(691, false, challenge, 3))
                .isEqualTo("E=691 R=0 C=5B5D7C7D7B3F2F3E3C2C602132262628 V=3");
        assertThat(MsChapV2.errorMessage(648, true, challenge, 3)).startsWith("E=648 R=1 C=");
        assertThatThrownBy(() -> MsChapV2.errorMessage(691, false, new byte[8], 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
