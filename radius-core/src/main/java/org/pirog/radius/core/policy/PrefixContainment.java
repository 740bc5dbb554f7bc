package org.pirog.radius.core.policy;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * How a check item compares IP prefixes ({@code ipv4prefix}, {@code ipv6prefix}): by containment, as FreeRADIUS
 * 3.2 does, not by order. The request's prefix is on the left: {@code <} and {@code <=} hold when it is longer and
 * lies inside the item's prefix, {@code >} and {@code >=} when it is shorter and holds the item's prefix, and
 * {@code ==}, {@code <=} and {@code >=} when it is the same prefix. Two prefixes of one length that differ satisfy
 * no operator, not even {@code !=}, which holds for any two prefixes of different lengths. So
 * {@code Framed-IPv6-Prefix < "2001:db8::/32"} matches a request's 2001:db8::/64 and 2001:db8:8000::/33, not
 * 2001:db7::/64, 2001:db8::/32 or 2001::/16 (all observed with FreeRADIUS 3.2.1).
 */
final class PrefixContainment {
    /** RFC 3162 §2.3 and RFC 6572 §3.5: a reserved octet and the prefix length come before the address. */
    private static final int ADDRESS_OFFSET = 2;

    private PrefixContainment() {
    }

    /**
     * Whether the request's prefix stands in relation {@code operator} to the item's; both are wire values of the
     * same type, the request's already padded to full length and checked to be a prefix.
     */
    static boolean holds(Operator operator, byte[] request, byte[] item) {
        int requestLength = request[1] & 0xFF;
        int itemLength = item[1] & 0xFF;
        if (requestLength == itemLength) {
            // FreeRADIUS compares the whole address here, so host bits a NAS left set make the prefixes differ.
            boolean same = Arrays.equals(request, ADDRESS_OFFSET, request.length, item, ADDRESS_OFFSET, item.length);
            return same && switch (operator) {
                case EQUAL, SET, LESS_EQUAL, GREATER_EQUAL -> true;
                default -> false;
            };
        }
        return switch (operator) {
            case NOT_EQUAL -> true;
            case LESS, LESS_EQUAL -> requestLength > itemLength && sameLeadingBits(request, item, itemLength);
            case GREATER, GREATER_EQUAL -> requestLength < itemLength && sameLeadingBits(request, item, requestLength);
            default -> false;
        };
    }

    /**
     * The request's value as a full-length prefix, or null if it is none. RFC 3162 §2.3 lets a NAS send only the
     * octets an IPv6 prefix needs, and FreeRADIUS pads them with zeros; an IPv4 prefix is always 6 octets (RFC 6572
     * §3.5).
     */
    static byte @Nullable [] fromRequest(byte[] value, boolean ipv6) {
        int full = ADDRESS_OFFSET + (ipv6 ? 16 : 4);
        boolean fits = ipv6 ? value.length >= ADDRESS_OFFSET && value.length <= full
                : value.length == full && value[0] == 0;
        if (!fits || (value[1] & 0xFF) > 8 * (full - ADDRESS_OFFSET)) {
            return null;
        }
        return value.length == full ? value : Arrays.copyOf(value, full);
    }

    private static boolean sameLeadingBits(byte[] a, byte[] b, int bits) {
        int whole = bits / 8;
        if (!Arrays.equals(a, ADDRESS_OFFSET, ADDRESS_OFFSET + whole, b, ADDRESS_OFFSET, ADDRESS_OFFSET + whole)) {
            return false;
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest);
        return ((a[ADDRESS_OFFSET + whole] ^ b[ADDRESS_OFFSET + whole]) & mask) == 0;
    }
}
