package org.pirog.radius.backend.memory.detail;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.codec.value.ValueText;

/**
 * Attribute values as FreeRADIUS 3.2 writes them into a detail file (checked against its output): text in double
 * quotes with {@code \\ \" \r \n \t} escaped and other control octets as {@code \ooo} octal (valid UTF-8 kept as
 * it is), numbers by VALUE name, dates quoted as {@code "Nov 21 2026 10:00:00 UTC"}, addresses and prefixes in
 * their usual notation (IPv6 compressed), anything else as {@code 0x} hex.
 */
final class DetailValue {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private DetailValue() {
    }

    static void append(RadiusPacket packet, int i, ZoneId zone, StringBuilder out) {
        AttributeDefinition definition = packet.definition(i);
        byte[] value = packet.copyValue(i);
        switch (definition.type()) {
            case STRING -> quoted(value, out);
            case INTEGER, BYTE, SHORT -> {
                if (value.length >= 1 && value.length <= 4) {
                    long number = packet.longValue(i);
                    String name = definition.valueName(number);
                    out.append(name != null ? name : Long.toString(number));
                } else {
                    hex(value, out);
                }
            }
            case INTEGER64 -> number(packet, i, value, 8, out);
            case SIGNED -> {
                if (value.length == 4) {
                    out.append(packet.intValue(i));
                } else {
                    hex(value, out);
                }
            }
            case DATE -> {
                if (value.length == 4) {
                    out.append('"').append(ValueText.formatDate(packet.longValue(i), zone)).append('"');
                } else {
                    hex(value, out);
                }
            }
            case IPADDR -> {
                if (value.length == 4) {
                    ipv4(value, 0, out);
                } else {
                    hex(value, out);
                }
            }
            case COMBO_IP -> {
                if (value.length == 4) {
                    ipv4(value, 0, out);
                } else if (value.length == 16) {
                    ipv6(value, 0, 16, out);
                } else {
                    hex(value, out);
                }
            }
            case IPV6ADDR -> {
                if (value.length == 16) {
                    ipv6(value, 0, 16, out);
                } else {
                    hex(value, out);
                }
            }
            case IPV6PREFIX -> {
                if (value.length >= 2 && value.length <= 18 && (value[1] & 0xFF) <= 128) {
                    ipv6(value, 2, value.length - 2, out);
                    out.append('/').append(value[1] & 0xFF);
                } else {
                    hex(value, out);
                }
            }
            case IPV4PREFIX -> {
                if (value.length == 6 && (value[1] & 0xFF) <= 32) {
                    ipv4(value, 2, out);
                    out.append('/').append(value[1] & 0xFF);
                } else {
                    hex(value, out);
                }
            }
            case ETHER -> groups(value, 1, out);
            case IFID -> groups(value, 2, out);
            default -> hex(value, out);
        }
    }

    /** FreeRADIUS's escaping of text in double quotes. */
    static void quoted(byte[] value, StringBuilder out) {
        out.append('"');
        int i = 0;
        while (i < value.length) {
            int b = value[i] & 0xFF;
            switch (b) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    int length = utf8Length(value, i);
                    if (b >= 0x20 && b < 0x7F) {
                        out.append((char) b);
                    } else if (length > 1) {
                        out.append(new String(value, i, length, StandardCharsets.UTF_8));
                        i += length;
                        continue;
                    } else {
                        out.append('\\').append((char) ('0' + (b >> 6))).append((char) ('0' + ((b >> 3) & 7)))
                                .append((char) ('0' + (b & 7)));
                    }
                }
            }
            i++;
        }
        out.append('"');
    }

    /** The length of a valid multi-octet UTF-8 sequence at {@code i}, else 1. */
    private static int utf8Length(byte[] value, int i) {
        int b = value[i] & 0xFF;
        int length = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 1;
        if (length == 1 || i + length > value.length) {
            return 1;
        }
        for (int k = 1; k < length; k++) {
            if ((value[i + k] & 0xC0) != 0x80) {
                return 1;
            }
        }
        // Overlong three-octet forms, surrogates and code points past U+10FFFF are not valid UTF-8.
        int second = value[i + 1] & 0xFF;
        if ((b == 0xE0 && second < 0xA0) || (b == 0xED && second > 0x9F) || (b == 0xF0 && second < 0x90)
                || (b == 0xF4 && second > 0x8F)) {
            return 1;
        }
        return length;
    }

    private static void number(RadiusPacket packet, int i, byte[] value, int length, StringBuilder out) {
        if (value.length == length) {
            out.append(Long.toUnsignedString(packet.longValue(i)));
        } else {
            hex(value, out);
        }
    }

    private static void ipv4(byte[] value, int offset, StringBuilder out) {
        out.append(value[offset] & 0xFF).append('.').append(value[offset + 1] & 0xFF).append('.')
                .append(value[offset + 2] & 0xFF).append('.').append(value[offset + 3] & 0xFF);
    }

    /** RFC 5952 text: lower-case hex, no leading zeros, the longest run of two or more zero groups as ::. */
    static void ipv6(byte[] value, int offset, int length, StringBuilder out) {
        int[] groups = new int[8];
        for (int g = 0; g < 8; g++) {
            int hi = 2 * g < length ? value[offset + 2 * g] & 0xFF : 0;
            int lo = 2 * g + 1 < length ? value[offset + 2 * g + 1] & 0xFF : 0;
            groups[g] = (hi << 8) | lo;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int g = 0; g < 8; ) {
            if (groups[g] != 0) {
                g++;
                continue;
            }
            int start = g;
            while (g < 8 && groups[g] == 0) {
                g++;
            }
            if (g - start > bestLength) {
                bestStart = start;
                bestLength = g - start;
            }
        }
        for (int g = 0; g < 8; g++) {
            if (g == bestStart) {
                out.append("::");
                g += bestLength - 1;
                continue;
            }
            if (g > 0 && g != bestStart + bestLength) {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[g]));
        }
    }

    private static void groups(byte[] value, int width, StringBuilder out) {
        for (int k = 0; k < value.length; k++) {
            if (k > 0 && k % width == 0) {
                out.append(':');
            }
            out.append(HEX[(value[k] >>> 4) & 0xF]).append(HEX[value[k] & 0xF]);
        }
    }

    static void hex(byte[] value, StringBuilder out) {
        out.append("0x");
        for (byte b : value) {
            out.append(HEX[(b >>> 4) & 0xF]).append(HEX[b & 0xF]);
        }
    }
}
