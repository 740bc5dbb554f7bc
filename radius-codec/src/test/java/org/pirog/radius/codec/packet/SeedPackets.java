package org.pirog.radius.codec.packet;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.DataType;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.dictionary.Vendor;

/** Well-formed packets covering every wire shape, as seeds for mutation. */
final class SeedPackets {
    private static final SharedSecret SECRET = SharedSecret.of("testing123");

    private SeedPackets() {
    }

    static List<byte[]> of(Dictionary dictionary) {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(Rfc2865ExamplesTest.TELNET_REQUEST);
        seeds.add(Rfc2865ExamplesTest.TELNET_ACCEPT);
        seeds.add(Rfc2865ExamplesTest.CHAP_REQUEST);
        seeds.add(Rfc2865ExamplesTest.CHAP_ACCEPT);
        seeds.add(Rfc2865ExamplesTest.CHALLENGE);
        seeds.add(RadiusPacketEncoder.encode(PppdPackets.msChapV2Request(dictionary), SECRET));
        seeds.add(RadiusPacketEncoder.encode(tunnelAndEap(dictionary), SECRET));
        seeds.add(RadiusPacketEncoder.encode(extended(dictionary), SECRET));
        seeds.add(packedVendorSpecific());
        for (Vendor vendor : dictionary.vendors()) {
            if (vendor.typeLength() != 1 || vendor.lengthLength() != 1 || vendor.hasContinuation()) {
                seeds.add(RadiusPacketEncoder.encode(vendorFormat(dictionary, vendor), SECRET));
            }
        }
        return seeds;
    }

    private static RadiusPacket tunnelAndEap(Dictionary dictionary) {
        RadiusPacketBuilder builder = RadiusPacket.builder(dictionary, PacketCode.ACCESS_REQUEST, 7);
        builder.addMessageAuthenticator();
        builder.addNumber(dictionary.attribute("Tunnel-Type"), 1, 3);
        builder.addHidden(dictionary.attribute("Tunnel-Password"), 1, "tunnel".getBytes(StandardCharsets.UTF_8),
                SECRET);
        builder.add(dictionary.attribute("Tunnel-Private-Group-Id"), 2, "vlan10".getBytes(StandardCharsets.UTF_8));
        builder.add(dictionary.attribute("EAP-Message"), new byte[600]);
        return builder.build();
    }

    private static RadiusPacket extended(Dictionary dictionary) {
        RadiusPacketBuilder builder = RadiusPacket.builder(dictionary, PacketCode.ACCOUNTING_REQUEST, 9);
        AttributeDefinition shortParent = dictionary.attribute(0, 241);
        AttributeDefinition longParent = dictionary.attribute(0, 245);
        builder.add(dictionary.unknown(shortParent, 0, 99), new byte[] {1, 2, 3});
        builder.add(dictionary.unknown(longParent, 0, 98), new byte[700]);
        builder.add(dictionary.unknown(longParent, 0, 97), new byte[] {4});
        AttributeDefinition evs = longParent.child(26);
        builder.add(dictionary.unknown(evs, 11344, 5), new byte[400]);
        return builder.build();
    }

    /** RFC 2865 §5.26 allows several vendor attributes in one Vendor-Specific: Microsoft 311, two of them. */
    private static byte[] packedVendorSpecific() {
        return Hex.bytes("""
                04 05 00 23 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
                1a 0f 00 00 01 37 07 06 00 00 00 01 08 03 02""");
    }

    private static RadiusPacket vendorFormat(Dictionary dictionary, Vendor vendor) {
        RadiusPacketBuilder builder = RadiusPacket.builder(dictionary, PacketCode.ACCESS_ACCEPT, 1);
        int added = 0;
        for (AttributeDefinition definition : dictionary.attributes()) {
            if (definition.vendor() == vendor && definition.parent() == null && added < 3
                    && definition.type() == DataType.STRING && !definition.hasTag()
                    && definition.encryption() == org.pirog.radius.codec.dictionary.Encryption.NONE) {
                builder.addString(definition, "value-" + added);
                added++;
            }
        }
        builder.add(dictionary.unknown(null, vendor.id(), 200), new byte[] {5, 6});
        if (vendor.hasContinuation()) {
            // WiMAX: a value over 246 octets goes out as a chain of continued Vendor-Specific attributes.
            builder.add(dictionary.unknown(null, vendor.id(), 201), new byte[600]);
        }
        return builder.build();
    }
}
