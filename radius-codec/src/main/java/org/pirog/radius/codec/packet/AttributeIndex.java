package org.pirog.radius.codec.packet;

/**
 * Layout of the per-attribute index a packet keeps beside its bytes: three ints per attribute, so that reading an
 * attribute needs no object. The definition of attribute {@code i} is kept in a parallel array.
 */
final class AttributeIndex {
    static final int STRIDE = 3;
    static final int OFFSET = 0;
    static final int LENGTH = 1;
    static final int FLAGS = 2;

    /** Low octet of FLAGS: the RFC 2868 tag, meaningful when {@link #HAS_TAG} is set. */
    static final int TAG_MASK = 0xFF;
    static final int HAS_TAG = 1 << 8;
    /** The value lives in the packet's side buffer of joined fragments, not in its wire bytes. */
    static final int JOINED = 1 << 9;
    /** This vendor attribute shared one Vendor-Specific attribute with the one before it (RFC 2865 §5.26). */
    static final int CONTINUES_VSA = 1 << 10;

    private AttributeIndex() {
    }
}
