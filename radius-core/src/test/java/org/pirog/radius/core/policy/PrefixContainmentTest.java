package org.pirog.radius.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.InetAddress;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.dictionary.DictionaryException;
import org.pirog.radius.codec.packet.PacketCode;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.codec.value.ValueFormatException;
import org.pirog.radius.codec.value.ValueText;

/**
 * Check items on IP prefixes, each row as FreeRADIUS 3.2.1 answered it: a users file entry
 * {@code Attribute <op> "check"} per operator, and a request carrying the request value (sent raw when written in
 * hex, to set host bits or shorten an IPv6 prefix). The expected column lists {@code < <= > >= == !=} in that order,
 * {@code Y} for a match. PMIP6-Home-IPv4-HoA (RFC 6572) is FreeRADIUS's ipv4prefix attribute. (The same prefix
 * answered {@code . Y . Y Y .}, as octet-by-octet comparison answers too.)
 */
class PrefixContainmentTest {
    private static final Dictionary DICTIONARY = dictionary();
    private static final String[] OPERATORS = {"<", "<=", ">", ">=", "==", "!="};

    private static Dictionary dictionary() {
        try {
            return Dictionary.load("dictionary.prefix-test", new StringReader("""
                    ATTRIBUTE User-Name 1 string
                    ATTRIBUTE Framed-IPv6-Prefix 97 ipv6prefix
                    ATTRIBUTE PMIP6-Home-IPv4-HoA 155 ipv4prefix
                    """));
        } catch (DictionaryException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0} <op> {1}, request {2}: {3}")
    @CsvSource(delimiter = '|', value = {
        "Framed-IPv6-Prefix  | 2001:db8::/32   | 2001:db8::/64        | Y Y . . . Y",
        "Framed-IPv6-Prefix  | 2001:db8::/32   | 2001:db8::/33        | Y Y . . . Y",
        "Framed-IPv6-Prefix  | 2001:db8::/32   | 2001:db8:8000::/33   | Y Y . . . Y",
        "Framed-IPv6-Prefix  | 2001:db8::/32   | 2001:db7::/64        | . . . . . Y",
        "Framed-IPv6-Prefix  | 2001:db8::/32   | 2001:db9::/64        | . . . . . Y",
        "Framed-IPv6-Prefix  | 2001:db8::/32   | 2001::/16            | . . Y Y . Y",
        "Framed-IPv6-Prefix  | 2001:db8::/32   | 2001:db8::/31        | . . Y Y . Y",
        "Framed-IPv6-Prefix  | 2001:db8::/32   | ::/0                 | . . Y Y . Y",
        "Framed-IPv6-Prefix  | 2001:db8::/32   | 2002::/16            | . . . . . Y",
        "Framed-IPv6-Prefix  | 2001:db8::/32   | 2001:db7::/32        | . . . . . .",
        "Framed-IPv6-Prefix  | 2001:db8::/32   | 2001:db9::/32        | . . . . . .",
        "Framed-IPv6-Prefix  | ::/0            | 2001:db8::/64        | Y Y . . . Y",
        "Framed-IPv6-Prefix  | 2001:db8:1::/32 | 2001:db8::/64        | Y Y . . . Y",
        "Framed-IPv6-Prefix  | 2001:db8::/36   | 2001:db8:fff::/48    | Y Y . . . Y",
        "Framed-IPv6-Prefix  | 2001:db8::/36   | 2001:db8:1fff::/48   | . . . . . Y",
        "Framed-IPv6-Prefix  | 2001:db8::/16   | 0x002020010db8       | Y Y . . . Y",
        "Framed-IPv6-Prefix  | 2001:db8::/32   | 0x002020010db80001   | . . . . . .",
        "PMIP6-Home-IPv4-HoA | 192.0.2.0/24    | 192.0.2.128/25       | Y Y . . . Y",
        "PMIP6-Home-IPv4-HoA | 192.0.2.0/24    | 192.0.3.0/25         | . . . . . Y",
        "PMIP6-Home-IPv4-HoA | 192.0.2.0/24    | 192.0.0.0/16         | . . Y Y . Y",
        "PMIP6-Home-IPv4-HoA | 192.0.2.0/24    | 193.0.0.0/16         | . . . . . Y",
        "PMIP6-Home-IPv4-HoA | 192.0.2.0/24    | 192.0.1.0/24         | . . . . . .",
        "PMIP6-Home-IPv4-HoA | 192.0.2.0/24    | 192.0.3.0/24         | . . . . . .",
        "PMIP6-Home-IPv4-HoA | 192.0.2.1       | 192.0.2.0/24         | . . Y Y . Y",
        "PMIP6-Home-IPv4-HoA | 192.0.2.0/20    | 192.0.15.0/24        | Y Y . . . Y",
        "PMIP6-Home-IPv4-HoA | 192.0.2.0/20    | 192.0.16.0/24        | . . . . . Y",
        "PMIP6-Home-IPv4-HoA | 192.0.2.0/24    | 0x0018c0000205       | . . . . . .",
    })
    void comparesByContainment(String attribute, String check, String request, String expected) throws Exception {
        StringBuilder answered = new StringBuilder();
        for (String operator : OPERATORS) {
            answered.append(answered.isEmpty() ? "" : " ")
                    .append(matches(attribute, operator, check, request) ? 'Y' : '.');
        }
        assertThat(answered.toString()).as("< <= > >= == !=").isEqualTo(expected);
    }

    private static boolean matches(String name, String operator, String check, String request)
            throws PolicyException, ValueFormatException {
        AttributeDefinition attribute = DICTIONARY.attribute(name);
        byte[] value = request.startsWith("0x") ? HexFormat.of().parseHex(request.substring(2))
                : ValueText.parse(attribute, request);
        RadiusPacket packet = RadiusPacket.builder(DICTIONARY, PacketCode.ACCESS_REQUEST, 1)
                .add(attribute, value)
                .build();
        CheckItem item = CheckItem.compile(PolicyItem.of(attribute, Operator.fromToken(operator), check), DICTIONARY);
        return item.matches(new PolicyContext(packet, InetAddress.getLoopbackAddress(), Instant.EPOCH,
                ZoneOffset.UTC));
    }
}
