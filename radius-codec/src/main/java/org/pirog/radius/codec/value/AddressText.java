package org.pirog.radius.codec.value;

import java.util.Arrays;

/**
 * Strict parsers and printers for the address types. Only numeric literals are accepted: nothing here may ever
 * cause a DNS lookup, which is why {@link java.net.InetAddress} is not used. Printing follows {@code inet_ntop}
 * as glibc implements it, because that is what FreeRADIUS prints: RFC 5952 zero compression (longest run of two
 * or more zero groups, the first on a tie, lower-case hex), plus the dotted tail of {@code ::a.b.c.d} and
 * {@code ::ffff:a.b.c.d}.
 */
final class AddressText {
    static final int IPV4_LENGTH = 4;
    static final int IPV6_LENGTH = 16;

    private AddressText() {
    }

    /**
     * Parses dotted-quad {@code text[from, to)} into {@code out[offset, offset + 4)}. Exactly four decimal parts of
     * 0..255 with no leading zero, since {@code inet_aton} would read {@code 010} as octal 8.
     */
    static boolean parseIpv4(String text, int from, int to, byte[] out, int offset) {
        int part = 0;
        int position = from;
        while (part < 4) {
            int start = position;
            int value = 0;
            while (position < to && position - start < 4 && isDigit(text.charAt(position))) {
                value = value * 10 + text.charAt(position) - '0';
                position++;
            }
            int digits = position - start;
            if (digits == 0 || digits > 3 || value > 255 || digits > 1 && text.charAt(start) == '0') {
                return false;
            }
            out[offset + part++] = (byte) value;
            if (part < 4) {
                if (position >= to || text.charAt(position) != '.') {
                    return false;
                }
                position++;
            }
        }
        return position == to;
    }

    /**
     * Parses an RFC 4291 §2.2 text address {@code text[from, to)} (hex groups, one {@code ::}, an optional dotted
     * IPv4 tail) into {@code out[offset, offset + 16)}. No zone index, no brackets.
     */
    static boolean parseIpv6(String text, int from, int to, byte[] out, int offset) {
        byte[] groups = new byte[IPV6_LENGTH];
        int count = 0;
        int gap = -1;
        int position = from;
        if (position + 1 < to && text.charAt(position) == ':' && text.charAt(position + 1) == ':') {
            gap = 0;
            position += 2;
        }
        while (position < to) {
            int start = position;
            int value = 0;
            while (position < to && hexDigit(text.charAt(position)) >= 0) {
                value = (value << 4) | hexDigit(text.charAt(position));
                position++;
                if (position - start > 4) {
                    break;
                }
            }
            if (position < to && text.charAt(position) == '.') {
                // RFC 4291 §2.2 form 3: the low 32 bits written as an IPv4 address, last.
                if (count > IPV6_LENGTH - IPV4_LENGTH || !parseIpv4(text, start, to, groups, count)) {
                    return false;
                }
                count += IPV4_LENGTH;
                break;
            }
            if (position == start || position - start > 4 || count == IPV6_LENGTH) {
                return false;
            }
            groups[count++] = (byte) (value >>> 8);
            groups[count++] = (byte) value;
            if (position == to) {
                break;
            }
            if (text.charAt(position++) != ':' || position == to) {
                return false;
            }
            if (text.charAt(position) == ':') {
                if (gap >= 0) {
                    return false;
                }
                gap = count;
                position++;
            }
        }
        if (gap < 0) {
            if (count != IPV6_LENGTH) {
                return false;
            }
            System.arraycopy(groups, 0, out, offset, IPV6_LENGTH);
            return true;
        }
        if (count == IPV6_LENGTH) {
            return false; // "::" stands for at least one zero group
        }
        int tail = count - gap;
        Arrays.fill(out, offset, offset + IPV6_LENGTH, (byte) 0);
        System.arraycopy(groups, 0, out, offset, gap);
        System.arraycopy(groups, gap, out, offset + IPV6_LENGTH - tail, tail);
        return true;
    }

    static void appendIpv4(StringBuilder out, byte[] value, int offset) {
        out.append(value[offset] & 0xFF).append('.').append(value[offset + 1] & 0xFF).append('.')
                .append(value[offset + 2] & 0xFF).append('.').append(value[offset + 3] & 0xFF);
    }

