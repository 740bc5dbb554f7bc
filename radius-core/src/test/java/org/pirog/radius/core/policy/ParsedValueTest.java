package org.pirog.radius.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pirog.radius.core.policy.Requests.DICTIONARY;
import static org.pirog.radius.core.policy.Requests.UTC;
import static org.pirog.radius.core.policy.Requests.attribute;
import static org.pirog.radius.core.policy.Requests.request;

import java.time.ZoneId;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.pirog.radius.codec.packet.PacketCode;
import org.pirog.radius.codec.packet.RadiusPacket;

class ParsedValueTest {
    private static final long JAN_1_2030 = 1_893_456_000L;

    private static int compare(RadiusPacket packet, int i, String text) throws PolicyException {
        return ParsedValue.parse(packet.definition(i), text, UTC).compareWith(packet, i);
    }

    @Test
    void readsIntegersInDecimalHexAndByValueName() throws PolicyException {
        assertThat(ParsedValue.number(attribute("Session-Timeout"), "3600", UTC)).isEqualTo(3600);
        assertThat(ParsedValue.number(attribute("Session-Timeout"), " 12", UTC)).isEqualTo(12);
        assertThat(ParsedValue.number(attribute("Session-Timeout"), "0x10", UTC)).isEqualTo(16);
        assertThat(ParsedValue.number(attribute("Service-Type"), "Framed-User", UTC)).isEqualTo(2);
        assertThat(ParsedValue.number(attribute("Service-Type"), "framed-user", UTC)).isEqualTo(2);
        assertThat(ParsedValue.number(attribute("Fall-Through"), "Yes", UTC)).isEqualTo(1);
    }

    @Test
    void refusesIntegersOutOfRangeAndUnknownNames() {
        assertThatThrownBy(() -> ParsedValue.validate(attribute("Session-Timeout"), "4294967296"))
                .hasMessageContaining("out of range for Session-Timeout");
        // FreeRADIUS 3.2 wraps -1 to 4294967295 silently; Pirog refuses it.
        assertThatThrownBy(() -> ParsedValue.validate(attribute("Session-Timeout"), "-1"))
                .hasMessageContaining("out of range for Session-Timeout");
        assertThatThrownBy(() -> ParsedValue.validate(attribute("Session-Timeout"), "abc"))
                .isInstanceOf(PolicyException.class)
                .hasMessage("\"abc\" is not an integer or a VALUE name for Session-Timeout");
        assertThatThrownBy(() -> ParsedValue.validate(attribute("NAS-Port-Type"), "12abc"))
                .hasMessageContaining("is not an integer or a VALUE name for NAS-Port-Type");
        // RFC 2868 §3.1: a tagged integer has 24 bits.
        assertThatThrownBy(() -> ParsedValue.validate(attribute("Tunnel-Type"), "16777216"))
                .hasMessageContaining("out of range");
    }

    @Test
    void readsAddressesWithoutResolvingNames() throws PolicyException {
        assertThat(ParsedValue.number(attribute("Framed-IP-Address"), "10.0.0.1", UTC)).isEqualTo(0x0A000001L);
        assertThat(ParsedValue.number(attribute("Framed-IP-Address"), "10.0.0.1/32", UTC)).isEqualTo(0x0A000001L);
        for (String bad : new String[] {"localhost", "1.2.3.256", "1.2.3.4/24", "10.0.0.08"}) {
            assertThatThrownBy(() -> ParsedValue.validate(attribute("Framed-IP-Address"), bad)).as(bad)
                    .isInstanceOf(PolicyException.class);
        }
        ParsedValue.validate(attribute("Framed-IPv6-Prefix"), "2001:db8::/64");
        ParsedValue.validate(attribute("Framed-Interface-Id"), "0011:2233:4455:6677");
        assertThatThrownBy(() -> ParsedValue.validate(attribute("Framed-IPv6-Prefix"), "example.com/64"))
                .isInstanceOf(PolicyException.class);
    }

