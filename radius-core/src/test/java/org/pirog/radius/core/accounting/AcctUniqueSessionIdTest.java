package org.pirog.radius.core.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.packet.PacketCode;
import org.pirog.radius.codec.packet.RadiusPacket;

class AcctUniqueSessionIdTest {
    private static final String EXPECTED = "374ae58ede811700a92c5ce9e61c81e3";

    @Test
    void matchesFreeRadiusDefaultPolicyFromParts() {
        assertThat(AcctUniqueSessionId.of("alice", "81a0b3c4", "192.0.2.1", "", "", "7")).isEqualTo(EXPECTED);
    }

    @Test
    void matchesFreeRadiusDefaultPolicyFromPacket() throws Exception {
        RadiusPacket request = RadiusPacket.builder(Dictionary.pirog(), PacketCode.ACCOUNTING_REQUEST, 1)
                .addNumber("Acct-Status-Type", 1)
                .addString("User-Name", "alice")
                .addString("Acct-Session-Id", "81a0b3c4")
                .addAddress("NAS-IP-Address", InetAddress.getByName("192.0.2.1"))
                .addNumber("NAS-Port", 7)
                .build();
        assertThat(AcctUniqueSessionId.of(request)).isEqualTo(EXPECTED);
    }

    @Test
    void differsWhenAnyPartDiffers() {
        assertThat(AcctUniqueSessionId.of("alice", "81a0b3c4", "192.0.2.1", "", "", "8")).isNotEqualTo(EXPECTED);
    }

    @Test
    void takesTheSourceAddressWhenTheRequestHasNoNasIpAddress() throws Exception {
        RadiusPacket request = RadiusPacket.builder(Dictionary.pirog(), PacketCode.ACCOUNTING_REQUEST, 1)
                .addString("User-Name", "alice")
                .addString("Acct-Session-Id", "81a0b3c4")
                .addNumber("NAS-Port", 7)
                .build();
        assertThat(AcctUniqueSessionId.of(request, InetAddress.getByName("192.0.2.1"))).isEqualTo(EXPECTED);
    }
}
