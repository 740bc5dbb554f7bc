package org.pirog.radius.codec.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pirog.radius.codec.value.TestDictionary.attribute;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Wire octets to text. The expected strings are what FreeRADIUS 3.2.1 {@code radclient -x} printed for the same
 * octets (with {@code TZ=UTC}); {@link FreeRadiusComparisonTest} repeats the check live when radclient is there.
 */
class ValueTextFormatTest {

    private static String format(String attribute, String hex) {
        byte[] value = HexFormat.of().parseHex(hex);
        return ValueText.format(attribute(attribute), value, 0, value.length);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "T-octets     | 00ab4344                           | 0x00ab4344",
        "T-octets     | ''                                 | 0x",
        "T-ipaddr     | 0a000001                           | 10.0.0.1",
        "T-integer    | 00000002                           | Framed-User",
        "T-integer    | 00000063                           | 99",
        "T-integer    | ffffffff                           | 4294967295",
        "T-tagged     | 000003                             | L2TP",
        "T-tagged     | 00000003                           | L2TP",
        "T-byte       | 07                                 | Seven",
        "T-byte       | ff                                 | 255",
        "T-short      | 0102                               | 258",
        "T-integer64  | ffffffffffffffff                   | 18446744073709551615",
        "T-integer64  | 0000000000000005                   | 5",
        "T-signed     | fffff1f0                           | -3600",
        "T-signed     | ffffffff                           | -1",
        "T-date       | 6b016ba0                           | '\"Nov 21 2026 10:00:00 UTC\"'",
        "T-date       | 6b36ec80                           | '\"Jan  1 2027 00:00:00 UTC\"'",
        "T-date       | 00000000                           | '\"Jan  1 1970 00:00:00 UTC\"'",
        "T-date       | ffffffff                           | '\"Feb  7 2106 06:28:15 UTC\"'",
        "T-ipv4prefix | 0018c0a80100                       | 192.168.1.0/24",
        "T-ipv6prefix | 004020010db800000000                | 2001:db8::/64",
        "T-ipv6prefix | 004020010db8000000000000000000000000 | 2001:db8::/64",
        "T-ipv6prefix | 0000                               | ::/0",
        "T-ipv6prefix | 0003ffff                           | ffff::/3",
        "T-ipv6prefix | 008020010db8000000000000000000000001 | 2001:db8::1/128",
        "T-ifid       | 0011223344556677                   | 11:2233:4455:6677",
        "T-ifid       | 0000000000000001                   | 0:0:0:1",
        "T-ether      | 0011223344ff                       | 00:11:22:33:44:ff",
        "T-combo-ip   | 01020304                           | 1.2.3.4",
        "T-combo-ip   | 20010db8000000000000000000000001   | 2001:db8::1",
    })
    void printsAsFreeRadius(String attribute, String hex, String expected) {
        assertThat(format(attribute, hex)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "00000000000000000000ffff01020304 | ::ffff:1.2.3.4",
        "20010db8000000000001000000000001 | 2001:db8::1:0:0:1",
        "00000000000000000000000000000001 | ::1",
        "00010000000000000000000000000000 | 1::",
        "00000000000000000000000001020304 | ::1.2.3.4",
        "20010db8000100000000000000000000 | 2001:db8:1::",
        "20010000000000010000000000000001 | 2001:0:0:1::1",
        "00000000000000000000000000000002 | ::2",
        "00000000000000000000000000010002 | ::0.1.0.2",
        "00000000000000000000000000000000 | ::",
        "20010000000000010000000000010001 | 2001::1:0:0:1:1",
        "00000000000000000000ffff00000000 | ::ffff:0.0.0.0",
        "0000000000000000000fffff01020304 | ::f:ffff:102:304",
        "20010db8000100010001000100010001 | 2001:db8:1:1:1:1:1:1",
        "20010db8000000010001000100010001 | 2001:db8:0:1:1:1:1:1",
        "fe80000000000000020000fffe000001 | fe80::200:ff:fe00:1",
    })
    void printsIpv6AsGlibcInetNtop(String hex, String expected) {
        assertThat(format("T-ipv6addr", hex)).isEqualTo(expected);
    }

    @Test
    void escapesStringsAsFreeRadius() {
        assertThat(string(ascii("a\nb\r\tq\"s\\e\u0001x\u007fy"), bytes(0xc3, 0xa9), ascii("z"), bytes(0xff),
                ascii("w\u001b")))
                .isEqualTo("\"a\\nb\\r\\tq\\\"s\\\\e\\001x\\177yéz\\377w\\033\"");
        assertThat(string(ascii("mid\u0000dle"))).isEqualTo("\"mid\\000dle\"");
    }

    @Test
    void keepsWellFormedUtf8AndEscapesEveryOctetOfIllFormedSequences() {
        // € and U+1F600 kept; an overlong NUL (C0 80) and an encoded surrogate (ED A0 80) escaped octet by octet
        assertThat(string(bytes(0xe2, 0x82, 0xac, ' ', 0xf0, 0x9f, 0x98, 0x80, ' ', 0xc0, 0x80, ' ', 0xed, 0xa0,
                0x80))).isEqualTo("\"€ \uD83D\uDE00 \\300\\200 \\355\\240\\200\"");
        // truncated sequences at the end, code points above U+10FFFF
        assertThat(string(bytes('a', 0xe2, 0x82))).isEqualTo("\"a\\342\\202\"");
        assertThat(string(bytes(0xf4, 0x90, 0x80, 0x80))).isEqualTo("\"\\364\\220\\200\\200\"");
        assertThat(string(bytes(0xf4, 0x8f, 0xbf, 0xbf))).isEqualTo("\"\uDBFF\uDFFF\"");
        // C1 controls are well-formed UTF-8: FreeRADIUS prints them as they are
        assertThat(string(bytes(0xc2, 0x85))).isEqualTo("\"\u0085\"");
    }

    @Test
    void dropsOneTrailingNulAsFreeRadiusDoes() {
        assertThat(string(ascii("trail\u0000"))).isEqualTo("\"trail\"");
        assertThat(string(bytes(0))).isEqualTo("\"\"");
        assertThat(string(bytes('a', 0, 0))).isEqualTo("\"a\\000\"");
        assertThat(string(new byte[0])).isEqualTo("\"\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "T-integer    | 000102",
        "T-integer    | 0000000102",
        "T-tagged     | 0001",
        "T-byte       | 0001",
        "T-short      | 01",
        "T-integer64  | 00000001",
        "T-signed     | ffff",
        "T-date       | 00",
        "T-ipaddr     | 0a0000",
        "T-ipv6addr   | 0a000001",
        "T-combo-ip   | 0a00000102",
        "T-ipv4prefix | 01180a000000",
        "T-ipv4prefix | 00210a000000",
        "T-ipv4prefix | 00180a0000",
        "T-ipv6prefix | 00",
        "T-ipv6prefix | 0081",
        "T-ipv6prefix | 0040000000000000000000000000000000000000",
        "T-ifid       | 00112233445566",
        "T-ether      | 0011223344",
        "T-tlv        | 010600000001",
        "T-abinary    | 0101",
        "T-vsa        | 0000000901030a",
        "T-extended   | 01",
        "T-evs        | 000000090101",
    })
    void printsAValueOfTheWrongShapeAsHex(String attribute, String hex) {
        assertThat(format(attribute, hex)).isEqualTo("0x" + hex);
    }

    @Test
    void formatsASliceAndAppendsToABuilder() {
        byte[] packet = HexFormat.of().parseHex("ff0a000001ff");
        assertThat(ValueText.format(attribute("T-ipaddr"), packet, 1, 4)).isEqualTo("10.0.0.1");
        StringBuilder out = new StringBuilder("Framed-IP-Address = ");
        assertThat(ValueText.appendTo(out, attribute("T-ipaddr"), packet, 1, 4)).isSameAs(out);
        assertThat(out).hasToString("Framed-IP-Address = 10.0.0.1");
    }

    @Test
    void rejectsASliceOutsideTheArray() {
        assertThatThrownBy(() -> ValueText.format(attribute("T-ipaddr"), new byte[4], 1, 4))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    private static String string(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return ValueText.format(attribute("T-string"), out.toByteArray());
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(int... octets) {
        byte[] bytes = new byte[octets.length];
        for (int k = 0; k < octets.length; k++) {
            bytes[k] = (byte) octets[k];
        }
        return bytes;
    }
}
