package org.pirog.radius.codec.packet;

import java.util.Arrays;
import java.util.HexFormat;
import org.pirog.radius.codec.dictionary.AttributeDefinition;

/**
 * One attribute of a packet as a value: what it is, its RFC 2868 tag, and its value octets as they are on the wire
 * (a hidden attribute such as User-Password keeps its hidden form). Attributes the dictionary does not know, or
 * whose value does not fit their type, carry an {@linkplain AttributeDefinition#isUnknown() unknown} definition
 * and their raw octets, so that they re-encode identically.
 *
 * <p>This is the convenient, allocating view; the hot path reads {@link RadiusPacket} by index instead.
 */
public final class RadiusAttribute {
    /** Tag value of an attribute that carries no tag. */
    public static final int NO_TAG = -1;

    private final AttributeDefinition definition;
    private final int tag;
    private final byte[] value;
    private final boolean continuesVendorSpecific;

    private RadiusAttribute(AttributeDefinition definition, int tag, byte[] value, boolean continuesVendorSpecific) {
        if (tag < NO_TAG || tag > 0xFF) {
            throw new IllegalArgumentException("tag " + tag + " is not an octet");
        }
        this.definition = definition;
        this.tag = tag;
        this.value = value;
        this.continuesVendorSpecific = continuesVendorSpecific;
    }

    public static RadiusAttribute of(AttributeDefinition definition, byte[] value) {
        return new RadiusAttribute(definition, NO_TAG, value.clone(), false);
    }

    public static RadiusAttribute of(AttributeDefinition definition, int tag, byte[] value) {
        return new RadiusAttribute(definition, tag, value.clone(), false);
    }

    static RadiusAttribute owning(AttributeDefinition definition, int tag, byte[] value, boolean continuesVsa) {
        return new RadiusAttribute(definition, tag, value, continuesVsa);
    }

    public AttributeDefinition definition() {
        return definition;
    }

    /** The RFC 2868 tag, or {@link #NO_TAG}. */
    public int tag() {
        return tag;
    }

    public boolean hasTag() {
        return tag != NO_TAG;
    }

    /** A copy of the value octets (after the tag, if any). */
    public byte[] value() {
        return value.clone();
    }

    public int valueLength() {
        return value.length;
    }

    /**
     * True when this vendor attribute arrived inside the same Vendor-Specific attribute as the one before it
     * (RFC 2865 §5.26 allows several). Kept so that a relayed packet re-encodes to the same octets.
     */
    public boolean continuesVendorSpecific() {
        return continuesVendorSpecific;
    }

    public RadiusAttribute withValue(byte[] newValue) {
        return new RadiusAttribute(definition, tag, newValue.clone(), continuesVendorSpecific);
    }

    public RadiusAttribute withTag(int newTag) {
        return new RadiusAttribute(definition, newTag, value, continuesVendorSpecific);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RadiusAttribute that
                && definition.equals(that.definition)
                && tag == that.tag
                && continuesVendorSpecific == that.continuesVendorSpecific
                && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return (definition.hashCode() * 31 + tag) * 31 + Arrays.hashCode(value);
    }

    /** Name and hex value; never a cleartext secret, as hidden attributes stay hidden. */
    @Override
    public String toString() {
        String shown = definition.secret() ? "<secret>" : "0x" + HexFormat.of().formatHex(value);
        return hasTag() ? definition.name() + ":" + tag + " = " + shown : definition.name() + " = " + shown;
    }
}
