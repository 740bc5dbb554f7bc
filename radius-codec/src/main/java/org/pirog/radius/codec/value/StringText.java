package org.pirog.radius.codec.value;

import org.jspecify.annotations.Nullable;

/**
 * Text and octet strings. Strings print as FreeRADIUS 3 prints them: in double quotes, with {@code \"},
 * {@code \\}, {@code \n}, {@code \r} and {@code \t} escaped, well-formed UTF-8 kept, and every other octet that
 * is a control character, DEL or not part of well-formed UTF-8 written as a three-digit octal escape
 * ({@code \001}, {@code \377}). Octets print as {@code 0x} and lower-case hex.
 */
final class StringText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private StringText() {
    }

    static void appendQuoted(StringBuilder out, byte[] value, int offset, int length) {
        int end = offset + length;
        if (length > 0 && value[end - 1] == 0) {
            // FreeRADIUS drops one trailing NUL: some NASes count the C string terminator in the length.
            end--;
        }
        out.append('"');
        int position = offset;
        while (position < end) {
            int octet = value[position] & 0xFF;
            char escape = switch (octet) {
                case '"' -> '"';
                case '\\' -> '\\';
                case '\n' -> 'n';
                case '\r' -> 'r';
                case '\t' -> 't';
                default -> 0;
            };
            if (escape != 0) {
                out.append('\\').append(escape);
                position++;
                continue;
            }
            int sequence = utf8Length(value, position, end);
            if (sequence == 0) {
                out.append('\\').append((char) ('0' + (octet >> 6))).append((char) ('0' + (octet >> 3 & 7)))
                        .append((char) ('0' + (octet & 7)));
                position++;
            } else if (sequence == 1) {
                out.append((char) octet);
                position++;
            } else {
                out.appendCodePoint(codePoint(value, position, sequence));
                position += sequence;
            }
        }
        out.append('"');
    }

    /**
     * Octets in the well-formed UTF-8 sequence at {@code position} (Unicode 15 Table 3-7: no overlong forms, no
     * surrogates, nothing above U+10FFFF), 0 for an octet that starts none, and 0 for control characters and DEL,
     * which FreeRADIUS escapes too.
     */
    static int utf8Length(byte[] value, int position, int end) {
        int first = value[position] & 0xFF;
        if (first < 0x20 || first == 0x7F) {
            return 0;
        }
        if (first < 0x80) {
            return 1;
        }
        int length;
        int low = 0x80;
        int high = 0xBF;
        if (first >= 0xC2 && first <= 0xDF) {
            length = 2;
        } else if (first >= 0xE0 && first <= 0xEF) {
            length = 3;
            low = first == 0xE0 ? 0xA0 : 0x80;
            high = first == 0xED ? 0x9F : 0xBF;
        } else if (first >= 0xF0 && first <= 0xF4) {
            length = 4;
            low = first == 0xF0 ? 0x90 : 0x80;
            high = first == 0xF4 ? 0x8F : 0xBF;
        } else {
            return 0;
        }
        if (end - position < length) {
            return 0;
        }
        int second = value[position + 1] & 0xFF;
        if (second < low || second > high) {
            return 0;
        }
        for (int k = 2; k < length; k++) {
            int next = value[position + k] & 0xFF;
            if (next < 0x80 || next > 0xBF) {
                return 0;
            }
        }
        return length;
    }

    private static int codePoint(byte[] value, int position, int length) {
        int codePoint = value[position] & (0xFF >> (length + 1));
        for (int k = 1; k < length; k++) {
            codePoint = codePoint << 6 | (value[position + k] & 0x3F);
        }
        return codePoint;
    }

    static void appendHex(StringBuilder out, byte[] value, int offset, int length) {
        out.append("0x");
        for (int k = offset; k < offset + length; k++) {
            appendHexOctet(out, value[k]);
        }
    }

    static void appendHexOctet(StringBuilder out, byte octet) {
        out.append(HEX[(octet >> 4) & 0xF]).append(HEX[octet & 0xF]);
    }

    /** Whether {@code text} starts with {@code 0x} or {@code 0X}. */
    static boolean isHex(String text) {
        return text.length() >= 2 && text.charAt(0) == '0' && (text.charAt(1) == 'x' || text.charAt(1) == 'X');
    }

    /** The octets of the hex digits after the {@code 0x} of {@code text}, or {@code null} if they are not. */
    static byte @Nullable [] parseHex(String text) {
        byte[] octets = new byte[(text.length() - 2) / 2];
        return (text.length() & 1) == 0 && parseHex(text, 2, octets, 0) ? octets : null;
    }

    /** Decodes hex digit pairs from {@code text[from..]} to its end into {@code out} at {@code offset}. */
    static boolean parseHex(String text, int from, byte[] out, int offset) {
        for (int k = from; k + 1 < text.length(); k += 2) {
            int high = AddressText.hexDigit(text.charAt(k));
            int low = AddressText.hexDigit(text.charAt(k + 1));
            if (high < 0 || low < 0) {
                return false;
            }
            out[offset + (k - from) / 2] = (byte) (high << 4 | low);
        }
        return true;
    }
}
