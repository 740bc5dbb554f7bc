package org.pirog.radius.codec.dictionary;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A RADIUS dictionary: the attributes, vendors and value names read from FreeRADIUS 3.x dictionary files,
 * so that Pirog understands the attributes operators' existing dictionaries define. Immutable and
 * thread-safe once loaded; the lookups the codec makes per attribute (by name, by vendor and number)
 * are O(1) and allocate nothing.
 *
 * <pre>{@code
 * Dictionary dictionary = Dictionary.load(Path.of("/usr/share/freeradius/dictionary"));
 * AttributeDefinition userName = dictionary.attribute("User-Name");
 * }</pre>
 */
public final class Dictionary {

    /** Class-path location of the dictionary bundled with Pirog. */
    public static final String PIROG_DICTIONARY = "org/pirog/radius/codec/dictionary/pirog/dictionary";

    private static final Object PIROG_LOCK = new Object();
    private static volatile @Nullable Dictionary pirog;

    private final AttributeTable standard;
    private final LongObjectMap<Vendor> vendorsById;
    private final NameMap<Vendor> vendorsByName;
    private final List<Vendor> vendors;
    private final NameMap<AttributeDefinition> names;
    private final List<AttributeDefinition> attributes;

    Dictionary(AttributeTable standard, LongObjectMap<Vendor> vendorsById, NameMap<Vendor> vendorsByName,
            List<Vendor> vendors, NameMap<AttributeDefinition> names, List<AttributeDefinition> attributes) {
        this.standard = standard;
        this.vendorsById = vendorsById;
        this.vendorsByName = vendorsByName;
        this.vendors = Collections.unmodifiableList(vendors);
        this.names = names;
        this.attributes = Collections.unmodifiableList(attributes);
    }

    /** Loads a dictionary file and everything it {@code $INCLUDE}s. */
    public static Dictionary load(Path rootFile) throws DictionaryException {
        return builder().add(rootFile).build();
    }

    /**
     * Loads several root files into one dictionary, in order, e.g. the FreeRADIUS tree followed by a
     * site's own file with pppd's attributes 227 and 228.
     */
    public static Dictionary load(Path... rootFiles) throws DictionaryException {
        Builder builder = builder();
        for (Path rootFile : rootFiles) {
            builder.add(rootFile);
        }
        return builder.build();
    }

    /** Loads a dictionary bundled as a class-path resource; its {@code $INCLUDE}s are sibling resources. */
    public static Dictionary loadResource(String classpathRoot) throws DictionaryException {
        return builder().addResource(classpathRoot).build();
    }

