package org.pirog.radius.codec.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.dictionary.DictionaryException;

/**
 * WiMAX values continued over several Vendor-Specific attributes ({@code format=1,1,c}): the builder splits them,
 * the decoder joins exactly that shape, and every other shape stays raw and re-encodes to the same octets.
 */
class WimaxContinuationTest {
    /** Enough of FreeRADIUS's WiMAX vendor to test with, without FreeRADIUS installed. */
    static final String WIMAX_DICTIONARY = """
            VENDOR WiMAX 24757 format=1,1,c
            BEGIN-VENDOR WiMAX
            ATTRIBUTE WiMAX-Capability 1 tlv
            ATTRIBUTE WiMAX-Release 1.1 string
            ATTRIBUTE WiMAX-Accounting-Capabilities 1.2 byte
            ATTRIBUTE WiMAX-MSK 5 octets encrypt=2
            ATTRIBUTE WiMAX-AAA-Session-Id 4 octets
            ATTRIBUTE WiMAX-Hotline-Indicator 24 string
            ATTRIBUTE WiMAX-Session-Continue 21 integer
            END-VENDOR WiMAX
            """;
    private static final Dictionary DICTIONARY = dictionary();
    private static final RadiusPacketDecoder DECODER = new RadiusPacketDecoder(DICTIONARY);

