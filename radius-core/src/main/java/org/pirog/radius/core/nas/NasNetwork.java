package org.pirog.radius.core.nas;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Objects;

/**
 * An address or network a client is defined for ({@code ipaddr = 192.0.2.0/24}); a single address is a /32 or /128.
 */
public record NasNetwork(InetAddress address, int prefixLength) {
    public NasNetwork {
        Objects.requireNonNull(address, "address");
        int bits = address.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of range for " + address);
        }
        address = masked(address, prefixLength);
    }

    public static NasNetwork host(InetAddress address) {
        return new NasNetwork(address, address.getAddress().length * 8);
    }

    /** Whether this names one host rather than a network (FreeRADIUS never applies {@code auto} to a network). */
    public boolean isHost() {
        return prefixLength == address.getAddress().length * 8;
    }

    public boolean contains(InetAddress candidate) {
        byte[] net = address.getAddress();
        byte[] other = candidate.getAddress();
        if (net.length != other.length) {
            return false;
        }
        int full = prefixLength >>> 3;
        if (!Arrays.equals(net, 0, full, other, 0, full)) {
            return false;
        }
        int rest = prefixLength & 7;
        int mask = (0xff00 >>> rest) & 0xff;
        return rest == 0 || (net[full] & mask) == (other[full] & mask);
    }

    private static InetAddress masked(InetAddress address, int prefixLength) {
        byte[] bytes = address.getAddress();
        if (prefixLength == bytes.length * 8) {
            return address;
        }
        for (int bit = prefixLength; bit < bytes.length * 8; bit++) {
            bytes[bit >>> 3] &= (byte) ~(0x80 >>> (bit & 7));
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (java.net.UnknownHostException impossible) {
            throw new AssertionError(impossible);
        }
    }

    @Override
    public String toString() {
        return address.getHostAddress() + (isHost() ? "" : "/" + prefixLength);
    }
}
