package org.pirog.radius.codec.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.DataType;
import org.pirog.radius.codec.dictionary.Dictionary;

/**
 * Every attribute a dictionary defines, with a value of its type, goes into a packet and comes back out with the
 * same definition, tag and value: FreeRADIUS's whole tree (when installed) and Pirog's own.
 */
class DictionaryRoundTripTest {
    private static final Path FREERADIUS = Path.of("/usr/share/freeradius/dictionary");
    private static final SharedSecret SECRET = SharedSecret.of("testing123");

    @Test
    void everyAttributeOfTheFreeRadiusTreeRoundTrips() throws Exception {
        assumeTrue(Files.exists(FREERADIUS), "FreeRADIUS dictionaries are not installed");
        Dictionary dictionary = Dictionary.load(FREERADIUS);
        // 7,468 attributes: the rest are internal numbers, TLV members, containers and names shadowed by aliases.
        assertThat(roundTripAll(dictionary)).isGreaterThan(6_500);
        assertThat(typesRoundTripped).containsAll(typesIn(dictionary));
    }

    @Test
    void everyAttributeOfPirogsDictionaryRoundTrips() throws Exception {
        Dictionary dictionary = Dictionary.pirog();
        assertThat(roundTripAll(dictionary)).isGreaterThan(500);
        assertThat(typesRoundTripped).containsAll(typesIn(dictionary));
    }

    @Test
    void longWimaxValuesRoundTripThroughContinuedAttributes() throws Exception {
        // Pirog's dictionary with WiMAX's: each WiMAX string, octets and TLV attribute is split and joined back.
        Dictionary dictionary = WimaxContinuationTest.dictionary();
        assertThat(roundTripAll(dictionary)).isGreaterThan(500);
        assertThat(typesRoundTripped).contains(DataType.STRING, DataType.OCTETS, DataType.TLV);
    }

    private final Set<DataType> typesRoundTripped = EnumSet.noneOf(DataType.class);

    /** Every data type the dictionary uses for a value (containers are structure, not values). */
    private static Set<DataType> typesIn(Dictionary dictionary) {
        Set<DataType> types = EnumSet.noneOf(DataType.class);
        for (AttributeDefinition definition : dictionary.attributes()) {
            types.add(definition.type());
        }
        types.removeAll(EnumSet.of(DataType.VSA, DataType.EXTENDED, DataType.LONG_EXTENDED, DataType.EVS));
        return types;
    }

    private int roundTripAll(Dictionary dictionary) throws MalformedPacketException {
        RadiusPacketDecoder decoder = new RadiusPacketDecoder(dictionary, 4096);
        int checked = 0;
        for (AttributeDefinition definition : dictionary.attributes()) {
            if (!isOnTheWire(definition) || isShadowed(dictionary, definition)) {
                continue;
            }
            int tag = definition.hasTag() ? 1 : RadiusAttribute.NO_TAG;
            byte[] value = sampleValue(definition);
            RadiusAttribute attribute = RadiusAttribute.of(definition, tag, value);
            RadiusPacket built = RadiusPacket.builder(dictionary, PacketCode.ACCOUNTING_REQUEST, 1)
                    .add(attribute)
                    .build();
            RadiusPacket decoded = decoder.decode(RadiusPacketEncoder.encode(built, SECRET));

            List<RadiusAttribute> attributes = decoded.attributes();
            assertThat(attributes).as(definition.oid() + " " + definition.name()).isNotEmpty();
            RadiusAttribute first = attributes.get(0);
            assertThat(first.definition()).as(definition.name()).isSameAs(definition);
            assertThat(first.tag()).as(definition.name()).isEqualTo(tag);
            assertThat(joined(attributes)).as(definition.name()).isEqualTo(value);
            typesRoundTripped.add(definition.type());
            checked++;
        }
        return checked;
    }