    /**
     * Loads dictionary text; {@code fileName} names it in error messages, and its {@code $INCLUDE}s are
     * resolved on the file system relative to {@code fileName}.
     */
    public static Dictionary load(String fileName, Reader text) throws DictionaryException {
        StringBuilder content = new StringBuilder();
        char[] buffer = new char[8192];
        try {
            for (int n; (n = text.read(buffer)) > 0; ) {
                content.append(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new DictionaryException(List.of(new DictionaryError(fileName, 0, "cannot read: " + e.getMessage())));
        }
        return builder().add(fileName, content.toString()).build();
    }

    /**
     * Pirog's bundled dictionary, loaded on first use and shared.
     *
     * @throws IllegalStateException if the bundled files are missing or broken, which is a packaging error
     */
    public static Dictionary pirog() {
        Dictionary dictionary = pirog;
        if (dictionary == null) {
            synchronized (PIROG_LOCK) {
                dictionary = pirog;
                if (dictionary == null) {
                    dictionary = loadPirog();
                    pirog = dictionary;
                }
            }
        }
        return dictionary;
    }

    private static Dictionary loadPirog() {
        if (Dictionary.class.getClassLoader().getResource(PIROG_DICTIONARY) == null) {
            throw new IllegalStateException("Pirog's bundled dictionary " + PIROG_DICTIONARY
                    + " is not on the class path: radius-codec was packaged without its resources");
        }
        try {
            return loadResource(PIROG_DICTIONARY);
        } catch (DictionaryException e) {
            throw new IllegalStateException("Pirog's bundled dictionary is broken: " + e.getMessage(), e);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The attribute with this name, matched case-insensitively as FreeRADIUS does; allocation-free. */
    public @Nullable AttributeDefinition attribute(CharSequence name) {
        return names.get(name);
    }

    /**
     * The attribute with this number: with {@code vendorId} 0 a standard attribute (RFC 2865 types 1..255,
     * and FreeRADIUS internal ones above), otherwise the classic Vendor-Specific (26) attribute of that
     * vendor. Allocation-free. Children of extended attributes and TLVs are found through
     * {@link AttributeDefinition#child}.
     */
    public @Nullable AttributeDefinition attribute(int vendorId, int number) {
        if (vendorId == 0) {
            return standard.get(number);
        }
        Vendor vendor = vendorsById.get(vendorId & 0xFFFF_FFFFL);
        return vendor == null ? null : vendor.attribute(number);
    }

    public @Nullable Vendor vendor(int id) {
        return vendorsById.get(id & 0xFFFF_FFFFL);
    }

    /** The vendor with this name (or one of its alias names), case-insensitive. */
    public @Nullable Vendor vendor(CharSequence name) {
        return vendorsByName.get(name);
    }

    /**
     * A definition for an attribute the dictionary does not know, or whose value does not fit its
     * definition: type octets, named after its OID as FreeRADIUS does ({@code Attr-77},
     * {@code Attr-26.9999.12}, {@code Attr-241.7}). Not registered; each call returns a new object.
     *
     * @param parent the enclosing extended, Extended-Vendor-Specific or TLV attribute; {@code null} for a
     *        standard attribute or a classic VSA
     * @param vendorId the vendor for a classic VSA or inside an Extended-Vendor-Specific attribute, else 0
     */
    public AttributeDefinition unknown(@Nullable AttributeDefinition parent, int vendorId, int number) {
        Vendor vendor;
        if (parent == null || parent.type() == DataType.EVS) {
            if (parent != null && vendorId == 0) {
                throw new IllegalArgumentException("an attribute inside " + parent.name() + " needs a vendor id");
            }
            vendor = vendorId == 0 ? null : vendorOrUnknown(vendorId);
        } else if (parent.type() == DataType.TLV || parent.type() == DataType.EXTENDED
                || parent.type() == DataType.LONG_EXTENDED) {
            vendor = parent.vendor();
        } else {
            throw new IllegalArgumentException(parent.name() + " of type " + parent.type().dictionaryName()
                    + " cannot contain attributes");
        }
        return new AttributeDefinition(null, number, DataType.OCTETS, vendor, parent, Encryption.NONE,
                AttributeDefinition.UNKNOWN, -1);
    }

    private Vendor vendorOrUnknown(int vendorId) {
        Vendor vendor = vendor(vendorId);
        return vendor != null ? vendor : new Vendor("Vendor-" + Integer.toUnsignedString(vendorId), vendorId, 1, 1, false);
    }

    /** The number of attribute definitions, counting TLV children, extended and EVS attributes. */
    public int attributeCount() {
        return attributes.size();
    }

    /** Every attribute definition, in the order the files define them. */
    public Collection<AttributeDefinition> attributes() {
        return attributes;
    }

    /** Every vendor, in the order the files define them (alias names are not repeated). */
    public Collection<Vendor> vendors() {
        return vendors;
    }

    /**
     * Collects root files and bundled resources to load into one dictionary, in order; later files may
     * use vendors and attributes of earlier ones.
     */
    public static final class Builder {

        private final List<DictionarySource> roots = new ArrayList<>();

        private Builder() {
        }

        public Builder add(Path rootFile) {
            roots.add(new DictionarySource.File(rootFile));
            return this;
        }

        /** Adds a class-path resource, read through the class loader that loaded Pirog. */
        public Builder addResource(String classpathRoot) {
            roots.add(new DictionarySource.Resource(Dictionary.class.getClassLoader(), classpathRoot));
            return this;
        }

        /** Adds dictionary text; {@code $INCLUDE}s resolve on the file system relative to {@code fileName}. */
        public Builder add(String fileName, String text) {
            roots.add(new DictionarySource.Text(fileName, text));
            return this;
        }

        /** Reads every file, then throws all errors found, or returns the dictionary. */
        public Dictionary build() throws DictionaryException {
            DictionaryParser parser = new DictionaryParser();
            for (DictionarySource root : roots) {
                parser.parse(root);
            }
            return parser.finish();
        }
    }
}
