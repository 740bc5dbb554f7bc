package org.pirog.radius.codec.packet;

import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.DataType;

/**
 * Whether value octets fit the data type their definition declares. A value that does not fit is not an error in
 * the packet: the attribute is kept raw, as FreeRADIUS does, so that it re-encodes identically.
 */
final class ValueRules {
    private ValueRules() {
    }

    static boolean fits(AttributeDefinition definition, byte[] bytes, int offset, int length) {
        int fixed = definition.fixedLength();
        // A hidden value is padded to a multiple of 16 on the wire (RFC 2865 §5.2): octets[24] encrypt=1
        // (MS-CHAP-MPPE-Keys) travels as 32 octets, so the fixed length applies to the plaintext only.
        if (fixed >= 0 && length != fixed && definition.encryption() == org.pirog.radius.codec.dictionary.Encryption.NONE) {
            return false;
        }
        DataType type = definition.type();
        int element = elementLength(type);
        if (definition.array() && element > 0) {
            return length > 0 && length % element == 0;
        }
        return switch (type) {
            case STRING, OCTETS, ABINARY -> true;
            case IPADDR, INTEGER, DATE, SIGNED -> length == 4;
            case INTEGER64 -> length == 8;
            case BYTE -> length == 1;
            case SHORT -> length == 2;
            case IPV6ADDR -> length == 16;
            case IFID -> length == 8;
            case ETHER -> length == 6;
            case COMBO_IP -> length == 4 || length == 16;
            // RFC 6572 / FreeRADIUS: reserved octet, prefix length, then the address.
            case IPV4PREFIX -> length == 6 && bytes[offset] == 0 && (bytes[offset + 1] & 0xFF) <= 32;
            // RFC 3162 §2.3: reserved octet, prefix length 0..128, then up to 16 prefix octets.
            case IPV6PREFIX -> length >= 2 && length <= 18 && (bytes[offset + 1] & 0xFF) <= 128;
            case TLV -> isTlvSequence(bytes, offset, length);
            case VSA, EXTENDED, LONG_EXTENDED, EVS -> false;
        };
    }

    /** Octets of one element of a fixed-size type, or 0 for a variable-size one. */
    static int elementLength(DataType type) {
        return switch (type) {
            case IPADDR, INTEGER, DATE, SIGNED -> 4;
            case INTEGER64, IFID -> 8;
            case BYTE -> 1;
            case SHORT -> 2;
            case IPV6ADDR -> 16;
            case ETHER -> 6;
            case IPV4PREFIX -> 6;
            default -> 0;
        };
    }

    /** RFC 6929 §2.3: a TLV value is one or more Type, Length (at least 2), Value triples filling it exactly. */
    static boolean isTlvSequence(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int position = offset;
        if (length < 2) {
            return false;
        }
        while (position < end) {
            if (end - position < 2) {
                return false;
            }
            int childLength = bytes[position + 1] & 0xFF;
            if (childLength < 2 || position + childLength > end) {
                return false;
            }
            position += childLength;
        }
        return true;
    }
}
