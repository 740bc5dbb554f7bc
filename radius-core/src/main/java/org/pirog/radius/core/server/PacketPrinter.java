package org.pirog.radius.core.server;

import java.net.InetSocketAddress;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.Encryption;
import org.pirog.radius.codec.packet.MalformedPacketException;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.codec.packet.RadiusPacketDecoder;
import org.pirog.radius.codec.value.ValueText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints packets attribute by attribute as {@code radiusd -X} does, to the {@code org.pirog.radius.packets}
 * logger at DEBUG ({@code radiusd -X} turns it on):
 * <pre>
 * (0) Received Access-Request Id 7 from 127.0.0.1:40535 to 127.0.0.1:1812 length 73
 * (0)   User-Name = "bob"
 * </pre>
 * Hidden attributes (User-Password, Tunnel-Password, MPPE keys) are never printed in clear.
 */
final class PacketPrinter {
    private static final Logger log = LoggerFactory.getLogger("org.pirog.radius.packets");

    private final RadiusPacketDecoder decoder;

    PacketPrinter(RadiusPacketDecoder decoder) {
        this.decoder = decoder;
    }

    boolean enabled() {
        return log.isDebugEnabled();
    }

    void received(long number, RadiusPacket packet, InetSocketAddress from, InetSocketAddress to) {
        print(number, "Received", packet, from, to);
    }

    void sent(long number, byte[] datagram, InetSocketAddress from, InetSocketAddress to) {
        try {
            print(number, "Sent", decoder.decode(datagram), from, to);
        } catch (MalformedPacketException e) {
            log.debug("({}) Sent a reply that does not decode: {}", number, e.getMessage());
        }
    }

    private static void print(long number, String verb, RadiusPacket packet, InetSocketAddress from,
            InetSocketAddress to) {
        StringBuilder text = new StringBuilder(256);
        text.append('(').append(number).append(") ").append(verb).append(' ').append(packet.code().name())
                .append(" Id ").append(packet.identifier()).append(" from ").append(address(from)).append(" to ")
                .append(address(to)).append(" length ").append(packet.length());
        for (int i = 0; i < packet.attributeCount(); i++) {
            AttributeDefinition definition = packet.definition(i);
            text.append("\n(").append(number).append(")   ").append(definition.name());
            int tag = packet.tag(i);
            if (tag > 0) {
                text.append(':').append(tag);
            }
            text.append(" = ");
            if (definition.encryption() != Encryption.NONE || definition.secret()) {
                text.append("<hidden>");
            } else {
                byte[] value = packet.copyValue(i);
                ValueText.appendTo(text, definition, value, 0, value.length);
            }
        }
        log.debug("{}", text);
    }

    private static String address(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
