package org.pirog.radius.backend.memory.pool;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An inclusive range of IPv4 addresses, {@code first-last} ({@code 10.0.0.10-10.0.0.200}) or a single address.
 *
 * @param first the first address, as an unsigned 32-bit number
 * @param last  the last address, at least {@code first}
 */
public record AddressRange(long first, long last) {
    public AddressRange {
        if (first < 0 || last > 0xFFFF_FFFFL || first > last) {
            throw new IllegalArgumentException("not a range: " + first + "-" + last);
        }
    }

    /** Reads {@code first-last} or one address; {@link IllegalArgumentException} says what is wrong. */
    public static AddressRange parse(String text) {
        int dash = text.indexOf('-');
        long first = dash < 0 ? number(text.strip()) : number(text.substring(0, dash).strip());
        long last = dash < 0 ? first : number(text.substring(dash + 1).strip());
        if (first < 0 || last < 0) {
            throw new IllegalArgumentException("\"" + text + "\" is no address range; expected first-last such as"
                    + " 10.0.0.10-10.0.0.200");
        }
        if (first > last) {
            throw new IllegalArgumentException("\"" + text + "\" ends before it starts");
        }
        return new AddressRange(first, last);
    }

    public long size() {
        return last - first + 1;
    }

    public boolean overlaps(AddressRange other) {
        return first <= other.last && other.first <= last;
    }

    /** A dotted quad as a number, or -1. */
    public static long number(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                return -1;
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return -1;
            }
            value = (value << 8) | octet;
        }
        return value;
    }

    static long number(InetAddress address) {
        byte[] b = address.getAddress();
        if (!(address instanceof Inet4Address)) {
            return -1;
        }
        return ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
    }

    static InetAddress address(long number) {
        try {
            return InetAddress.getByAddress(new byte[] {
                (byte) (number >>> 24), (byte) (number >>> 16), (byte) (number >>> 8), (byte) number});
        } catch (UnknownHostException impossible) {
            throw new AssertionError(impossible);
        }
    }

    @Override
    public String toString() {
        return address(first).getHostAddress() + "-" + address(last).getHostAddress();
    }
}
