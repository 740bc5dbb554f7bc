package org.pirog.radius.codec.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pirog.radius.codec.value.TestDictionary.attribute;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Text to wire octets: every accepted form, and the messages for what is not accepted. */
class ValueTextParseTest {

    private static String hex(String attribute, String text) throws ValueFormatException {
        return HexFormat.of().formatHex(ValueText.parse(attribute(attribute), text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "T-string      | 0x41                    | 30783431",
        "T-string      | é                       | c3a9",
        "T-string      | ' padded '              | 2070616464656420",
        "T-octets      | 0x00aBcD                | 00abcd",
        "T-octets      | 0X01                    | 01",
        "T-octets      | 0x                      | ''",
        "T-octets      | abc                     | 616263",
        "T-fixed       | 0x01020304              | 01020304",
        "T-ipaddr      | 10.0.0.1                | 0a000001",
        "T-ipaddr      | ' 255.255.255.255 '     | ffffffff",
        "T-ipaddr      | 0.0.0.0                 | 00000000",
        "T-ipaddr      | 10.0.0.1/32             | 0a000001",
        "T-ipv4prefix  | 10.1.2.3/16             | 00100a010000",
        "T-ipv4prefix  | 10.1.2.255/31           | 001f0a0102fe",
        "T-ipv4prefix  | 192.168.1.1             | 0020c0a80101",
        // FreeRADIUS 3.2.1 answered each of these as Pirog reads it: inet_aton forms for an address alone,
        // decimal parts (leading zeros allowed, missing parts zero) before a prefix length.
        "T-ipv4prefix  | 010.0.0.1               | 002008000001",
        "T-ipv4prefix  | 10.1                    | 00200a000001",
        "T-ipv4prefix  | 010.0.0.0/8             | 00080a000000",
        "T-ipv4prefix  | 10.1/16                 | 00100a010000",
        "T-ipv4prefix  | 10.0.0.010/32           | 00200a00000a",
        "T-ipaddr      | 010.0.0.1               | 08000001",
        "T-ipaddr      | 10.0.0.01               | 0a000001",
        "T-ipaddr      | 10.0.0.010              | 0a000008",
        "T-ipaddr      | 10.1                    | 0a000001",
        "T-ipaddr      | 10.0.1                  | 0a000001",
        "T-ipaddr      | 192.0.2                 | c0000002",
        "T-ipaddr      | 1.2.256                 | 01020100",
        "T-ipaddr      | 167772161               | 0a000001",
        "T-ipaddr      | 0x0a000001              | 0a000001",
        "T-ipaddr      | 012                     | 0000000a",
        "T-ipaddr      | 0X0a.0.0.1              | 0a000001",
        "T-ipaddr      | 010.0.0.1/32            | 0a000001",
        "T-ipaddr      | 0010.0.0.1/32           | 0a000001",
        "T-ipaddr      | 10.1/32                 | 0a010000",
        "T-ipv4prefix  | 0.0.0.0/0               | 000000000000",
        "T-integer     | 3600                    | 00000e10",
        "T-integer     | 0x10                    | 00000010",
        "T-integer     | 4294967295              | ffffffff",
        "T-integer     | 0xFFFFFFFF              | ffffffff",
        "T-integer     | Framed-User             | 00000002",
        "T-integer     | callback-framed-user    | 00000004",
        "T-integer     | 3GPP                    | 00000007",
        "T-integer     | '7 '                    | 00000007",
        "T-tagged      | L2TP                    | 000003",
        "T-tagged      | 16777215                | ffffff",
        "T-byte        | 255                     | ff",
        "T-byte        | Seven                   | 07",
        "T-short       | 0xFFFF                  | ffff",
        "T-short       | Big                     | ffff",
        "T-integer64   | 18446744073709551615    | ffffffffffffffff",
        "T-integer64   | 0x0102030405060708      | 0102030405060708",
        "T-signed      | -3600                   | fffff1f0",
        "T-signed      | -2147483648             | 80000000",
        "T-signed      | 2147483647              | 7fffffff",
        "T-signed      | 0xffffffff              | ffffffff",
        "T-signed      | Minus-One               | ffffffff",
        "T-date        | 0                       | 00000000",
        "T-date        | 4294967295              | ffffffff",
        "T-ipv6addr    | 2001:db8::1             | 20010db8000000000000000000000001",
        "T-ipv6addr    | ::                      | 00000000000000000000000000000000",
        "T-ipv6addr    | ::1                     | 00000000000000000000000000000001",
        "T-ipv6addr    | ::ffff:1.2.3.4          | 00000000000000000000ffff01020304",
        "T-ipv6addr    | ::1.2.3.4               | 00000000000000000000000001020304",
        "T-ipv6addr    | 1:2:3:4:5:6:7::         | 00010002000300040005000600070000",
        "T-ipv6addr    | 1::8                    | 00010000000000000000000000000008",
        "T-ipv6addr    | 1:2:3:4:5:6:7:8         | 00010002000300040005000600070008",
        "T-ipv6addr    | 1:2:3:4:5:6:1.2.3.4     | 00010002000300040005000601020304",
        "T-ipv6addr    | FE80::A:bC              | fe8000000000000000000000000a00bc",
        "T-ipv6addr    | 2001:db8::1/128         | 20010db8000000000000000000000001",
        "T-ipv6prefix  | 2001:db8::/32           | 002020010db8000000000000000000000000",
        "T-ipv6prefix  | 2001:db8::1/64          | 004020010db8000000000000000000000000",
        "T-ipv6prefix  | 2001:db8::1/64          | 004020010db8000000000000000000000000",
        "T-ipv6prefix  | 2001:db8::1             | 008020010db8000000000000000000000001",
        "T-ipv6prefix  | 2001:db8:ffff::/33      | 002120010db8800000000000000000000000",
        "T-ipv6prefix  | ::/0                    | 000000000000000000000000000000000000",
        "T-combo-ip    | 192.0.2.1               | c0000201",
        "T-combo-ip    | 2001:db8::1             | 20010db8000000000000000000000001",
        "T-ifid        | 0011:2233:4455:6677     | 0011223344556677",
        "T-ifid        | 11:2233:4455:6677       | 0011223344556677",
        "T-ifid        | 0:0:0:1                 | 0000000000000001",
        "T-ether       | 00:11:22:33:44:ff       | 0011223344ff",
        "T-ether       | 00-11-22-33-44-FF       | 0011223344ff",
        "T-ether       | 0:1:2:3:4:5             | 000102030405",
        "T-ether       | 0011223344Ff            | 0011223344ff",
        "T-tlv         | 0x010600000001          | 010600000001",
        "T-abinary     | 0x0101                  | 0101",
        "T-vsa         | 0x0000000901030a        | 0000000901030a",
    })
    void acceptsEachForm(String attribute, String text, String expected) throws ValueFormatException {
        assertThat(hex(attribute, text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1798761600                     | 6b36ec80",
        "Jan 1 2027                     | 6b36ec80",
        "jan 1 2027                     | 6b36ec80",
        "Jan  1 2027 00:00:00 UTC       | 6b36ec80",
        "1 Jan 2027                     | 6b36ec80",
        "01 JAN 2027 00:00 GMT          | 6b36ec80",
        "January 1 2027 12:00           | 6b379540",
        "January 1, 2027 12:00:00       | 6b379540",
        "Nov 21 2026 10:00:00 UTC       | 6b016ba0",
        "Feb 28 2027 23:59:59 Z         | 6b84b4ff",
        "2027 Jan 1                     | 6b36ec80",
        "12:00 Jan 1 2027               | 6b379540",
        "Janvier 1 2027                 | 6b36ec80",
        "Feb 29 2027                    | 6b84b500",
        "Dec 31 2026 24:00              | 6b36ec80",
        "2027-01-01T00:00:00Z           | 6b36ec80",
        "2027-01-01T00:00:00            | 6b36ec80",
        "2027-01-01T12:00               | 6b379540",
        "2027-01-01                     | 6b36ec80",
        "2027-01-01T00:00:00+02:00      | 6b36d060",
    })
    void acceptsDatesInEachForm(String text, String expected) throws ValueFormatException {
        assertThat(hex("T-date", text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "T-ipaddr     | 10.0.0.300           | is not an IPv4 address for T-ipaddr",
        "T-ipaddr     | 10.0.0.08            | is not an IPv4 address for T-ipaddr",
        "T-ipaddr     | 0x0a.0.0.1           | is not an IPv4 address for T-ipaddr",
        "T-ipaddr     | 018                  | is not an IPv4 address for T-ipaddr",
        "T-ipaddr     | 4294967296           | is not an IPv4 address for T-ipaddr",
        "T-ipaddr     | 1.2.3.4.5            | is not an IPv4 address for T-ipaddr",
        "T-ipaddr     | 1.2.3.4.5/32         | is not an IPv4 address for T-ipaddr",
        "T-ipaddr     | 10.0.0.1000/32       | is not an IPv4 address for T-ipaddr",
        "T-ipaddr     | 1.256.3              | is not an IPv4 address for T-ipaddr",
        "T-ipaddr     | 0x                   | is not an IPv4 address for T-ipaddr",
        "T-ipaddr     | 10.0.0.1.            | is not an IPv4 address for T-ipaddr",
        "T-ipaddr     | localhost            | is not an IPv4 address for T-ipaddr",
        "T-ipaddr     | 10.0.0.0/24          | is not an IPv4 address for T-ipaddr",
        "T-ipv6addr   | 1:2:3:4:5:6:7:8:9    | is not an IPv6 address for T-ipv6addr",
        "T-ipv6addr   | 1::2::3              | is not an IPv6 address for T-ipv6addr",
        "T-ipv6addr   | 12345::              | is not an IPv6 address for T-ipv6addr",
        "T-ipv6addr   | :1                   | is not an IPv6 address for T-ipv6addr",
        "T-ipv6addr   | 1:                   | is not an IPv6 address for T-ipv6addr",
        "T-ipv6addr   | fe80::1%eth0         | is not an IPv6 address for T-ipv6addr",
        "T-ipv6addr   | 1:2:3:4:5:6:7:8::    | is not an IPv6 address for T-ipv6addr",
        "T-ipv6addr   | ::1.2.3.4:5          | is not an IPv6 address for T-ipv6addr",
        "T-ipv6addr   | 1.2.3.4              | is not an IPv6 address for T-ipv6addr",
        "T-ipv4prefix | 10.0.0.0/33          | is not an IPv4 prefix (10.0.0.0/8) for T-ipv4prefix",
        "T-ipv4prefix | 10.0.0.0/            | is not an IPv4 prefix (10.0.0.0/8) for T-ipv4prefix",
        "T-ipv6prefix | 2001:db8::/129       | is not an IPv6 prefix (2001:db8::/32) for T-ipv6prefix",
        "T-ipv6prefix | 2001:db8::/-1        | is not an IPv6 prefix (2001:db8::/32) for T-ipv6prefix",
        "T-combo-ip   | host.example         | is not an IPv4 address for T-combo-ip",
        "T-integer    | 4294967296           | is out of range for T-integer (integer, 0..4294967295)",
        "T-integer    | -1                   | is out of range for T-integer (integer, 0..4294967295)",
        "T-integer    | +1                   | is not an integer or a VALUE name for T-integer",
        "T-integer    | Framed               | is not an integer or a VALUE name for T-integer",
        "T-integer    | 0x                   | is not an integer or a VALUE name for T-integer",
        "T-integer    | 1e3                  | is not an integer or a VALUE name for T-integer",
        "T-byte       | 256                  | is out of range for T-byte (byte, 0..255)",
        "T-short      | 65536                | is out of range for T-short (short, 0..65535)",
        "T-short      | 0x10000              | is out of range for T-short (short, 0..65535)",
        "T-tagged     | 16777216             | is out of range for T-tagged (integer, 0..16777215, as the tag takes"
            + " the first octet)",
        "T-integer64  | 18446744073709551616 | is not an integer or a VALUE name for T-integer64",
        "T-integer64  | -1                   | is out of range for T-integer64 (integer64, 0..18446744073709551615)",
        "T-signed     | 2147483648           | is out of range for T-signed (signed, -2147483648..2147483647)",
        "T-signed     | -2147483649          | is out of range for T-signed (signed, -2147483648..2147483647)",
        "T-signed     | -0x1                 | is not a signed integer for T-signed",
        "T-signed     | 0x100000000          | is not a signed integer for T-signed",
        "T-octets     | 0x123                | is not hex octets (0x and an even number of hex digits) for T-octets",
        "T-octets     | 0xzz                 | is not hex octets (0x and an even number of hex digits) for T-octets",
        "T-fixed      | 0x010203             | is 3 octets, T-fixed needs exactly 4",
        "T-tlv        | abc                  | is not hex octets (0x and an even number of hex digits), as tlv values"
            + " have no other text form for T-tlv",
        "T-ifid       | 0011-2233-4455-6677  | is not an interface id (0011:2233:4455:6677) for T-ifid",
        "T-ifid       | 0011:2233:4455       | is not an interface id (0011:2233:4455:6677) for T-ifid",
        "T-ifid       | 00112:2233:4455:6677 | is not an interface id (0011:2233:4455:6677) for T-ifid",
        "T-ether      | 00:11:22:33:44       | is not an Ethernet address (00:11:22:33:44:55) for T-ether",
        "T-ether      | 00:11-22:33:44:55    | is not an Ethernet address (00:11:22:33:44:55) for T-ether",
        "T-ether      | 000:11:22:33:44:55   | is not an Ethernet address (00:11:22:33:44:55) for T-ether",
        "T-date       | 4294967296           | is out of range for T-date (dates from 1970-01-01 to 2106-02-07T06:28:15Z)",
        "T-date       | Jan 1 1969           | is out of range for T-date (dates from 1970-01-01 to 2106-02-07T06:28:15Z)",
    })
    void rejectsWithAMessageNamingTheAttribute(String attribute, String text, String problem) {
        assertThatThrownBy(() -> ValueText.parse(attribute(attribute), text))
                .isInstanceOf(ValueFormatException.class)
                .hasMessage("\"" + text + "\" " + problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jan 32 2027", "Jan 1 27", "Foo 1 2027", "Jan 2027", "", "Jan 1x 2027", "Jan 1 2027 CET",
        "Jan 1 2027 12", "tomorrow", "2027-13-01"})
    void rejectsTextThatIsNoDate(String text) {
        assertThatThrownBy(() -> ValueText.parse(attribute("T-date"), text))
                .hasMessage("\"" + text + "\" is not a date (epoch seconds, \"Jan 1 2027 00:00:00 UTC\" or ISO-8601)"
                        + " for T-date");
    }

    @Test
    void readsANumberBeforeAValueNameThatLooksLikeOneAsFreeRadiusDoes() throws ValueFormatException {
        // VALUE T-short 64 2, as USR-Speed-Of-Connection has: the text 64 is the number 64
        assertThat(hex("T-short", "64")).isEqualTo("0040");
        assertThat(ValueText.format(attribute("T-short"), new byte[] {0, 2})).isEqualTo("64");
    }

    @Test
    void neverRepeatsTheTextOfASecretAttribute() {
        assertThatThrownBy(() -> ValueText.parse(attribute("T-secret"), "0xsecret"))
                .hasMessage("the value is not hex octets (0x and an even number of hex digits) for T-secret");
    }

    @Test
    void shortensLongTextInMessages() {
        String text = "1".repeat(100);
        assertThatThrownBy(() -> ValueText.parse(attribute("T-ipaddr"), text))
                .hasMessage("\"" + "1".repeat(64) + "...\" is not an IPv4 address for T-ipaddr");
    }

    @Test
    void exceptionCarriesNoStackTrace() {
        assertThatThrownBy(() -> ValueText.parse(attribute("T-ipaddr"), "x"))
                .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
    }

    @Test
    void longStringsAreNotCutToOneAttribute() throws ValueFormatException {
        // Splitting over several attributes (concat, long-extended) or refusing is the packet builder's call.
        assertThat(ValueText.parse(attribute("T-string"), "x".repeat(1000))).hasSize(1000);
    }
}
