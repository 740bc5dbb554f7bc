package org.pirog.radius.core.policy;

import java.util.Arrays;
import org.pirog.radius.codec.dictionary.DataType;
import org.pirog.radius.codec.packet.RadiusPacket;

/** A check value read once for its type, compared with request values without parsing again. */
final class ParsedValue {
    private final DataType type;
    private final long number;
    private final byte[] octets;

    private ParsedValue(DataType type, long number, byte[] octets) {
        this.type = type;
        this.number = number;
        this.octets = octets;
    }

    static ParsedValue number(DataType type, long number) {
        return new ParsedValue(type, number, new byte[0]);
    }

    static ParsedValue octets(DataType type, byte[] octets) {
        return new ParsedValue(type, 0, octets);
    }

    boolean isNumber() {
        return ValueComparison.isNumeric(type);
    }

    long number() {
        return number;
    }

    /** The octets of a value that is not a number. */
    byte[] octets() {
        return octets.clone();
    }

    /** The packet's attribute {@code i} compared with this value. */
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
        byte[] value = packet.copyValue(i);
        return Arrays.compareUnsigned(value, octets);
    }

    /** Another number compared with this value, as {@link #compareWith} compares a packet's. */
    int compareNumber(long value) {
        return switch (type) {
            case INTEGER64 -> Long.compareUnsigned(value, number);
            default -> Long.compare(value, number);
        };
    }
}