    /** Attributes that are not sent by themselves: internal numbers, containers, members of a TLV. */
    private static boolean isOnTheWire(AttributeDefinition definition) {
        AttributeDefinition parent = definition.parent();
        boolean inTlv = parent != null && parent.type() == DataType.TLV;
        boolean container = switch (definition.type()) {
            case VSA, EXTENDED, LONG_EXTENDED, EVS -> true;
            default -> false;
        };
        boolean internal = parent == null && definition.vendorId() == 0 && definition.number() > 255;
        return !definition.isVirtual() && !inTlv && !container && !internal;
    }

    /**
     * Where two names share a number the one defined last is what the number means (FreeRADIUS does the same),
     * so the older name cannot come back from the wire.
     */
    private static boolean isShadowed(Dictionary dictionary, AttributeDefinition definition) {
        AttributeDefinition parent = definition.parent();
        AttributeDefinition current;
        if (parent == null) {
            current = dictionary.attribute(definition.vendorId(), definition.number());
        } else if (parent.type() == DataType.EVS) {
            current = parent.evsAttribute(definition.vendorId(), definition.number());
        } else {
            current = parent.child(definition.number());
        }
        return current != definition;
    }

    private static byte[] joined(List<RadiusAttribute> attributes) {
        byte[] all = new byte[0];
        for (RadiusAttribute attribute : attributes) {
            byte[] value = attribute.value();
            int start = all.length;
            all = Arrays.copyOf(all, start + value.length);
            System.arraycopy(value, 0, all, start, value.length);
        }
        return all;
    }

    /** A value valid for the definition's type, long enough to be split where the type allows. */
    static byte[] sampleValue(AttributeDefinition definition) {
        if (definition.fixedLength() >= 0) {
            return filled(definition.fixedLength());
        }
        if (definition.hasTag() && definition.type() == DataType.INTEGER) {
            return new byte[] {0, 0, 7};
        }
        AttributeDefinition parent = definition.parent();
        boolean longExtended = parent != null && (parent.type() == DataType.LONG_EXTENDED
                || parent.parent() != null && parent.parent().type() == DataType.LONG_EXTENDED);
        // WiMAX (format=1,1,c) continues a value over several Vendor-Specific attributes.
        boolean continued = parent == null && definition.vendor() != null && definition.vendor().hasContinuation();
        return switch (definition.type()) {
            case STRING, OCTETS, ABINARY -> definition.concat() || longExtended || continued
                    ? filled(600) : filled(10);
            case IPADDR, INTEGER, DATE, SIGNED -> new byte[] {10, 0, 0, 1};
            case INTEGER64, IFID -> filled(8);
            case BYTE -> new byte[] {9};
            case SHORT -> new byte[] {1, 2};
            case IPV6ADDR -> filled(16);
            case ETHER -> filled(6);
            case COMBO_IP -> new byte[] {(byte) 192, 0, 2, 1};
            case IPV4PREFIX -> new byte[] {0, 24, 10, 1, 2, 0};
            case IPV6PREFIX -> new byte[] {0, 64, 0x20, 0x01, 0x0d, (byte) 0xb8, 0, 1, 0, 2};
            case TLV -> continued ? repeated(new byte[] {1, 6, 0, 0, 0, 1}, 100) : new byte[] {1, 6, 0, 0, 0, 1};
            case VSA, EXTENDED, LONG_EXTENDED, EVS -> throw new IllegalArgumentException(definition.name());
        };
    }

    private static byte[] repeated(byte[] unit, int times) {
        byte[] value = new byte[unit.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(unit, 0, value, i * unit.length, unit.length);
        }
        return value;
    }

    private static byte[] filled(int length) {
        byte[] value = new byte[length];
        for (int i = 0; i < length; i++) {
            value[i] = (byte) (0x41 + i % 26); // printable, above the 0x1F tag range
        }
        return value;
    }

    static List<AttributeDefinition> wireAttributes(Dictionary dictionary) {
        List<AttributeDefinition> list = new ArrayList<>();
        for (AttributeDefinition definition : dictionary.attributes()) {
            if (isOnTheWire(definition)) {
                list.add(definition);
            }
        }
        return list;
    }
}
