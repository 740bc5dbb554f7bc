package org.pirog.radius.codec.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 2202 §2, test cases 1-7 for HMAC-MD5 (cases 1-3 are also RFC 2104's appendix). */
class HmacMd5Test {

    private static final HexFormat HEX = HexFormat.of();

    static Stream<Arguments> rfc2202() {
        return Stream.of(
                Arguments.of(filled(16, 0x0b), ascii("Hi There"), "9294727a3638bb1c13f48ef8158bfc9d"),
                Arguments.of(ascii("Jefe"), ascii("what do ya want for nothing?"), "750c783e6ab0b503eaa86e310a5db738"),
                Arguments.of(filled(16, 0xaa), filled(50, 0xdd), "56be34521d144c88dbb8c733f0e8b3f6"),
                Arguments.of(HEX.parseHex("0102030405060708090a0b0c0d0e0f10111213141516171819"), filled(50, 0xcd),
                        "697eaf0aca3a3aea3a75164746ffaa79"),
                Arguments.of(filled(16, 0x0c), ascii("Test With Truncation"), "56461ef2342edc00f9bab995690efd4c"),
                Arguments.of(filled(80, 0xaa), ascii("Test Using Larger Than Block-Size Key - Hash Key First"),
                        "6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd"),
                Arguments.of(filled(80, 0xaa),
                        ascii("Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data"),
                        "6f630fad67cda0ee1fb1f562db3aa53e"));
    }

    @ParameterizedTest
    @MethodSource("rfc2202")
    void rawKey(byte[] key, byte[] data, String expected) {
        byte[] out = new byte[16];
        HmacMd5.perThread().init(key, 0, key.length).update(data, 0, data.length).doFinal(out, 0);
        assertThat(HEX.formatHex(out)).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("rfc2202")
    void sharedSecretKeyIncrementallyAtAnOffset(byte[] key, byte[] data, String expected) {
        byte[] out = new byte[20];
        HmacMd5 h = new HmacMd5().init(SharedSecret.of(key));
        for (byte b : data) {
            h.update(new byte[] {b}, 0, 1);
        }
        h.doFinal(out, 4);
        assertThat(HEX.formatHex(out, 4, 20)).isEqualTo(expected);
    }

    @Test
    void instanceIsReusableAcrossKeys() {
        HmacMd5 h = HmacMd5.perThread();
        byte[] first = new byte[16];
        byte[] again = new byte[16];
        h.init(SharedSecret.of("Jefe")).update(ascii("what do ya want for nothing?"), 0, 28).doFinal(first, 0);
        h.init(filled(80, 0xaa), 0, 80).update(ascii("x"), 0, 1).doFinal(again, 0);
        h.init(SharedSecret.of("Jefe")).update(ascii("what do ya want for nothing?"), 0, 28).doFinal(again, 0);
        assertThat(again).isEqualTo(first);
    }

    @Test
    void updateZerosEqualsUpdatingZeroOctets() {
        byte[] a = new byte[16];
        byte[] b = new byte[16];
        SharedSecret s = SharedSecret.of("k");
        HmacMd5.perThread().init(s).updateZeros(150).doFinal(a, 0);
        HmacMd5.perThread().init(s).update(new byte[150], 0, 150).doFinal(b, 0);
        assertThat(a).isEqualTo(b);
    }

    @Test
    void longKeyDoesNotDisturbThePerThreadMd5() {
        MessageDigest md = Md5.perThread();
        md.update(ascii("ab"));
        HmacMd5.perThread().init(filled(80, 0xaa), 0, 80);
        SharedSecret.of(filled(100, 0x11));
        md.update(ascii("c"));
        // RFC 1321 §A.5: MD5("abc")
        assertThat(HEX.formatHex(md.digest())).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
    }

    static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