    /** {@code inet_ntop(AF_INET6)} as glibc prints it. */
    static void appendIpv6(StringBuilder out, byte[] value, int offset) {
        int bestStart = -1;
        int bestLength = 0;
        int runStart = -1;
        for (int group = 0; group <= 8; group++) {
            boolean zero = group < 8 && word(value, offset, group) == 0;
            if (zero && runStart < 0) {
                runStart = group;
            } else if (!zero && runStart >= 0) {
                if (group - runStart > bestLength) {
                    bestStart = runStart;
                    bestLength = group - runStart;
                }
                runStart = -1;
            }
        }
        if (bestLength < 2) {
            bestStart = -1;
        }
        for (int group = 0; group < 8; group++) {
            if (group == bestStart) {
                out.append(':');
                group += bestLength - 1;
                if (group == 7) {
                    out.append(':');
                }
                continue;
            }
            if (group > 0) {
                out.append(':');
            }
            boolean embeddedIpv4 = group == 6 && bestStart == 0
                    && (bestLength == 6 || bestLength == 5 && word(value, offset, 5) == 0xFFFF);
            if (embeddedIpv4) {
                appendIpv4(out, value, offset + 12);
                return;
            }
            out.append(Integer.toHexString(word(value, offset, group)));
        }
    }

    /** Interface identifier, RFC 3162 §2.2: four 16-bit hex groups. */
    static boolean parseIfid(String text, byte[] out) {
        int position = 0;
        for (int group = 0; group < 4; group++) {
            int start = position;
            int value = 0;
            while (position < text.length() && position - start < 5 && hexDigit(text.charAt(position)) >= 0) {
                value = (value << 4) | hexDigit(text.charAt(position++));
            }
            if (position == start || position - start > 4) {
                return false;
            }
            out[2 * group] = (byte) (value >>> 8);
            out[2 * group + 1] = (byte) value;
            if (group < 3 && (position >= text.length() || text.charAt(position++) != ':')) {
                return false;
            }
        }
        return position == text.length();
    }

    /** FreeRADIUS prints each group without leading zeros ({@code 11:2233:4455:6677}). */
    static void appendIfid(StringBuilder out, byte[] value, int offset) {
        for (int group = 0; group < 4; group++) {
            if (group > 0) {
                out.append(':');
            }
            out.append(Integer.toHexString(word(value, offset, group)));
        }
    }

    /** {@code 00:11:22:33:44:55}, the same with {@code -}, one or two digits a group; or 12 hex digits. */
    static boolean parseEther(String text, byte[] out) {
        if (text.length() == 12 && StringText.parseHex(text, 0, out, 0)) {
            return true;
        }
        int position = 0;
        char separator = 0;
        for (int group = 0; group < 6; group++) {
            int start = position;
            int value = 0;
            while (position < text.length() && position - start < 3 && hexDigit(text.charAt(position)) >= 0) {
                value = (value << 4) | hexDigit(text.charAt(position++));
            }
            if (position == start || position - start > 2) {
                return false;
            }
            out[group] = (byte) value;
            if (group < 5) {
                if (position >= text.length()) {
                    return false;
                }
                char next = text.charAt(position++);
                if (separator == 0 && (next == ':' || next == '-')) {
                    separator = next;
                } else if (next != separator) {
                    return false;
                }
            }
        }
        return position == text.length();
    }

    static void appendEther(StringBuilder out, byte[] value, int offset) {
        for (int k = 0; k < 6; k++) {
            if (k > 0) {
                out.append(':');
            }
            StringText.appendHexOctet(out, value[offset + k]);
        }
    }

    /** Clears the bits after the first {@code prefixLength} of {@code octets[offset, offset + length)}. */
    static void maskHostBits(byte[] octets, int offset, int length, int prefixLength) {
        for (int k = 0; k < length; k++) {
            int kept = prefixLength - 8 * k;
            if (kept <= 0) {
                octets[offset + k] = 0;
            } else if (kept < 8) {
                octets[offset + k] &= (byte) (0xFF << (8 - kept));
            }
        }
    }

    private static int word(byte[] value, int offset, int group) {
        return (value[offset + 2 * group] & 0xFF) << 8 | (value[offset + 2 * group + 1] & 0xFF);
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
