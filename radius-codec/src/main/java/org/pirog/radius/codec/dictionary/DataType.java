package org.pirog.radius.codec.dictionary;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The data type of an attribute's value, as named in FreeRADIUS 3.x dictionaries, with the on-wire
 * length rules the decoder applies before it trusts a definition (a value of the wrong length is
 * decoded as an unknown octets attribute, as FreeRADIUS does).
 */
public enum DataType {
    /** Text, RFC 2865 §5: 1..253 octets; zero-length values are accepted because NASes send them. */
    STRING(-1, 0, 253),
    OCTETS(-1, 0, 253),
    IPADDR(4, 4, 4),
    /** RFC 6572 §2.4: reserved octet, prefix length, four address octets. */
    IPV4PREFIX(6, 6, 6),
    INTEGER(4, 4, 4),
    INTEGER64(8, 8, 8),
    BYTE(1, 1, 1),
    SHORT(2, 2, 2),
    SIGNED(4, 4, 4),
    DATE(4, 4, 4),
    IPV6ADDR(16, 16, 16),
    /** RFC 3162 §2.3: reserved octet, prefix length, then 0..16 prefix octets. */
    IPV6PREFIX(-1, 2, 18),
    IFID(8, 8, 8),
    ETHER(6, 6, 6),
    /** Either an IPv4 (4 octets) or an IPv6 (16 octets) address. */
    COMBO_IP(-1, 4, 16),
    TLV(-1, 1, 253),
    ABINARY(-1, 1, 253),
    /** RFC 2865 §5.26 Vendor-Specific: a four-octet Vendor-Id, then at least one octet of vendor data. */
    VSA(-1, 5, 253),
    /** RFC 6929 §2.1: the Extended-Type octet, then the value. */
    EXTENDED(-1, 1, 253),
    /** RFC 6929 §2.2: the Extended-Type and flags octets, then the value (fragments concatenated). */
    LONG_EXTENDED(-1, 2, 253),
    /** RFC 6929 §2.4 Extended-Vendor-Specific: four-octet Vendor-Id and one-octet Vendor-Type. */
    EVS(-1, 5, 253);

    private final int fixedLength;
    private final int minLength;
    private final int maxLength;

    DataType(int fixedLength, int minLength, int maxLength) {
        this.fixedLength = fixedLength;
        this.minLength = minLength;
        this.maxLength = maxLength;
    }

    /**
     * The exact value length of a fixed-size type, or -1 for a variable-size type.
     */
    public int fixedLength() {
        return fixedLength;
    }

    /**
     * Whether a value of {@code valueLength} octets (without the attribute header) is well-formed for this
     * type. For the container types (VSA, EXTENDED, LONG_EXTENDED, EVS) this checks only that the
     * container's own header fits; their contents are checked attribute by attribute.
     */
    public boolean isValidLength(int valueLength) {
        if (this == COMBO_IP) {
            return valueLength == 4 || valueLength == 16;
        }
        return valueLength >= minLength && valueLength <= maxLength;
    }

    /** Whether this type holds other attributes rather than a value. */
    public boolean isStructural() {
        return this == TLV || this == VSA || this == EXTENDED || this == LONG_EXTENDED || this == EVS;
    }

    /**
     * The type for a dictionary type name, case-insensitive, including the aliases FreeRADIUS accepts
     * ({@code uint32}, {@code ipv4addr}, {@code combo-ip} ...); {@code null} if it names no type.
     */
    public static @Nullable DataType fromName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "string" -> STRING;
            case "octets" -> OCTETS;
            case "ipaddr", "ipv4addr" -> IPADDR;
            case "ipv4prefix" -> IPV4PREFIX;
            case "integer", "uint32" -> INTEGER;
            case "integer64", "uint64" -> INTEGER64;
            case "byte", "uint8" -> BYTE;
            case "short", "uint16" -> SHORT;
            case "signed", "int32" -> SIGNED;
            case "date" -> DATE;
            case "ipv6addr" -> IPV6ADDR;
            case "ipv6prefix" -> IPV6PREFIX;
            case "ifid" -> IFID;
            case "ether" -> ETHER;
            case "combo-ip", "combo-ipaddr" -> COMBO_IP;
            case "tlv" -> TLV;
            case "abinary" -> ABINARY;
            case "vsa" -> VSA;
            case "extended" -> EXTENDED;
            case "long-extended" -> LONG_EXTENDED;
            case "evs" -> EVS;
            default -> null;
        };
    }

    /** The canonical FreeRADIUS name, for messages and printing. */
    public String dictionaryName() {
        return switch (this) {
            case COMBO_IP -> "combo-ip";
            case LONG_EXTENDED -> "long-extended";
            default -> name().toLowerCase(Locale.ROOT);
        };
    }
}
