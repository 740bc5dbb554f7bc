package org.pirog.radius.codec.chap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ChapTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] PASSWORD = "arctangent".getBytes(StandardCharsets.US_ASCII);
    // Used as the challenge, as when an Access-Request has no CHAP-Challenge (RFC 2865 §5.3).
    private static final byte[] REQUEST_AUTH = HEX.parseHex("0f403f9473978057bd83d5cb98f4227a");
    // RFC 1994 has no test vector: computed with python3, hashlib.md5(bytes([0x16]) + b'arctangent' + RA).
    private static final String RESPONSE = "2a58e31f45148ff230f4bcce6f6aed1b";

    @Test
    void knownAnswer() {
        byte[] out = new byte[17];
        Chap.response(0x16, PASSWORD, 0, PASSWORD.length, REQUEST_AUTH, 0, 16, out, 1);
        assertThat(HEX.formatHex(out, 1, 17)).isEqualTo(RESPONSE);
    }

    @Test
    void verifiesCorrectResponseAtAnOffset() {
        byte[] attr = HEX.parseHex("ff16" + RESPONSE);
        assertThat(Chap.verify(attr, 1, PASSWORD, 0, PASSWORD.length, REQUEST_AUTH, 0, 16)).isTrue();
    }

    @Test
    void rejectsWrongIdentifierPasswordOrChallenge() {
        byte[] attr = HEX.parseHex("16" + RESPONSE);
        byte[] wrongId = attr.clone();
        wrongId[0] = 0x17;
        assertThat(Chap.verify(wrongId, 0, PASSWORD, 0, PASSWORD.length, REQUEST_AUTH, 0, 16)).isFalse();
        assertThat(Chap.verify(attr, 0, PASSWORD, 0, PASSWORD.length - 1, REQUEST_AUTH, 0, 16)).isFalse();
        assertThat(Chap.verify(attr, 0, PASSWORD, 0, PASSWORD.length, REQUEST_AUTH, 0, 15)).isFalse();
        byte[] flipped = attr.clone();
        flipped[16] ^= 1;
        assertThat(Chap.verify(flipped, 0, PASSWORD, 0, PASSWORD.length, REQUEST_AUTH, 0, 16)).isFalse();
    }

    @Test
    void identifierAboveOneTwentySevenIsAnOctet() {
        byte[] a = new byte[16];
        byte[] b = new byte[16];
        Chap.response(200, PASSWORD, 0, PASSWORD.length, REQUEST_AUTH, 0, 16, a, 0);
        byte[] attr = new byte[17];
        attr[0] = (byte) 200;
        System.arraycopy(a, 0, attr, 1, 16);
        assertThat(Chap.verify(attr, 0, PASSWORD, 0, PASSWORD.length, REQUEST_AUTH, 0, 16)).isTrue();
        Chap.response(200 - 256, PASSWORD, 0, PASSWORD.length, REQUEST_AUTH, 0, 16, b, 0);
        assertThat(b).isEqualTo(a);
    }

    @Test
    void shortAttributeIsAProgrammingError() {
        assertThatThrownBy(() -> Chap.verify(new byte[16], 0, PASSWORD, 0, 10, REQUEST_AUTH, 0, 16))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