    static Dictionary dictionary() {
        try {
            return Dictionary.builder().addResource(Dictionary.PIROG_DICTIONARY)
                    .add("dictionary.wimax", WIMAX_DICTIONARY).build();
        } catch (DictionaryException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void splitsALongValueIntoFullContinuedFragmentsAndJoinsItBack() throws Exception {
        AttributeDefinition hotline = DICTIONARY.attribute("WiMAX-Hotline-Indicator");
        byte[] value = counting(600);
        RadiusPacket built = packet(b -> b.add(hotline, value).addString("User-Name", "bob"));
        byte[] wire = built.toByteArray();

        // 246 + 246 + 108 value octets: two full Vendor-Specific attributes flagged 0x80, then the rest.
        assertFragment(wire, 20, 255, 0x80);
        assertFragment(wire, 275, 255, 0x80);
        assertFragment(wire, 530, 9 + 108, 0);
        assertThat(wire[530 + 117]).isEqualTo((byte) 1); // User-Name follows

        RadiusPacket decoded = DECODER.decode(wire);
        assertThat(decoded.attributeCount()).isEqualTo(2);
        assertThat(decoded.definition(0)).isSameAs(hotline);
        assertThat(decoded.copyValue(0)).isEqualTo(value);
        assertThat(decoded.stringValue(1)).isEqualTo("bob");
        assertThat(built.copyValue(0)).isEqualTo(value);
        assertThat(PacketRebuilder.rebuild(decoded).toByteArray()).isEqualTo(wire);
    }

    @Test
    void splitsOnlyAbove246Octets() throws Exception {
        AttributeDefinition sessionId = DICTIONARY.attribute("WiMAX-AAA-Session-Id");
        byte[] one = packet(b -> b.add(sessionId, counting(246))).toByteArray();
        assertThat(one).hasSize(20 + 255);
        assertFragment(one, 20, 255, 0);

        byte[] two = packet(b -> b.add(sessionId, counting(247))).toByteArray();
        assertFragment(two, 20, 255, 0x80);
        assertFragment(two, 275, 10, 0);

        byte[] full = packet(b -> b.add(sessionId, counting(492))).toByteArray();
        assertThat(full).hasSize(20 + 2 * 255);
        assertFragment(full, 275, 255, 0);
        for (byte[] wire : new byte[][] {one, two, full}) {
            RadiusPacket decoded = DECODER.decode(wire);
            assertThat(decoded.attributeCount()).isEqualTo(1);
            assertThat(decoded.definition(0)).isSameAs(sessionId);
            assertThat(PacketRebuilder.rebuild(decoded).toByteArray()).isEqualTo(wire);
        }
    }

    @Test
    void anAttributeTheDictionaryLacksIsJoinedUnderItsNumber() throws Exception {
        AttributeDefinition unknown = DICTIONARY.unknown(null, 24757, 200);
        byte[] wire = packet(b -> b.add(unknown, counting(300))).toByteArray();
        RadiusPacket decoded = DECODER.decode(wire);
        assertThat(decoded.attributeCount()).isEqualTo(1);
        assertThat(decoded.definition(0).name()).isEqualTo("Attr-26.24757.200");
        assertThat(decoded.copyValue(0)).isEqualTo(counting(300));
        assertThat(PacketRebuilder.rebuild(decoded).toByteArray()).isEqualTo(wire);
    }

    @Test
    void aJoinedValueThatDoesNotFitItsTypeIsKeptUnderAnUnknownDefinition() throws Exception {
        AttributeDefinition integer = DICTIONARY.attribute("WiMAX-Session-Continue");
        AttributeDefinition capability = DICTIONARY.attribute("WiMAX-Capability");
        byte[] tlvs = new byte[300];
        for (int i = 0; i < tlvs.length; i += 10) {
            tlvs[i] = 1;
            tlvs[i + 1] = 10; // WiMAX-Release, eight octets
        }
        byte[] wire = packet(b -> b.add(integer, counting(300)).add(capability, tlvs)
                .add(capability, counting(300))).toByteArray();

        RadiusPacket decoded = DECODER.decode(wire);
        assertThat(decoded.attributeCount()).isEqualTo(3);
        assertThat(decoded.definition(0).isUnknown()).isTrue();
        assertThat(decoded.definition(0).name()).isEqualTo("Attr-26.24757.21");
        assertThat(decoded.definition(1)).isSameAs(capability);
        assertThat(decoded.definition(2).isUnknown()).isTrue(); // 0x00 0x01 ... is no TLV sequence
        assertThat(PacketRebuilder.rebuild(decoded).toByteArray()).isEqualTo(wire);
    }

    @Test
    void aTaggedValueTooLongForOneAttributeIsRefused() {
        AttributeDefinition sessionId = DICTIONARY.attribute("WiMAX-AAA-Session-Id");
        assertThatThrownBy(() -> packet(b -> b.add(sessionId, 1, counting(300))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Valid chain of three fragments (246, 246, 108 octets) at offset 20, 275 and 530, then User-Name. */
    private static byte[] chain() {
        return packet(b -> b.add(DICTIONARY.attribute("WiMAX-Hotline-Indicator"), counting(600))
                .addString("User-Name", "bob")).toByteArray();
    }

    @Test
    void malformedChainsStayRawAndReencodeIdentically() throws Exception {
        assertRaw("continuation with no follower", fixLength(Arrays.copyOf(chain(), 20 + 255)));
        assertRaw("follower of another type", edit(chain(), w -> w[275 + 6] = 25));
        assertRaw("follower of another vendor", edit(chain(), w -> w[275 + 5] = 1));
        assertRaw("last fragment of another type", edit(chain(), w -> w[530 + 6] = 25));
        assertRaw("follower is no Vendor-Specific attribute", edit(chain(), w -> w[275] = 18));
        assertRaw("reserved continuation bits", edit(chain(), w -> w[20 + 8] = (byte) 0x81));
        assertRaw("reserved bits on the last fragment", edit(chain(), w -> w[530 + 8] = 0x01));
        assertRaw("continued fragment that is not full", shortenFragment(chain(), 275));
        assertRaw("empty last fragment", emptyLast());
        assertRaw("a second sub-attribute in a fragment", secondSubAttribute());
    }

    private static void assertRaw(String shape, byte[] wire) throws MalformedPacketException {
        RadiusPacket decoded = DECODER.decode(wire);
        assertThat(decoded.definition(0).isUnknown()).as(shape).isTrue();
        assertThat(decoded.definition(0).number()).as(shape).isEqualTo(26);
        assertThat(decoded.valueLength(0)).as(shape).isEqualTo(253);
        assertThat(PacketRebuilder.rebuild(decoded).toByteArray()).as(shape).isEqualTo(wire);
    }

    /** Moves the last octet of the fragment at {@code at} out into a one-octet continuation of its own. */
    private static byte[] shortenFragment(byte[] wire, int at) {
        byte[] shorter = Arrays.copyOf(wire, wire.length);
        shorter[at + 1] = (byte) 254;
        shorter[at + 7] = (byte) 248;
        byte[] withExtra = new byte[wire.length + 9];
        System.arraycopy(shorter, 0, withExtra, 0, at + 254);
        byte[] extra = {26, 10, 0, 0, 0x60, (byte) 0xB5, 24, 4, (byte) 0x80, shorter[at + 254]};
        System.arraycopy(extra, 0, withExtra, at + 254, extra.length);
        System.arraycopy(wire, at + 255, withExtra, at + 254 + extra.length, wire.length - at - 255);
        return fixLength(withExtra);
    }

    /** 492 octets sent as two full fragments flagged 0x80 and an empty third. */
    private static byte[] emptyLast() {
        byte[] wire = packet(b -> b.add(DICTIONARY.attribute("WiMAX-Hotline-Indicator"), counting(492)))
                .toByteArray();
        byte[] longer = Arrays.copyOf(wire, wire.length + 9);
        longer[275 + 8] = (byte) 0x80;
        System.arraycopy(new byte[] {26, 9, 0, 0, 0x60, (byte) 0xB5, 24, 3, 0}, 0, longer, wire.length, 9);
        return fixLength(longer);
    }

    /** The last fragment's Vendor-Specific attribute also carries WiMAX-Release. */
    private static byte[] secondSubAttribute() {
        byte[] wire = Arrays.copyOf(chain(), 530 + 117);
        byte[] longer = Arrays.copyOf(wire, wire.length + 5);
        longer[531] = (byte) (117 + 5);
        System.arraycopy(new byte[] {1, 5, 0, 'x', 'y'}, 0, longer, wire.length, 5);
        return fixLength(longer);
    }

    private static byte[] edit(byte[] wire, Consumer<byte[]> change) {
        change.accept(wire);
        return wire;
    }

    private static byte[] fixLength(byte[] wire) {
        wire[2] = (byte) (wire.length >>> 8);
        wire[3] = (byte) wire.length;
        return wire;
    }

    private static void assertFragment(byte[] wire, int at, int length, int continuation) {
        assertThat(wire[at]).isEqualTo((byte) 26);
        assertThat(wire[at + 1] & 0xFF).isEqualTo(length);
        assertThat(Arrays.copyOfRange(wire, at + 2, at + 6)).containsExactly(0, 0, 0x60, 0xB5);
        assertThat(wire[at + 7] & 0xFF).isEqualTo(length - 6);
        assertThat(wire[at + 8] & 0xFF).isEqualTo(continuation);
    }

    private static RadiusPacket packet(Consumer<RadiusPacketBuilder> attributes) {
        RadiusPacketBuilder builder = RadiusPacket.builder(DICTIONARY, PacketCode.ACCESS_ACCEPT, 1);
        attributes.accept(builder);
        return builder.build();
    }

    private static byte[] counting(int length) {
        byte[] value = new byte[length];
        for (int i = 0; i < length; i++) {
            value[i] = (byte) (0x41 + i % 26);
        }
        return value;
    }
}
