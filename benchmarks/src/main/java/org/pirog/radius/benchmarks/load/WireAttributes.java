package org.pirog.radius.benchmarks.load;

/**
 * Finds attributes in raw RADIUS octets without decoding the packet: the generator patches precomputed requests
 * and checks replies at this level, so that a reply costs its crypto and little else.
 */
final class WireAttributes {
    static final int VENDOR_SPECIFIC = 26;
    static final int MESSAGE_AUTHENTICATOR = 80;
    static final int MICROSOFT = 311;
    /** The walk found an attribute that overruns the packet (RFC 2865 §5). */
    static final int MALFORMED = -2;

    private WireAttributes() {
    }

    /** Offset of the value of the first standard attribute {@code type}, -1 if absent, {@link #MALFORMED}. */
    static int valueOffset(byte[] packet, int length, int type) {
        int position = 20;
        while (position < length) {
            int attributeLength = checkedLength(packet, length, position);
            if (attributeLength < 0) {
                return MALFORMED;
            }
            if ((packet[position] & 0xFF) == type) {
                return position + 2;
            }
            position += attributeLength;
        }
        return -1;
    }

    /**
     * Offset of the value of the first vendor attribute {@code vendor}/{@code type} in the RFC 2865 §5.26 format
     * (one octet type and length), -1 if absent, {@link #MALFORMED}. Its length is {@code packet[offset - 1] - 2}.
     */
    static int vendorValueOffset(byte[] packet, int length, int vendor, int type) {
        int position = 20;
        while (position < length) {
            int attributeLength = checkedLength(packet, length, position);
            if (attributeLength < 0) {
                return MALFORMED;
            }
            if ((packet[position] & 0xFF) == VENDOR_SPECIFIC && attributeLength > 8 && readInt(packet, position + 2)
                    == vendor) {
                int sub = position + 6;
                int end = position + attributeLength;
                while (sub + 2 <= end) {
                    int subLength = packet[sub + 1] & 0xFF;
                    if (subLength < 2 || sub + subLength > end) {
                        return MALFORMED;
                    }
                    if ((packet[sub] & 0xFF) == type) {
                        return sub + 2;
                    }
                    sub += subLength;
                }
            }
            position += attributeLength;
        }
        return -1;
    }

    static int readInt(byte[] octets, int offset) {
        return ((octets[offset] & 0xFF) << 24) | ((octets[offset + 1] & 0xFF) << 16)
                | ((octets[offset + 2] & 0xFF) << 8) | (octets[offset + 3] & 0xFF);
    }

    static void writeInt(byte[] octets, int offset, int value) {
        octets[offset] = (byte) (value >>> 24);
        octets[offset + 1] = (byte) (value >>> 16);
        octets[offset + 2] = (byte) (value >>> 8);
        octets[offset + 3] = (byte) value;
    }

    private static int checkedLength(byte[] packet, int length, int position) {
        if (length - position < 2) {
            return -1;
        }
        int attributeLength = packet[position + 1] & 0xFF;
        return attributeLength < 2 || position + attributeLength > length ? -1 : attributeLength;
    }
}
