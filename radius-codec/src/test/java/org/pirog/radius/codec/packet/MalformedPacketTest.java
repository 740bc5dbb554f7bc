package org.pirog.radius.codec.packet;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pirog.radius.codec.dictionary.Dictionary;

/** Each structural fault is reported with the field and offset where decoding stopped. */
class MalformedPacketTest {
    private static final RadiusPacketDecoder DECODER = new RadiusPacketDecoder(Dictionary.pirog(), 3);

    private static byte[] packet(String attributes, int lengthField) {
        byte[] body = Hex.bytes(attributes);
        byte[] packet = new byte[20 + body.length];
        packet[0] = 1;
        packet[2] = (byte) (lengthField >>> 8);
        packet[3] = (byte) lengthField;
        System.arraycopy(body, 0, packet, 20, body.length);
        return packet;
    }

    @Test
    void shortHeader() {
        assertThatThrownBy(() -> DECODER.decode(new byte[19]))
                .isInstanceOf(MalformedPacketException.class).hasMessageContaining("header at offset 0");
    }

    @Test
    void lengthFieldOutOfRangeOrBeyondTheDatagram() {
        assertThatThrownBy(() -> DECODER.decode(packet("", 19)))
                .hasMessageContaining("Length at offset 2").hasMessageContaining("outside 20..4096");
        assertThatThrownBy(() -> DECODER.decode(packet("", 4097)))
                .hasMessageContaining("outside 20..4096");
        assertThatThrownBy(() -> DECODER.decode(packet("01 03 41", 24)))
                .hasMessageContaining("exceeds the 23 octets received");
    }

    @Test
    void attributeLengthsZeroOneAndOverrun() {
        assertThatThrownBy(() -> DECODER.decode(packet("01 00", 22)))
                .hasMessageContaining("attribute length at offset 21").hasMessageContaining("Length 0");
        assertThatThrownBy(() -> DECODER.decode(packet("01 01", 22)))
                .hasMessageContaining("attribute length at offset 21").hasMessageContaining("Length 1");
        assertThatThrownBy(() -> DECODER.decode(packet("01 05 41 42", 24)))
                .hasMessageContaining("overruns the packet end at 24");
    }

    @Test
    void trailingOctet() {
        assertThatThrownBy(() -> DECODER.decode(packet("01 03 41 07", 24)))
                .hasMessageContaining("attribute header at offset 23").hasMessageContaining("trailing");
    }

    @Test
    void tooManyAttributes() {
        assertThatThrownBy(() -> DECODER.decode(packet("01 03 41 01 03 41 01 03 41 01 03 41", 32)))
                .hasMessageContaining("more than 3 attributes");
    }
}
