package org.pirog.radius.codec.value;

import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.DataType;

/**
 * The integer types as text: decimal, {@code 0x} hex or a {@code VALUE} name on input; the {@code VALUE} name,
 * else decimal, on output, as FreeRADIUS does for byte, short and integer (it prints integer64 and signed
 * values as plain numbers).
 */
final class IntegerText {
    /** {@link AttributeDefinition#valueNumber} sentinel: no {@code VALUE} has this number in practice. */
    private static final long NO_VALUE = Long.MIN_VALUE;

    private IntegerText() {
    }

    /** Wire octets of an unsigned integer type (byte, short, integer, integer64) in network order. */
    static byte[] parseUnsigned(AttributeDefinition definition, String text) throws ValueFormatException {
        DataType type = definition.type();
        int width = switch (type) {
            case BYTE -> 1;
            case SHORT -> 2;
            case INTEGER -> definition.hasTag() ? 3 : 4; // RFC 2868 §3.1: the tag takes the first octet
            default -> 8;
        };
        String number = text.strip();
        long value = parseNumber(number);
        if (value == NO_VALUE) {
            value = definition.valueNumber(number, NO_VALUE);
        }
        boolean negative = value == NO_VALUE && number.startsWith("-") && parseNumber(number.substring(1)) != NO_VALUE;
        if (value == NO_VALUE && !negative) {
            throw ValueText.invalid(definition, text, "an integer or a VALUE name");
        }
        long max = width == 8 ? -1L : (1L << (8 * width)) - 1;
        if (negative || width < 8 && (value < 0 || value > max)) {
            String range = width == 8 ? Long.toUnsignedString(max) : Long.toString(max);
            throw outOfRange(definition, text, type.dictionaryName() + ", 0.." + range
                    + (width == 3 ? ", as the tag takes the first octet" : ""));
        }
        return toOctets(value, width);
    }

    /** Wire octets of a signed 32-bit integer: decimal with an optional minus, or {@code 0x} hex bits. */
    static byte[] parseSigned(AttributeDefinition definition, String text) throws ValueFormatException {
        String number = text.strip();
        boolean negative = number.startsWith("-");
        String magnitudeText = negative ? number.substring(1) : number;
        long value = NO_VALUE;
        if (isHex(magnitudeText)) {
            long bits = parseNumber(magnitudeText);
            if (!negative && bits != NO_VALUE && bits <= 0xFFFF_FFFFL) {
                value = (int) bits; // the two's complement bits, as written
            }
        } else {
            long magnitude = parseNumber(magnitudeText);
            if (magnitude != NO_VALUE) {
                if (magnitude < 0 || magnitude > (negative ? 1L << 31 : Integer.MAX_VALUE)) {
                    throw outOfRange(definition, text, "signed, " + Integer.MIN_VALUE + ".." + Integer.MAX_VALUE);
                }
                value = negative ? -magnitude : magnitude;
            }
        }
        if (value == NO_VALUE) {
            value = definition.valueNumber(number, NO_VALUE);
        }
        if (value == NO_VALUE) {
            throw ValueText.invalid(definition, text, "a signed integer");
        }
        return toOctets(value, 4);
    }

    private static ValueFormatException outOfRange(AttributeDefinition definition, String text, String range) {
        return new ValueFormatException(ValueText.quote(definition, text) + " is out of range for "
                + definition.name() + " (" + range + ")");
    }

    /**
     * A non-negative decimal or {@code 0x} hex number up to 64 bits unsigned, else {@link #NO_VALUE}. No sign, no
     * white space: {@link Long#parseUnsignedLong} alone would accept a leading {@code +}.
     */
    static long parseNumber(String text) {
        boolean hex = isHex(text);
        int from = hex ? 2 : 0;
        int digits = text.length() - from;
        if (digits == 0 || digits > (hex ? 16 : 20)) {
            return NO_VALUE;
        }
        for (int i = from; i < text.length(); i++) {
            if (Character.digit(text.charAt(i), hex ? 16 : 10) < 0 || text.charAt(i) > 'f') {
                return NO_VALUE;
            }
        }
        try {
            return Long.parseUnsignedLong(text, from, text.length(), hex ? 16 : 10);
        } catch (NumberFormatException tooBig) {
            return NO_VALUE;
        }
    }

    private static boolean isHex(String text) {
        return text.length() > 2 && text.charAt(0) == '0' && (text.charAt(1) == 'x' || text.charAt(1) == 'X');
    }

    private static byte[] toOctets(long value, int width) {
        byte[] octets = new byte[width];
        for (int k = width - 1; k >= 0; k--) {
            octets[k] = (byte) value;
            value >>>= 8;
        }
        return octets;
    }

    /**
     * Appends an unsigned integer of {@code length} octets (1..8): its {@code VALUE} name when {@code named} and
     * one exists, else decimal.
     */
    static void appendUnsigned(StringBuilder out, AttributeDefinition definition, boolean named, byte[] value,
            int offset, int length) {
        long number = 0;
        for (int k = 0; k < length; k++) {
            number = (number << 8) | (value[offset + k] & 0xFF);
        }
        String name = named ? definition.valueName(number) : null;
        if (name != null) {
            out.append(name);
        } else if (number < 0) {
            out.append(Long.toUnsignedString(number));
        } else {
            out.append(number);
        }
    }

    static void appendSigned(StringBuilder out, byte[] value, int offset) {
        out.append(((value[offset] & 0xFF) << 24) | ((value[offset + 1] & 0xFF) << 16)
                | ((value[offset + 2] & 0xFF) << 8) | (value[offset + 3] & 0xFF));
    }
}
