package org.pirog.radius.core.policy;

import java.time.ZoneId;
import java.util.Arrays;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.DataType;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.codec.value.ValueFormatException;
import org.pirog.radius.codec.value.ValueText;

/**
 * A check value read once for its attribute's type, by the codec's {@link ValueText} (the same reading as reply
 * values and radclient input), and compared with request values without parsing again, as FreeRADIUS compares:
 * numbers, dates and IPv4 addresses numerically; IPv4 and IPv6 prefixes by containment, so that {@code <} means
 * "a longer prefix inside this one" (see {@link PrefixContainment}); everything else, IPv6 addresses included,
 * octet by octet (a shorter value that is a prefix of a longer one is smaller). An {@code ipaddr} or
 * {@code ipv6addr} value never stands for a network: FreeRADIUS refuses {@code "192.0.2.0/24"} for one, as the codec
 * does, and takes only the host lengths {@code /32} and {@code /128}. An IPv4 address written alone is read as
 * {@code inet_aton} reads it, as FreeRADIUS reads it: {@code 010.0.0.1} is 8.0.0.1. A date written without a zone
 * is read in the zone given, the server's, as FreeRADIUS reads it in local time.
 */
final class ParsedValue {
    private final DataType type;
    private final long number;
    private final byte[] octets;

    private ParsedValue(DataType type, long number, byte[] octets) {
        this.type = type;
        this.number = number;
        this.octets = octets;
    }

    /** {@code text} as a value of {@code attribute}, dates without a zone in {@code zone}. */
    static ParsedValue parse(AttributeDefinition attribute, String text, ZoneId zone) throws PolicyException {
        byte[] octets;
        try {
            octets = ValueText.parse(attribute, text, zone);
        } catch (ValueFormatException e) {
            throw new PolicyException(e.getMessage());
        }
        DataType type = attribute.type();
        if (!isNumeric(type)) {
            return new ParsedValue(type, 0, octets);
        }
        long number = 0;
        for (byte octet : octets) {
            number = number << 8 | (octet & 0xFF);
        }
        return new ParsedValue(type, type == DataType.SIGNED ? (int) number : number, new byte[0]);
    }

    /** Checks that {@code text} is a value the attribute can hold. */
    static void validate(AttributeDefinition attribute, String text) throws PolicyException {
        parse(attribute, text, ZoneId.systemDefault());
    }

    /**
     * The number an integer-like, {@code date} or {@code ipaddr} value stands for (dates in {@code zone}).
     *
     * @throws PolicyException when the text is no such value, or the attribute holds no number
     */
    static long number(AttributeDefinition attribute, String text, ZoneId zone) throws PolicyException {
        ParsedValue value = parse(attribute, text, zone);
        if (!value.isNumber()) {
            throw new PolicyException(attribute.name() + " holds " + attribute.type().dictionaryName()
                    + " values, not numbers");
        }
        return value.number;
    }

    /** Whether the type's values compare as numbers. */
    static boolean isNumeric(DataType type) {
        return switch (type) {
            case INTEGER, BYTE, SHORT, INTEGER64, SIGNED, DATE, IPADDR -> true;
            default -> false;
        };
    }

    boolean isNumber() {
        return isNumeric(type);
    }

    long number() {
        return number;
    }

    /** The octets of a value that is not a number. */
    byte[] octets() {
        return octets.clone();
    }

    /** Whether the packet's attribute {@code i} stands in relation {@code operator} to this value. */
    boolean isSatisfiedBy(Operator operator, RadiusPacket packet, int i) {
        if (type == DataType.IPV4PREFIX || type == DataType.IPV6PREFIX) {
            byte[] prefix = PrefixContainment.fromRequest(packet.copyValue(i), type == DataType.IPV6PREFIX);
            return prefix != null && PrefixContainment.holds(operator, prefix, octets);
        }
        return operator.holds(compareWith(packet, i));
    }

    /** The packet's attribute {@code i} compared with this value, which is no prefix. */
    int compareWith(RadiusPacket packet, int i) {
        int length = packet.valueLength(i);
        if (isNumber() && length >= 1 && length <= 8) {
            long value = packet.longValue(i);
            return switch (type) {
                case SIGNED -> Long.compare((int) value, number);
                case INTEGER64 -> Long.compareUnsigned(value, number);
                default -> Long.compare(value, number);
            };
        }
        return Arrays.compareUnsigned(packet.copyValue(i), octets);
    }

    /** Another number compared with this value, as {@link #compareWith} compares a packet's. */
    int compareNumber(long value) {
        return switch (type) {
            case INTEGER64 -> Long.compareUnsigned(value, number);
            default -> Long.compare(value, number);
        };
    }
}
