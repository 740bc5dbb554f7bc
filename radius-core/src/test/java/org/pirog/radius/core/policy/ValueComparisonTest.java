package org.pirog.radius.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pirog.radius.core.policy.Requests.UTC;
import static org.pirog.radius.core.policy.Requests.attribute;
import static org.pirog.radius.core.policy.Requests.request;

import org.junit.jupiter.api.Test;
import org.pirog.radius.codec.packet.RadiusPacket;

class ValueComparisonTest {

    @Test
    void readsIntegersInDecimalHexAndByValueName() throws PolicyException {
        assertThat(ValueComparison.number(attribute("Session-Timeout"), "3600", UTC)).isEqualTo(3600);
        assertThat(ValueComparison.number(attribute("Session-Timeout"), " 12", UTC)).isEqualTo(12);
        assertThat(ValueComparison.number(attribute("Session-Timeout"), "0x10", UTC)).isEqualTo(16);
        assertThat(ValueComparison.number(attribute("Service-Type"), "Framed-User", UTC)).isEqualTo(2);
        assertThat(ValueComparison.number(attribute("Service-Type"), "framed-user", UTC)).isEqualTo(2);
        assertThat(ValueComparison.number(attribute("Fall-Through"), "Yes", UTC)).isEqualTo(1);
    }

    @Test
    void refusesIntegersOutOfRangeAndUnknownNames() {
        assertThatThrownBy(() -> ValueComparison.validate(attribute("Session-Timeout"), "4294967296"))
                .hasMessageContaining("out of range for Session-Timeout");
        assertThatThrownBy(() -> ValueComparison.validate(attribute("Session-Timeout"), "-1"))
                .hasMessageContaining("is not a value of Session-Timeout");
        assertThatThrownBy(() -> ValueComparison.validate(attribute("Session-Timeout"), "abc"))
                .hasMessage("\"abc\" is not a value of Session-Timeout: expected a number");
        assertThatThrownBy(() -> ValueComparison.validate(attribute("NAS-Port-Type"), "12abc"))
                .hasMessageContaining("expected a number or one of its VALUE names");
        // RFC 2868 §3.1: a tagged integer has 24 bits.
        assertThatThrownBy(() -> ValueComparison.validate(attribute("Tunnel-Type"), "16777216"))
                .hasMessageContaining("out of range");
    }

    @Test
    void readsAddressesWithoutResolvingNames() throws PolicyException {
        assertThat(ValueComparison.number(attribute("Framed-IP-Address"), "10.0.0.1", UTC)).isEqualTo(0x0A000001L);
        assertThat(ValueComparison.number(attribute("Framed-IP-Address"), "10.0.0.1/32", UTC)).isEqualTo(0x0A000001L);
        for (String bad : new String[] {"localhost", "1.2.3", "1.2.3.256", "1.2.3.4/24"}) {
            assertThatThrownBy(() -> ValueComparison.validate(attribute("Framed-IP-Address"), bad)).as(bad)
                    .isInstanceOf(PolicyException.class);
        }
        ValueComparison.validate(attribute("Framed-IPv6-Prefix"), "2001:db8::/64");
        ValueComparison.validate(attribute("Framed-Interface-Id"), "0011:2233:4455:6677");
        assertThatThrownBy(() -> ValueComparison.validate(attribute("Framed-IPv6-Prefix"), "example.com/64"))
                .isInstanceOf(PolicyException.class);
    }

    @Test
    void comparesNumbersNumericallyAndTextOctetByOctet() throws PolicyException {
        RadiusPacket packet = request("NAS-Port=10", "Called-Station-Id=abc", "NAS-IP-Address=10.0.0.2",
                "NAS-Port-Type=Virtual");
        assertThat(ValueComparison.compare(packet, 0, "9", UTC)).isPositive();
        assertThat(ValueComparison.compare(packet, 0, "10", UTC)).isZero();
        assertThat(ValueComparison.compare(packet, 0, "100", UTC)).isNegative();
        assertThat(ValueComparison.compare(packet, 1, "b", UTC)).isNegative();
        assertThat(ValueComparison.compare(packet, 1, "ab", UTC)).isPositive();
        assertThat(ValueComparison.compare(packet, 1, "abc", UTC)).isZero();
        assertThat(ValueComparison.compare(packet, 2, "10.0.0.1", UTC)).isPositive();
        assertThat(ValueComparison.compare(packet, 2, "9.255.255.255", UTC)).isPositive();
        assertThat(ValueComparison.compare(packet, 3, "Virtual", UTC)).isZero();
    }

    @Test
    void readsDatesAndOctets() throws PolicyException {
        assertThat(ValueComparison.number(attribute("Expiration"), "Jan 01 1970 00:01:00", UTC)).isEqualTo(60);
        assertThat(ValueComparison.parse(attribute("Class"), "0x4142", UTC).octets()).containsExactly(0x41, 0x42);
        assertThat(ValueComparison.parse(attribute("Class"), "AB", UTC).octets()).containsExactly(0x41, 0x42);
        assertThatThrownBy(() -> ValueComparison.number(attribute("Class"), "AB", UTC))
                .hasMessageContaining("not numbers");
    }
}
