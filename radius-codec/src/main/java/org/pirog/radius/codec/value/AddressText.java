package org.pirog.radius.codec.value;

import java.util.Arrays;

/**
 * Parsers and printers for the address types. Only numeric literals are accepted: nothing here may ever cause a DNS
 * lookup, which is why {@link java.net.InetAddress} is not used. IPv4 text is read in the three ways FreeRADIUS 3.2
 * reads it: strict dotted quads inside IPv6 text, {@code inet_aton} forms for an address alone, and decimal parts
 * before a prefix length. Printing follows {@code inet_ntop}
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
     * Parses dotted-quad {@code text[from, to)} into {@code out[offset, offset + 4)}: exactly four decimal parts of
     * 0..255 with no leading zero, as {@code inet_pton} reads the IPv4 tail of an IPv6 address.
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
     * Parses an IPv4 address written alone, without a prefix length, as FreeRADIUS 3.2 reads one: through
     * {@code inet_aton}, so one to four parts, each decimal, octal after a leading {@code 0} or hex after
     * {@code 0x}, the last part filling the octets left. {@code 010.0.0.1} is 8.0.0.1, {@code 10.0.0.010} is
     * 10.0.0.8, {@code 10.1} is 10.0.0.1 and {@code 167772161} is 10.0.0.1, all as FreeRADIUS answered them. Two
     * forms it reads with {@code strtoul} instead, and oddly, are refused: {@code 0x} followed by more than hex
     * digits ({@code 0x0a.0.0.1} is 0.0.0.10 there) and digits that are no octal or 32-bit number ({@code 018} is
     * 0.0.0.1, {@code 4294967296} is 0.0.0.0).
     */
    static boolean parseIpv4Aton(String text, int from, int to, byte[] out, int offset) {
        long[] parts = new long[4];
        int count = 0;
        int position = from;
        while (true) {
            if (count == parts.length || position >= to) {
                return false;
            }
            int radix = 10;
            if (text.charAt(position) == '0') {
                radix = 8;
                if (position + 1 < to && (text.charAt(position + 1) == 'x' || text.charAt(position + 1) == 'X')) {
                    radix = 16;
                    position += 2;
                }
            }
            int start = position;
            long value = 0;
            while (position < to && text.charAt(position) != '.') {
                int digit = hexDigit(text.charAt(position++));
                if (digit < 0 || digit >= radix) {
                    return false;
                }
                value = value * radix + digit;
                if (value > 0xFFFF_FFFFL) {
                    return false;
                }
            }
            if (position == start) {
                return false;
            }
            parts[count++] = value;
            if (position == to) {
                break;
            }
            position++;
        }
        boolean strtoulForm = text.startsWith("0x", from) && count > 1;
        long last = parts[count - 1];
        if (strtoulForm || last >>> (8 * (5 - count)) != 0) {
            return false;
        }
        long address = last;
        for (int k = 0; k < count - 1; k++) {
            if (parts[k] > 255) {
                return false;
            }
            address |= parts[k] << (24 - 8 * k);
        }
        for (int k = 0; k < IPV4_LENGTH; k++) {
            out[offset + k] = (byte) (address >>> (24 - 8 * k));
        }
        return true;
    }

    /**
     * Parses the IPv4 address before a prefix length as FreeRADIUS 3.2 reads it: one to four decimal parts of
     * 0..255, a leading zero changing nothing, the parts left out being zero. {@code 010.0.0.0/8} is 10.0.0.0/8
     * and {@code 10.1/16} is 10.1.0.0/16 there; a fifth part, which it ignores, is refused here.
     */
    static boolean parseIpv4Network(String text, int from, int to, byte[] out, int offset) {
        Arrays.fill(out, offset, offset + IPV4_LENGTH, (byte) 0);
        int position = from;
        for (int part = 0; part < IPV4_LENGTH; part++) {
            int start = position;
            int value = 0;
            while (position < to && isDigit(text.charAt(position))) {
                value = value * 10 + text.charAt(position++) - '0';
                if (value > 255) {
                    return false;
                }
            }
            if (position == start) {
                return false;
            }
            out[offset + part] = (byte) value;
            if (position == to) {
                return true;
            }
            if (text.charAt(position++) != '.') {
                return false;
            }
        }
        return false;
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