    @Test
    void comparesNumbersNumericallyAndTextOctetByOctet() throws PolicyException {
        RadiusPacket packet = request("NAS-Port=10", "Called-Station-Id=abc", "NAS-IP-Address=10.0.0.2",
                "NAS-Port-Type=Virtual");
        assertThat(compare(packet, 0, "9")).isPositive();
        assertThat(compare(packet, 0, "10")).isZero();
        assertThat(compare(packet, 0, "100")).isNegative();
        assertThat(compare(packet, 1, "b")).isNegative();
        assertThat(compare(packet, 1, "ab")).isPositive();
        assertThat(compare(packet, 1, "abc")).isZero();
        assertThat(compare(packet, 2, "10.0.0.1")).isPositive();
        assertThat(compare(packet, 2, "9.255.255.255")).isPositive();
        assertThat(compare(packet, 3, "Virtual")).isZero();
    }

    @Test
    void readsDatesAndOctets() throws PolicyException {
        assertThat(ParsedValue.number(attribute("Expiration"), "Jan 01 1970 00:01:00", UTC)).isEqualTo(60);
        assertThat(ParsedValue.parse(attribute("Class"), "0x4142", UTC).octets()).containsExactly(0x41, 0x42);
        assertThat(ParsedValue.parse(attribute("Class"), "AB", UTC).octets()).containsExactly(0x41, 0x42);
        assertThatThrownBy(() -> ParsedValue.number(attribute("Class"), "AB", UTC))
                .hasMessageContaining("not numbers");
    }

    /**
     * FreeRADIUS 3.2 reads a date without a zone with mktime, in the server's local time: with TZ=Europe/Moscow,
     * the check item {@code Event-Timestamp == "Jan 01 2030"} matched 1893445200 (Moscow midnight), not 1893456000.
     */
    @Test
    void readsADateWithoutAZoneInTheServersZone() throws PolicyException {
        ZoneId moscow = ZoneId.of("Europe/Moscow");
        assertThat(ParsedValue.number(attribute("Expiration"), "Jan 01 2030", moscow)).isEqualTo(JAN_1_2030 - 10_800);
        assertThat(ParsedValue.number(attribute("Expiration"), "Jan 01 2030", UTC)).isEqualTo(JAN_1_2030);
    }

    /**
     * FreeRADIUS 3.2 holds an IPv6 prefix as all 18 octets (it answers {@code 2001:db8:1::/48} with 18), and pads
     * a shorter one from a request with zeros: {@code Framed-IPv6-Prefix == "2001:db8::/64"} matched a request
     * carrying it in 18 octets and in 10 alike, and not one with host bits set.
     */
    @Test
    void comparesIpv6PrefixesAsFreeRadiusHoldsThem() throws PolicyException {
        ParsedValue prefix = ParsedValue.parse(attribute("Framed-IPv6-Prefix"), "2001:db8::1/64", UTC);
        assertThat(HexFormat.of().formatHex(prefix.octets())).isEqualTo("004020010db8000000000000000000000000");
        RadiusPacket packet = RadiusPacket.builder(DICTIONARY, PacketCode.ACCESS_REQUEST, 1)
                .add(attribute("Framed-IPv6-Prefix"), HexFormat.of().parseHex("004020010db8000000000000000000000000"))
                .add(attribute("Framed-IPv6-Prefix"), HexFormat.of().parseHex("004020010db800000000"))
                .add(attribute("Framed-IPv6-Prefix"), HexFormat.of().parseHex("004020010db8000000000000000000000001"))
                .build();
        assertThat(prefix.isSatisfiedBy(Operator.EQUAL, packet, 0)).isTrue();
        assertThat(prefix.isSatisfiedBy(Operator.EQUAL, packet, 1)).isTrue();
        assertThat(prefix.isSatisfiedBy(Operator.EQUAL, packet, 2)).isFalse();
    }
}
