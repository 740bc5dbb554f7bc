package org.pirog.radius.codec.packet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacketCodeTest {
    @Test
    void everyOctetHasACodeAndOnlyTheRfcOnesAreKnown() {
        for (int code = 0; code < 256; code++) {
            assertThat(PacketCode.valueOf(code).value()).isEqualTo(code);
        }
        assertThat(PacketCode.valueOf(43)).isSameAs(PacketCode.COA_REQUEST);
        assertThat(PacketCode.STATUS_CLIENT.isKnown()).isTrue();
        assertThat(PacketCode.valueOf(99).isKnown()).isFalse();
        assertThat(PacketCode.valueOf(99).name()).isEqualTo("Code-99");
    }
}
