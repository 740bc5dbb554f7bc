package org.pirog.radius.core.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.pirog.radius.codec.dictionary.AttributeDefinition;

/** Address notations of check and reply values; never resolves a host name. */
final class AddressText {
    private AddressText() {
    }

    /** A dotted quad, each part 0..255 in decimal. */
    static byte[] ipv4Octets(String text, AttributeDefinition attribute) throws PolicyException {
        String s = text.strip();
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            throw invalid(text, attribute, "an IPv4 address such as 192.0.2.1 (host names are not resolved)");
        }
        byte[] octets = new byte[4];
        for (int k = 0; k < 4; k++) {
            String part = parts[k];
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw invalid(text, attribute, "an IPv4 address such as 192.0.2.1 (host names are not resolved)");
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                throw invalid(text, attribute, "an IPv4 address such as 192.0.2.1");
            }
            octets[k] = (byte) value;
        }
        return octets;
    }

    /** An IPv6 literal such as {@code 2001:db8::1}. */
    static byte[] ipv6(String text, AttributeDefinition attribute) throws PolicyException {
        String s = text.strip();
        // Only hex digits, colons and dots: InetAddress then parses a literal and never asks DNS.
        if (s.indexOf(':') < 0 || !s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            throw invalid(text, attribute, "an IPv6 address such as 2001:db8::1");
        }
        try {
            byte[] address = InetAddress.getByName(s).getAddress();
            if (address.length == 16) {
                return address;
            }
        } catch (UnknownHostException e) {
            // reported below
        }
        throw invalid(text, attribute, "an IPv6 address such as 2001:db8::1");
    }

    /** RFC 3162 §2.3 Framed-IPv6-Prefix: reserved octet, prefix length, the prefix's significant octets. */
    static byte[] ipv6Prefix(String text, AttributeDefinition attribute) throws PolicyException {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw invalid(text, attribute, "an IPv6 prefix such as 2001:db8::/64");
        }
        byte[] address = ipv6(text.substring(0, slash), attribute);
        int length = prefixLength(text.substring(slash + 1), 128, text, attribute);
        int significant = (length + 7) / 8;
        byte[] value = new byte[2 + significant];
        value[1] = (byte) length;
        System.arraycopy(address, 0, value, 2, significant);
        return value;
    }

    /** RFC 6572 §2.4: reserved octet, prefix length, the four address octets. */
    static byte[] ipv4Prefix(String text, AttributeDefinition attribute) throws PolicyException {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw invalid(text, attribute, "an IPv4 prefix such as 192.0.2.0/24");
        }
        byte[] address = ipv4Octets(text.substring(0, slash), attribute);
        int length = prefixLength(text.substring(slash + 1), 32, text, attribute);
        byte[] value = new byte[6];
        value[1] = (byte) length;
        System.arraycopy(address, 0, value, 2, 4);
        return value;
    }

    /** {@code count} groups of {@code width} octets in hex, separated by {@code :} or {@code -}. */
    static byte[] groups(String text, AttributeDefinition attribute, int octets, int width) throws PolicyException {
        String[] parts = text.strip().split("[:-]", -1);
        String example = width == 1 ? "00:11:22:33:44:55" : "0011:2233:4455:6677";
        if (parts.length * width != octets) {
            throw invalid(text, attribute, "hex groups such as " + example);
        }
        byte[] value = new byte[octets];
        int position = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 2 * width
                    || !part.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw invalid(text, attribute, "hex groups such as " + example);
            }
            long group = Long.parseLong(part, 16);
            for (int k = width - 1; k >= 0; k--) {
                value[position + k] = (byte) group;
                group >>>= 8;
            }
            position += width;
        }
        return value;
    }

    private static int prefixLength(String digits, int max, String text, AttributeDefinition attribute)
            throws PolicyException {
        try {
            int length = Integer.parseInt(digits.strip());
            if (length >= 0 && length <= max) {
                return length;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(text, attribute, "a prefix length from 0 to " + max);
    }

    private static PolicyException invalid(String text, AttributeDefinition attribute, String expected) {
        return new PolicyException("\"" + text + "\" is not a value of " + attribute.name() + ": expected "
                + expected);
    }
}
