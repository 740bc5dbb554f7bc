package org.pirog.radius.core.policy;

import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.packet.RadiusPacket;

/**
 * An attribute's value as FreeRADIUS expands {@code %{Attribute}}: unquoted text, numbers by their VALUE name,
 * addresses dotted. Used for expansions and for keys derived from request attributes.
 */
public final class AttributeText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private AttributeText() {
    }

    /** Appends the value of the packet's attribute {@code i} to {@code out}. */
    public static void append(RadiusPacket packet, int i, StringBuilder out) {
        AttributeDefinition definition = packet.definition(i);
        int length = packet.valueLength(i);
        switch (definition.type()) {
            case STRING -> out.append(packet.stringValue(i));
            case IPADDR -> appendIpv4(packet, i, out, length);
            case INTEGER, BYTE, SHORT, INTEGER64, DATE -> appendNumber(packet, i, out, definition, length);
            case SIGNED -> {
                if (length == 4) {
                    out.append(packet.intValue(i));
                } else {
                    appendHex(packet, i, out);
                }
            }
            default -> appendHex(packet, i, out);
        }
    }

    /** The value of the packet's attribute {@code i} as text. */
    public static String of(RadiusPacket packet, int i) {
        StringBuilder out = new StringBuilder(32);
        append(packet, i, out);
        return out.toString();
    }

    private static void appendIpv4(RadiusPacket packet, int i, StringBuilder out, int length) {
        if (length != 4) {
            appendHex(packet, i, out);
            return;
        }
        long address = packet.longValue(i);
        out.append((address >>> 24) & 0xff).append('.').append((address >>> 16) & 0xff).append('.')
                .append((address >>> 8) & 0xff).append('.').append(address & 0xff);
    }

    private static void appendNumber(RadiusPacket packet, int i, StringBuilder out, AttributeDefinition definition,
            int length) {
        if (!definition.type().isValidLength(length)) {
            appendHex(packet, i, out);
            return;
        }
        long value = packet.longValue(i);
        String name = definition.valueName(value);
        if (name != null) {
            out.append(name);
        } else {
            out.append(value);
        }
    }

    private static void appendHex(RadiusPacket packet, int i, StringBuilder out) {
        byte[] value = packet.copyValue(i);
        out.append("0x");
        for (byte b : value) {
            out.append(HEX[(b >>> 4) & 0xf]).append(HEX[b & 0xf]);
        }
    }
}
