package org.pirog.radius.codec.dictionary;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One attribute of a {@link Dictionary}: where it sits in the RADIUS attribute tree (standard, classic
 * Vendor-Specific, RFC 6929 extended, Extended-Vendor-Specific or TLV child), its data type, its flags and
 * its {@code VALUE} names. Immutable once its dictionary is built; the lookups the decoder uses
 * ({@link #child}, {@link #evsAttribute}, {@link #valueName}, {@link #valueNumber}) never allocate.
 */
public final class AttributeDefinition {

    static final int HAS_TAG = 1;
    static final int CONCAT = 1 << 1;
    static final int ARRAY = 1 << 2;
    static final int VIRTUAL = 1 << 3;
    static final int SECRET = 1 << 4;
    static final int UNKNOWN = 1 << 5;

    private final String name;
    private final int number;
    private final DataType type;
    private final @Nullable Vendor vendor;
    private final @Nullable AttributeDefinition parent;
    private final Encryption encryption;
    private final int flags;
    private final int fixedLength;
    private final String oid;
    private final @Nullable AttributeTable children;
    private final @Nullable LongObjectMap<AttributeDefinition> evsChildren;
    private final ValueTable values = new ValueTable();

    /** {@code name} null: an unknown attribute, named after its OID as FreeRADIUS does ({@code Attr-26.9.1}). */
    AttributeDefinition(@Nullable String name, int number, DataType type, @Nullable Vendor vendor,
            @Nullable AttributeDefinition parent, Encryption encryption, int flags, int fixedLength) {
        this.oid = oid(number, vendor, parent);
        this.name = name != null ? name : "Attr-" + oid;
        this.number = number;
        this.type = type;
        this.vendor = vendor;
        this.parent = parent;
        this.encryption = encryption;
        this.flags = flags;
        this.fixedLength = fixedLength;
        this.children = type == DataType.TLV || type == DataType.EXTENDED || type == DataType.LONG_EXTENDED
                ? new AttributeTable() : null;
        this.evsChildren = type == DataType.EVS ? new LongObjectMap<>() : null;
    }

    private static String oid(int number, @Nullable Vendor vendor, @Nullable AttributeDefinition parent) {
        String own = Integer.toUnsignedString(number);
        if (parent == null) {
            return vendor == null ? own : "26." + Integer.toUnsignedString(vendor.id()) + "." + own;
        }
        if (parent.type == DataType.EVS && vendor != null) {
            return parent.oid + "." + Integer.toUnsignedString(vendor.id()) + "." + own;
        }
        return parent.oid + "." + own;
    }

    public String name() {
        return name;
    }

    /**
     * The number inside the parent's space: the attribute type for a standard attribute, the vendor type
     * for a VSA, the Extended-Type for an extended attribute, the TLV type for a TLV child.
     */
    public int number() {
        return number;
    }

    public DataType type() {
        return type;
    }

    /** The vendor of a classic VSA, of an Extended-Vendor-Specific attribute, and of their TLV children. */
    public @Nullable Vendor vendor() {
        return vendor;
    }

    /** The vendor's Private Enterprise Number, 0 for a non-vendor attribute. */
    public int vendorId() {
        return vendor == null ? 0 : vendor.id();
    }

    /**
     * The enclosing attribute: the extended attribute (241..246), the Extended-Vendor-Specific attribute
     * or the TLV; {@code null} for standard attributes and for classic VSAs, whose container (26) is
     * implied by {@link #vendor()}.
     */
    public @Nullable AttributeDefinition parent() {
        return parent;
    }

    public Encryption encryption() {
        return encryption;
    }

    /** RFC 2868 §3: the value is preceded by a tag octet (or, for integers, its first octet is the tag). */
    public boolean hasTag() {
        return (flags & HAS_TAG) != 0;
    }

    /** A value longer than 253 octets is split over consecutive attributes (EAP-Message, RFC 3579 §3.1). */
    public boolean concat() {
        return (flags & CONCAT) != 0;
    }

    /** Several fixed-size values packed into one attribute. */
    public boolean array() {
        return (flags & ARRAY) != 0;
    }

    /** Computed by the server, never on the wire. */
    public boolean isVirtual() {
        return (flags & VIRTUAL) != 0;
    }

    /** The value must not be logged. */
    public boolean secret() {
        return (flags & SECRET) != 0;
    }

    /** The exact length of an {@code octets[N]} value, else -1. */
    public int fixedLength() {
        return fixedLength;
    }

    /** Synthesized by {@link Dictionary#unknown} for an attribute the dictionary does not define. */
    public boolean isUnknown() {
        return (flags & UNKNOWN) != 0;
    }

    /** The dotted path of numbers from the packet down, e.g. {@code 26.311.11}, {@code 241.1}. */
    public String oid() {
        return oid;
    }

    /** The child with this number of an EXTENDED, LONG_EXTENDED or TLV attribute, else {@code null}. */
    public @Nullable AttributeDefinition child(int number) {
        AttributeTable table = children;
        return table == null ? null : table.get(number);
    }

    /** The attribute of that vendor and vendor type inside this Extended-Vendor-Specific attribute. */
    public @Nullable AttributeDefinition evsAttribute(int vendorId, int number) {
        LongObjectMap<AttributeDefinition> map = evsChildren;
        return map == null ? null : map.get(evsKey(vendorId, number));
    }

    /** The name a {@code VALUE} line gives this number (the last one defined), else {@code null}. */
    public @Nullable String valueName(long value) {
        NamedValue named = values.byNumber(value);
        return named == null ? null : named.name();
    }

    /** The number of the {@code VALUE} with this name, case-insensitive, else {@code absent}. */
    public long valueNumber(CharSequence valueName, long absent) {
        NamedValue named = values.byName(valueName);
        return named == null ? absent : named.number();
    }

    public int valueCount() {
        return values.size();
    }

    /** The {@code VALUE}s in definition order, for printing and configuration checks. */
    public List<NamedValue> values() {
        return values.list();
    }

    @Override
    public String toString() {
        return name + " (" + oid + ", " + type.dictionaryName() + ")";
    }

    static long evsKey(int vendorId, int number) {
        return ((long) vendorId << 32) | (number & 0xFFFF_FFFFL);
    }

    int flags() {
        return flags;
    }

    @Nullable AttributeTable childTable() {
        return children;
    }

    @Nullable LongObjectMap<AttributeDefinition> evsTable() {
        return evsChildren;
    }

    ValueTable valueTable() {
        return values;
    }
}
