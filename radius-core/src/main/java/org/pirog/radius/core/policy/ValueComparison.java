package org.pirog.radius.core.policy;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HexFormat;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.DataType;
import org.pirog.radius.codec.packet.RadiusPacket;

/**
 * Reads the text of a check or reply value for its attribute's type and compares request values with it, as
 * FreeRADIUS does: numbers, dates and IPv4 addresses numerically, everything else octet by octet (a shorter
 * value that is a prefix of a longer one is smaller).
 *
 * <p>Text forms: integers in decimal or {@code 0x} hex or by VALUE name (case-insensitive); dates as
 * {@link DateText} reads them; IPv4 addresses dotted (an optional {@code /32}); IPv6 addresses and prefixes,
 * IPv4 prefixes, Ethernet addresses and interface ids in their usual notation; octets as {@code 0x} hex or raw
 * text. Pirog is stricter than FreeRADIUS 3.2, which wraps {@code -1} or {@code 4294967296} silently and resolves
 * host names at start-up: those are errors here.
 *
 * <p>This is a stand-in for radius-codec's {@code ValueText} (being written); once it lands this class delegates
 * to it and keeps only the comparisons.
 */
public final class ValueComparison {
    private ValueComparison() {
    }

    /** Checks that {@code text} is a value the attribute can hold. */
    public static void validate(AttributeDefinition attribute, String text) throws PolicyException {
        parse(attribute, text, ZoneId.systemDefault());
    }

    /**
     * The number an integer-like, {@code date} or {@code ipaddr} value stands for (dates in {@code zone}).
     *
     * @throws PolicyException when the text is no such value, or the attribute holds no number
     */
    public static long number(AttributeDefinition attribute, String text, ZoneId zone) throws PolicyException {
        ParsedValue value = parse(attribute, text, zone);
        if (!value.isNumber()) {
            throw new PolicyException(attribute.name() + " holds " + attribute.type().dictionaryName()
                    + " values, not numbers");
        }
        return value.number();
    }

    /**
     * Compares the value of the packet's attribute {@code i} with {@code text}: negative, zero or positive as
     * the packet's value is smaller, equal or greater.
     */
    public static int compare(RadiusPacket packet, int i, String text, ZoneId zone) throws PolicyException {
        return parse(packet.definition(i), text, zone).compareWith(packet, i);
    }

    /** Whether the type's values compare as numbers. */
    public static boolean isNumeric(DataType type) {
        return switch (type) {
            case INTEGER, BYTE, SHORT, INTEGER64, SIGNED, DATE, IPADDR -> true;
            default -> false;
        };
    }

    static ParsedValue parse(AttributeDefinition attribute, String text, ZoneId zone) throws PolicyException {
        DataType type = attribute.type();
        return switch (type) {
            case INTEGER, BYTE, SHORT, INTEGER64, SIGNED -> ParsedValue.number(type, integer(attribute, text));
            case DATE -> ParsedValue.number(type, DateText.parse(text, zone));
            case IPADDR -> ParsedValue.number(type, ipv4(attribute, text));
            case STRING -> ParsedValue.octets(type, text.getBytes(StandardCharsets.UTF_8));
            case OCTETS -> ParsedValue.octets(type, octets(attribute, text));
            case IPV6ADDR -> ParsedValue.octets(type, AddressText.ipv6(text, attribute));
            case IPV6PREFIX -> ParsedValue.octets(type, AddressText.ipv6Prefix(text, attribute));
            case IPV4PREFIX -> ParsedValue.octets(type, AddressText.ipv4Prefix(text, attribute));
            case COMBO_IP -> ParsedValue.octets(type, text.indexOf(':') >= 0
                    ? AddressText.ipv6(text, attribute) : AddressText.ipv4Octets(text, attribute));
            case ETHER -> ParsedValue.octets(type, AddressText.groups(text, attribute, 6, 1));
            case IFID -> ParsedValue.octets(type, AddressText.groups(text, attribute, 8, 2));
            default -> ParsedValue.octets(type, hexOnly(attribute, text));
        };
    }

    private static long integer(AttributeDefinition attribute, String text) throws PolicyException {
        String s = text.strip();
        long max = switch (attribute.type()) {
            case BYTE -> 0xFFL;
            case SHORT -> 0xFFFFL;
            // RFC 2868 §3.1: a tagged integer keeps 24 bits beside its tag.
            case INTEGER -> attribute.hasTag() ? 0xFF_FFFFL : 0xFFFF_FFFFL;
            case SIGNED -> Integer.MAX_VALUE;
            default -> -1L; // integer64: the whole unsigned range
        };
        try {
            long value;
            if (s.startsWith("0x") || s.startsWith("0X")) {
                value = Long.parseUnsignedLong(s.substring(2), 16);
            } else if (!s.isEmpty() && (Character.isDigit(s.charAt(0))
                    || (s.charAt(0) == '-' && attribute.type() == DataType.SIGNED))) {
                value = attribute.type() == DataType.SIGNED ? Long.parseLong(s) : Long.parseUnsignedLong(s);
            } else {
                long named = attribute.valueNumber(s, -1);
                if (named < 0) {
                    throw notInteger(attribute, text);
                }
                return named;
            }
            boolean inRange = attribute.type() == DataType.SIGNED
                    ? value >= Integer.MIN_VALUE && value <= max
                    : max < 0 || Long.compareUnsigned(value, max) <= 0;
            if (!inRange) {
                throw new PolicyException("\"" + text + "\" is out of range for " + attribute.name() + " ("
                        + attribute.type().dictionaryName() + ")");
            }
            return value;
        } catch (NumberFormatException e) {
            throw notInteger(attribute, text);
        }
    }

    private static PolicyException notInteger(AttributeDefinition attribute, String text) {
        return new PolicyException("\"" + text + "\" is not a value of " + attribute.name() + ": expected a number"
                + (attribute.valueCount() > 0 ? " or one of its VALUE names" : ""));
    }

    private static long ipv4(AttributeDefinition attribute, String text) throws PolicyException {
        String s = text.strip();
        if (s.endsWith("/32")) {
            s = s.substring(0, s.length() - 3);
        }
        byte[] octets = AddressText.ipv4Octets(s, attribute);
        return ((octets[0] & 0xFFL) << 24) | ((octets[1] & 0xFFL) << 16) | ((octets[2] & 0xFFL) << 8)
                | (octets[3] & 0xFFL);
    }

    private static byte[] octets(AttributeDefinition attribute, String text) throws PolicyException {
        if (text.startsWith("0x") || text.startsWith("0X")) {
            return hexOnly(attribute, text);
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hexOnly(AttributeDefinition attribute, String text) throws PolicyException {
        String s = text.strip();
        if ((s.startsWith("0x") || s.startsWith("0X")) && s.length() % 2 == 0) {
            try {
                return HexFormat.of().parseHex(s, 2, s.length());
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        throw new PolicyException("\"" + text + "\" is not a value of " + attribute.name() + " ("
                + attribute.type().dictionaryName() + "): expected 0x followed by hex digits");
    }
}
