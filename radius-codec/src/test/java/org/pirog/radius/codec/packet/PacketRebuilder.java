package org.pirog.radius.codec.packet;

/** Rebuilds a packet from its attribute values alone, to show that the values keep everything. */
final class PacketRebuilder {
    private PacketRebuilder() {
    }

    static RadiusPacket rebuild(RadiusPacket packet) {
        RadiusPacketBuilder builder = RadiusPacket.builder(packet.dictionary(), packet.code(), packet.identifier())
                .authenticator(packet.authenticator());
        for (RadiusAttribute attribute : packet.attributes()) {
            builder.add(attribute);
        }
        return builder.build();
    }
}
