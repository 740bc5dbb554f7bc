package org.pirog.radius.codec.dictionary;

import org.jspecify.annotations.Nullable;

/**
 * A vendor from a {@code VENDOR} line: its IANA Private Enterprise Number, the sizes of the type and
 * length fields of its Vendor-Specific sub-attributes ({@code format=t,l[,c]}, RFC 2865 §5.26 suggests
 * 1,1) and its classic VSA attribute space, searched on the decode path without allocating.
 */
public final class Vendor {

    private final String name;
    private final int id;
    private final int typeLength;
    private final int lengthLength;
    private final boolean continuation;
    private final AttributeTable attributes = new AttributeTable();

    Vendor(String name, int id, int typeLength, int lengthLength, boolean continuation) {
        this.name = name;
        this.id = id;
        this.typeLength = typeLength;
        this.lengthLength = lengthLength;
        this.continuation = continuation;
    }

    public String name() {
        return name;
    }

    /** The Private Enterprise Number sent in the Vendor-Id field. */
    public int id() {
        return id;
    }

    /** Octets of the vendor type field: 1, 2 or 4. */
    public int typeLength() {
        return typeLength;
    }

    /** Octets of the vendor length field: 0 (none, as USR), 1 or 2. */
    public int lengthLength() {
        return lengthLength;
    }

    /**
     * Whether each sub-attribute carries a continuation octet after its length ({@code format=1,1,c}, the
     * WiMAX Forum's way to split values over several VSAs).
     */
    public boolean hasContinuation() {
        return continuation;
    }

    /** The classic VSA (inside attribute 26) with this vendor type, or {@code null} if undefined. */
    public @Nullable AttributeDefinition attribute(int number) {
        return attributes.get(number);
    }

    AttributeTable attributes() {
        return attributes;
    }

    /** The largest vendor type the type field can carry. */
    long maxType() {
        return switch (typeLength) {
            case 1 -> 0xFFL;
            case 2 -> 0xFFFFL;
            default -> 0xFFFF_FFFFL;
        };
    }

    @Override
    public String toString() {
        return name + " (" + id + ", format=" + typeLength + "," + lengthLength + (continuation ? ",c)" : ")");
    }
}
