package org.pirog.radius.codec.packet;

import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.dictionary.Vendor;

/**
 * WiMAX continuation ({@code VENDOR WiMAX 24757 format=1,1,c}; WiMAX Forum NWG Stage 3, as FreeRADIUS implements
 * it; no RFC). Each Vendor-Specific attribute carries Vendor-Id, then one sub-attribute of Type, Length (covering
 * Type, Length, the continuation octet and the value) and a continuation octet whose bit 0x80 says the value goes
 * on in the next Vendor-Specific attribute; the other seven bits are reserved.
 *
 * <p>A chain is joined into one value only in the shape {@link RadiusPacketBuilder} writes, so that re-encoding
 * gives the same octets: consecutive Vendor-Specific attributes of the same vendor and type, each holding that
 * one sub-attribute and nothing else; every fragment but the last full (Length 255, so 246 value octets) with
 * continuation octet 0x80; the last with continuation octet 0 and at least one value octet. Anything else keeps
 * the first attribute raw, as the decoder does for any Vendor-Specific attribute it cannot read.
 */
final class WimaxContinuation {
    /** Type 26, Length, Vendor-Id (4), vendor type, vendor length, continuation octet. */
    static final int HEADER = 9;
    static final int TYPE_OFFSET = 6;
    static final int CONTINUATION_OFFSET = 8;
    static final int MORE = 0x80;
    /** Value octets in a full fragment: 255 minus the header. */
    static final int FRAGMENT = 255 - HEADER;

    private static final int VENDOR_SPECIFIC = 26;

    private WimaxContinuation() {
    }

    /**
     * Octets of the joinable chain that starts with the Vendor-Specific attribute at {@code position}, or -1 when
     * that attribute does not start one (no continuation flag, a vendor without continuation, or a chain of
     * another shape).
     */
    static int chainLength(Dictionary dictionary, byte[] wire, int position) {
        int length = wire[position + 1] & 0xFF;
        if (length != 255 || (wire[position + CONTINUATION_OFFSET] & 0xFF) != MORE) {
            return -1; // the common case: not the first fragment of a chain
        }
        Vendor vendor = dictionary.vendor(readInt(wire, position + 2));
        if (vendor == null || !vendor.hasContinuation()) {
            return -1;
        }
        int fragment = position;
        while (true) {
            if (wire.length - fragment < HEADER) {
                return -1;
            }
            int fragmentLength = wire[fragment + 1] & 0xFF;
            if (wire[fragment] != VENDOR_SPECIFIC || fragmentLength < HEADER || fragment + fragmentLength > wire.length
                    || !sameVendorAndType(wire, position, fragment)
                    || (wire[fragment + TYPE_OFFSET + 1] & 0xFF) != fragmentLength - 6) {
                return -1;
            }
            int continuation = wire[fragment + CONTINUATION_OFFSET] & 0xFF;
            if (continuation == MORE && fragmentLength == 255) {
                fragment += fragmentLength;
                continue;
            }
            if (continuation != 0 || fragmentLength == HEADER) {
                return -1; // reserved bits, a short fragment that claims more, or an empty last fragment
            }
            return fragment + fragmentLength - position;
        }
    }

    /** Vendor-Id and vendor type equal: octets 2..6 of both attributes. */
    private static boolean sameVendorAndType(byte[] wire, int first, int fragment) {
        for (int k = 2; k <= TYPE_OFFSET; k++) {
            if (wire[first + k] != wire[fragment + k]) {
                return false;
            }
        }
        return true;
    }

    private static int readInt(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFF) << 24) | ((bytes[offset + 1] & 0xFF) << 16)
                | ((bytes[offset + 2] & 0xFF) << 8) | (bytes[offset + 3] & 0xFF);
    }
}
