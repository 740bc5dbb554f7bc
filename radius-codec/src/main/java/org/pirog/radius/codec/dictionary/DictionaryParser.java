package org.pirog.radius.codec.dictionary;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads FreeRADIUS 3.x dictionary files into the tables of a {@link Dictionary}. It keeps going after an
 * error so that one load reports every problem, then {@link #finish()} throws them all at once. Numbers
 * of VALUE lines are resolved at the end, because vendor files name attributes before defining them.
 */
final class DictionaryParser {

    private final List<DictionaryError> errors = new ArrayList<>();
    private final AttributeTable standard = new AttributeTable();
    private final LongObjectMap<Vendor> vendorsById = new LongObjectMap<>(256);
    private final NameMap<Vendor> vendorsByName = new NameMap<>(256);
    private final List<Vendor> vendors = new ArrayList<>();
    private final NameMap<AttributeDefinition> names = new NameMap<>(16384);
    private final List<AttributeDefinition> attributes = new ArrayList<>(10000);
    /** Where each attribute and vendor was defined, for "already defined at" messages. */
    private final Map<Object, String> definedAt = new IdentityHashMap<>();
    /** Names of ATTRIBUTE lines that failed or were skipped, so their VALUEs add no follow-on errors. */
    private final NameMap<String> skipped = new NameMap<>();
    private final List<PendingValue> pendingValues = new ArrayList<>(12000);
    private final List<PendingAlias> pendingAliases = new ArrayList<>();
    private final List<Object> includeStack = new ArrayList<>();
    private final String[] fields = new String[DictionaryLine.MAX_FIELDS];

    // Result of resolve(): where a new attribute goes. Fields rather than a record: one per ATTRIBUTE line.
    private @Nullable AttributeDefinition resolvedParent;
    private @Nullable Vendor resolvedVendor;
    private int resolvedNumber;

    private record PendingValue(String file, int line, String attribute, String name, long number) {
    }

    private record PendingAlias(String file, int line, String attribute, String target) {
    }

    /** The state of one file being read: BEGIN-VENDOR and BEGIN-TLV blocks do not cross file boundaries. */
    private static final class FileState {
        final String file;
        int line;
        @Nullable String blockVendorName;
        @Nullable Vendor blockVendor;
        @Nullable AttributeDefinition blockEvs;
        int blockLine;
        /** Open BEGIN-TLV blocks; a null entry is a block whose BEGIN-TLV failed. */
        final List<@Nullable AttributeDefinition> tlvs = new ArrayList<>();
        final List<String> tlvNames = new ArrayList<>();

        FileState(String file) {
            this.file = file;
        }

        /** Inside a block whose opening line failed: its attributes would land in the wrong space. */
        boolean skipping() {
            return (blockVendorName != null && blockVendor == null) || tlvs.contains(null);
        }
    }

    void parse(DictionarySource source) {
        read(source, null, false);
    }

    private void read(DictionarySource source, @Nullable FileState from, boolean optional) {
        Object identity = source.identity();
        if (includeStack.contains(identity)) {
            error(from, "$INCLUDE loop: " + source.displayName() + " includes itself");
            return;
        }
        includeStack.add(identity);
        try (BufferedReader reader = source.open()) {
            if (reader == null) {
                if (!optional) {
                    if (from == null) {
                        errors.add(new DictionaryError(source.displayName(), 0, "dictionary file not found"));
                    } else {
                        error(from, "cannot open included file " + source.displayName());
                    }
                }
                return;
            }
            FileState file = new FileState(source.displayName());
            String text;
            while ((text = reader.readLine()) != null) {
                file.line++;
                int count = DictionaryLine.split(text, fields);
                if (count > DictionaryLine.MAX_FIELDS) {
                    error(file, "too many fields");
                } else if (count > 0) {
                    line(source, file, count);
                }
            }
            if (file.blockVendorName != null) {
                errors.add(new DictionaryError(file.file, file.blockLine,
                        "BEGIN-VENDOR " + file.blockVendorName + " has no END-VENDOR"));
            }
            for (String tlv : file.tlvNames) {
                error(file, "BEGIN-TLV " + tlv + " has no END-TLV before the end of the file");
            }
        } catch (IOException e) {
            errors.add(new DictionaryError(source.displayName(), 0, "cannot read: " + e.getMessage()));
        } finally {
            includeStack.remove(includeStack.size() - 1);
        }
    }

    private void line(DictionarySource source, FileState file, int count) {
        String keyword = fields[0];
        switch (keyword.toUpperCase(Locale.ROOT)) {
            case "ATTRIBUTE" -> attribute(file, count);
            case "VALUE" -> value(file, count);
            case "VENDOR" -> vendor(file, count);
            case "BEGIN-VENDOR" -> beginVendor(file, count);
            case "END-VENDOR" -> endVendor(file, count);
            case "BEGIN-TLV" -> beginTlv(file, count);
            case "END-TLV" -> endTlv(file, count);
            case "VALUE-ALIAS" -> {
                if (count != 3) {
                    error(file, "VALUE-ALIAS needs an attribute and the attribute whose values it shares");
                } else {
                    pendingAliases.add(new PendingAlias(file.file, file.line, fields[1], fields[2]));
                }
            }
            case "$INCLUDE", "$INCLUDE-" -> {
                if (count != 2) {
                    error(file, keyword + " needs exactly one file name");
                } else {
                    read(source.resolve(fields[1]), file, keyword.length() == 9);
                }
            }
            // FreeRADIUS 4 protocol headers: no meaning for a RADIUS-only dictionary, harmless to skip.
            case "PROTOCOL", "BEGIN-PROTOCOL", "END-PROTOCOL", "FLAGS" -> {
            }
            default -> error(file, "unknown keyword '" + keyword + "'");
        }
    }

    // ATTRIBUTE name number type [flags | vendor]
    private void attribute(FileState file, int count) {
        if (count < 4 || count > 5) {
            error(file, "ATTRIBUTE needs a name, a number, a type and optional flags");
            return;
        }
        String name = fields[1];
        if (file.skipping()) {
            skipped.put(name, name);
            return;
        }
        int errorsBefore = errors.size();
        String typeName = fields[3];
        int fixedLength = -1;
        int bracket = typeName.indexOf('[');
        if (bracket > 0) {
            int close = typeName.length() - 1;
            fixedLength = typeName.charAt(close) == ']'
                    ? (int) DictionaryLine.parseNumber(typeName, bracket + 1, close, 253) : -1;
            typeName = typeName.substring(0, bracket);
            if (fixedLength < 1) {
                error(file, "invalid length in type '" + fields[3] + "' for ATTRIBUTE " + name);
            }
        }
        DataType type = DataType.fromName(typeName);
        if (type == null) {
            error(file, "unknown data type '" + fields[3] + "' for ATTRIBUTE " + name);
        } else if (bracket > 0 && type != DataType.OCTETS) {
            error(file, "only octets can have a fixed length, not '" + fields[3] + "' of ATTRIBUTE " + name);
        }

        int flags = 0;
        Encryption encryption = Encryption.NONE;
        Vendor oldStyleVendor = null;
        if (count == 5) {
            String list = fields[4];
            for (int start = 0; start <= list.length(); ) {
                int comma = list.indexOf(',', start);
                int end = comma < 0 ? list.length() : comma;
                String flag = list.substring(start, end);
                start = end + 1;
                switch (flag) {
                    case "" -> { }
                    case "has_tag", "has_tag=1" -> flags |= AttributeDefinition.HAS_TAG;
                    case "array" -> flags |= AttributeDefinition.ARRAY;
                    case "concat" -> flags |= AttributeDefinition.CONCAT;
                    case "virtual" -> flags |= AttributeDefinition.VIRTUAL;
                    case "secret" -> flags |= AttributeDefinition.SECRET;
                    // Legal in FreeRADIUS dictionaries, no effect on the wire.
                    case "internal" -> { }
                    default -> {
                        if (flag.startsWith("encrypt=")) {
                            long n = DictionaryLine.parseNumber(flag, 8, flag.length(), 3);
                            Encryption e = n < 0 ? null : Encryption.fromFlag((int) n);
                            if (e == null) {
                                error(file, "invalid encryption '" + flag + "' for ATTRIBUTE " + name);
                            } else {
                                encryption = e;
                                // FreeRADIUS treats every hidden value as a secret not to be logged.
                                flags |= e == Encryption.NONE ? 0 : AttributeDefinition.SECRET;
                            }
                        } else if (list.indexOf(',') < 0 && flag.indexOf('=') < 0) {
                            // The pre-BEGIN-VENDOR form: a vendor name in place of the flags.
                            oldStyleVendor = vendorsByName.get(flag);
                            if (oldStyleVendor == null) {
                                error(file, "unknown flag or vendor '" + flag + "' for ATTRIBUTE " + name);
                            } else if (file.blockVendorName != null) {
                                error(file, "vendor " + flag + " given for ATTRIBUTE " + name
                                        + " inside BEGIN-VENDOR " + file.blockVendorName);
                            }
                        } else {
                            error(file, "unknown flag '" + flag + "' for ATTRIBUTE " + name);
                        }
                    }
                }
            }
        }
        if (type != null) {
            checkFlags(file, name, type, flags, encryption);
        }
        if (errors.size() == errorsBefore && resolve(file, fields[2], name, oldStyleVendor)) {
            AttributeDefinition definition = new AttributeDefinition(name, resolvedNumber, type,
                    resolvedVendor, resolvedParent, encryption, flags, fixedLength);
            if (register(file, definition)) {
                return;
            }
        }
        skipped.put(name, name);
    }

    private void checkFlags(FileState file, String name, DataType type, int flags, Encryption encryption) {
        String problem = null;
        if ((flags & AttributeDefinition.HAS_TAG) != 0
                && type != DataType.STRING && type != DataType.OCTETS && type != DataType.INTEGER) {
            problem = "has_tag needs a string, octets or integer type";
        } else if ((flags & AttributeDefinition.CONCAT) != 0 && type != DataType.OCTETS) {
            problem = "concat needs the octets type";
        } else if ((flags & AttributeDefinition.ARRAY) != 0 && type.fixedLength() < 0
                && type != DataType.STRING && type != DataType.OCTETS) {
            problem = "array needs a fixed-size type, string or octets";
        } else if (encryption == Encryption.ASCEND_SECRET && type != DataType.STRING) {
            problem = "encrypt=3 needs the string type";
        } else if (encryption != Encryption.NONE && type.isStructural()) {
            problem = "encrypt cannot apply to a " + type.dictionaryName() + " attribute";
        }
        if (problem != null) {
            error(file, "ATTRIBUTE " + name + ": " + problem);
        }
    }

    private enum Space { STANDARD, VENDOR, EVS, CHILDREN }

    /**
     * Finds where the number of an ATTRIBUTE line places it: a plain number in the space of the enclosing
     * block, a dotted one ({@code 241.1}, {@code 1.3.2}, {@code 26.24757.1}) by walking from that space
     * through each parent. Sets the {@code resolved*} fields; false after reporting an error.
     */
    private boolean resolve(FileState file, String number, String name, @Nullable Vendor oldStyleVendor) {
        Space space;
        AttributeDefinition parent = null;
        Vendor vendor = null;
        if (!file.tlvs.isEmpty()) {
            space = Space.CHILDREN;
            parent = file.tlvs.get(file.tlvs.size() - 1);
            vendor = parent == null ? null : parent.vendor();
        } else if (file.blockEvs != null) {
            space = Space.EVS;
            parent = file.blockEvs;
            vendor = file.blockVendor;
        } else if (file.blockVendor != null || oldStyleVendor != null) {
            space = Space.VENDOR;
            vendor = file.blockVendor != null ? file.blockVendor : oldStyleVendor;
        } else {
            space = Space.STANDARD;
        }
        int length = number.length();
        int start = 0;
        boolean expectVendorId = false;
        while (true) {
            int dot = number.indexOf('.', start);
            int end = dot < 0 ? length : dot;
            long n = DictionaryLine.parseNumber(number, start, end, Integer.MAX_VALUE);
            if (n < 0) {
                error(file, "invalid attribute number '" + number + "' for ATTRIBUTE " + name);
                return false;
            }
            if (expectVendorId) {
                vendor = vendorsById.get(n);
                if (vendor == null) {
                    error(file, "unknown vendor id " + n + " in '" + number + "' for ATTRIBUTE " + name);
                    return false;
                }
                expectVendorId = false;
                if (dot < 0) {
                    error(file, "attribute number missing after the vendor id in '" + number + "'");
                    return false;
                }
                start = dot + 1;
                continue;
            }
            long max = switch (space) {
                case STANDARD -> Integer.MAX_VALUE;
                case VENDOR -> vendor.maxType();
                case EVS, CHILDREN -> 255;
            };
            if (n > max) {
                error(file, "attribute number " + n + " in '" + number + "' is too large (at most " + max
                        + ") for ATTRIBUTE " + name);
                return false;
            }
            if (dot < 0) {
                resolvedParent = parent;
                resolvedVendor = vendor;
                resolvedNumber = (int) n;
                return true;
            }
            AttributeDefinition next = switch (space) {
                case STANDARD -> standard.get((int) n);
                case VENDOR -> vendor.attribute((int) n);
                case EVS -> parent.evsAttribute(vendor.id(), (int) n);
                case CHILDREN -> parent.child((int) n);
            };
            if (next == null) {
                error(file, "parent " + number.substring(0, end) + " of ATTRIBUTE " + name + " is not defined");
                return false;
            }
            parent = next;
            switch (next.type()) {
                case TLV, EXTENDED, LONG_EXTENDED -> {
                    space = Space.CHILDREN;
                    vendor = next.vendor();
                }
                case VSA -> {
                    space = Space.VENDOR;
                    parent = null;
                    expectVendorId = true;
                }
                case EVS -> {
                    space = Space.EVS;
                    expectVendorId = true;
                }
                default -> {
                    error(file, "parent " + next.name() + " of ATTRIBUTE " + name + " is of type "
                            + next.type().dictionaryName() + ", which has no children");
                    return false;
                }
            }
            start = dot + 1;
        }
    }

    /** Adds a new attribute to its number space and to the names; false after reporting a conflict. */
    private boolean register(FileState file, AttributeDefinition definition) {
        DataType type = definition.type();
        AttributeDefinition parent = definition.parent();
        String name = definition.name();
        boolean topLevel = parent == null && definition.vendor() == null;
        if ((type == DataType.EXTENDED || type == DataType.LONG_EXTENDED || type == DataType.VSA) && !topLevel) {
            error(file, "ATTRIBUTE " + name + ": type " + type.dictionaryName()
                    + " is only allowed for standard attributes");
            return false;
        }
        if (type == DataType.EVS && (parent == null
                || (parent.type() != DataType.EXTENDED && parent.type() != DataType.LONG_EXTENDED))) {
            error(file, "ATTRIBUTE " + name + ": type evs is only allowed inside an extended attribute");
            return false;
        }
        if (parent != null && parent.type() == DataType.EVS && definition.vendor() == null) {
            error(file, "ATTRIBUTE " + name + " inside " + parent.name() + " needs a vendor");
            return false;
        }
        AttributeDefinition existing = names.get(name);
        if (existing != null) {
            if (sameDefinition(existing, definition)) {
                return true; // FreeRADIUS accepts identical redefinitions, e.g. a file included twice.
            }
            error(file, "ATTRIBUTE " + name + " (" + definition.oid() + ", " + type.dictionaryName()
                    + ") conflicts with its definition at " + definedAt.get(existing) + " ("
                    + existing.oid() + ", " + existing.type().dictionaryName() + ")");
            return false;
        }
        // Another name for a number already defined is an alias: as in FreeRADIUS, both names parse and
        // the last one defined is the one the number resolves to (dictionary.compat comes first).
        if (parent == null) {
            Vendor vendor = definition.vendor();
            (vendor == null ? standard : vendor.attributes()).put(definition);
        } else if (parent.type() == DataType.EVS) {
            parent.evsTable().put(AttributeDefinition.evsKey(definition.vendorId(), definition.number()), definition);
        } else {
            parent.childTable().put(definition);
        }
        names.put(name, definition);
        attributes.add(definition);
        definedAt.put(definition, file.file + " line " + file.line);
        return true;
    }

    private static boolean sameDefinition(AttributeDefinition a, AttributeDefinition b) {
        return a.number() == b.number() && a.type() == b.type() && a.vendor() == b.vendor()
                && a.parent() == b.parent() && a.flags() == b.flags() && a.encryption() == b.encryption()
                && a.fixedLength() == b.fixedLength();
    }

    // VALUE attribute name number
    private void value(FileState file, int count) {
        if (count != 4) {
            error(file, "VALUE needs an attribute, a name and a number");
            return;
        }
        String number = fields[3];
        boolean negative = number.startsWith("-");
        long n = DictionaryLine.parseNumber(number, negative ? 1 : 0, number.length(), Long.MAX_VALUE);
        if (n < 0) {
            error(file, "invalid number '" + number + "' for VALUE " + fields[1] + " " + fields[2]);
            return;
        }
        pendingValues.add(new PendingValue(file.file, file.line, fields[1], fields[2], negative ? -n : n));
    }

    // VENDOR name id [format=t,l[,c]]
    private void vendor(FileState file, int count) {
        if (count < 3 || count > 4) {
            error(file, "VENDOR needs a name, a number and an optional format");
            return;
        }
        String name = fields[1];
        long id = DictionaryLine.parseNumber(fields[2], 0, fields[2].length(), 0xFF_FFFFL);
        if (id <= 0) {
            // RFC 2865 §5.26: the high-order octet of the Vendor-Id is 0.
            error(file, "invalid vendor id '" + fields[2] + "' for VENDOR " + name + " (1 to 16777215)");
            return;
        }
        int typeLength = 1;
        int lengthLength = 1;
        boolean continuation = false;
        if (count == 4) {
            String format = fields[3];
            boolean ok = format.startsWith("format=") && (format.length() == 10 || format.length() == 12)
                    && format.charAt(8) == ',';
            if (ok) {
                typeLength = format.charAt(7) - '0';
                lengthLength = format.charAt(9) - '0';
                continuation = format.length() == 12;
                ok = (typeLength == 1 || typeLength == 2 || typeLength == 4)
                        && (lengthLength >= 0 && lengthLength <= 2)
                        && (!continuation || (format.charAt(10) == ',' && format.charAt(11) == 'c'));
                if (ok && continuation && (typeLength != 1 || lengthLength != 1)) {
                    error(file, "VENDOR " + name + ": the continuation flag needs format=1,1,c");
                    return;
                }
            }
            if (!ok) {
                error(file, "invalid format '" + format + "' for VENDOR " + name
                        + " (expected format=T,L[,c] with T 1, 2 or 4 and L 0, 1 or 2)");
                return;
            }
        }
        Vendor byName = vendorsByName.get(name);
        Vendor byId = vendorsById.get(id);
        Vendor existing = byName != null ? byName : byId;
        if (existing != null) {
            if (existing.id() != id || existing.typeLength() != typeLength
                    || existing.lengthLength() != lengthLength || existing.hasContinuation() != continuation) {
                error(file, "VENDOR " + name + " (" + id + ") conflicts with VENDOR " + existing
                        + " defined at " + definedAt.get(existing));
            } else if (byName == null) {
                vendorsByName.put(name, existing); // a second name for the same vendor
            }
            return;
        }
        Vendor vendor = new Vendor(name, (int) id, typeLength, lengthLength, continuation);
        vendorsById.put(id, vendor);
        vendorsByName.put(name, vendor);
        vendors.add(vendor);
        definedAt.put(vendor, file.file + " line " + file.line);
    }

    // BEGIN-VENDOR name [format=Extended-Vendor-Specific-N]
    private void beginVendor(FileState file, int count) {
        if (count < 2 || count > 3) {
            error(file, "BEGIN-VENDOR needs a vendor name and an optional format");
            return;
        }
        if (file.blockVendorName != null) {
            error(file, "BEGIN-VENDOR " + fields[1] + " inside BEGIN-VENDOR " + file.blockVendorName
                    + " of line " + file.blockLine);
        }
        file.blockVendorName = fields[1];
        file.blockLine = file.line;
        file.blockEvs = null;
        file.blockVendor = vendorsByName.get(fields[1]);
        if (file.blockVendor == null) {
            error(file, "unknown vendor '" + fields[1] + "' in BEGIN-VENDOR");
            return;
        }
        if (count == 3) {
            String format = fields[2];
            String prefix = "format=Extended-Vendor-Specific-";
            long n = format.startsWith(prefix) ? DictionaryLine.parseNumber(format, prefix.length(), format.length(), 6) : -1;
            AttributeDefinition extended = n >= 1 ? standard.get(240 + (int) n) : null;
            AttributeDefinition evs = extended == null ? null : extended.child(26);
            if (n < 1) {
                error(file, "invalid option '" + format + "' for BEGIN-VENDOR " + fields[1]
                        + " (expected format=Extended-Vendor-Specific-1 to 6)");
                file.blockVendor = null;
            } else if (evs == null || evs.type() != DataType.EVS) {
                error(file, "BEGIN-VENDOR " + fields[1] + ": attribute " + (240 + n)
                        + ".26 of type evs is not defined");
                file.blockVendor = null;
            } else {
                file.blockEvs = evs;
            }
        }
    }

    private void endVendor(FileState file, int count) {
        if (count != 2) {
            error(file, "END-VENDOR needs a vendor name");
            return;
        }
        if (file.blockVendorName == null) {
            error(file, "END-VENDOR " + fields[1] + " without BEGIN-VENDOR");
            return;
        }
        if (!fields[1].equalsIgnoreCase(file.blockVendorName)) {
            error(file, "END-VENDOR " + fields[1] + " does not match BEGIN-VENDOR " + file.blockVendorName
                    + " of line " + file.blockLine);
        }
        file.blockVendorName = null;
        file.blockVendor = null;
        file.blockEvs = null;
    }

    private void beginTlv(FileState file, int count) {
        if (count != 2) {
            error(file, "BEGIN-TLV needs an attribute name");
            return;
        }
        String name = fields[1];
        AttributeDefinition tlv = file.skipping() ? null : names.get(name);
        if (tlv == null) {
            if (!file.skipping() && skipped.get(name) == null) {
                error(file, "unknown attribute '" + name + "' in BEGIN-TLV");
            }
        } else if (tlv.type() != DataType.TLV) {
            error(file, "BEGIN-TLV " + name + ": the attribute is of type " + tlv.type().dictionaryName()
                    + ", not tlv");
            tlv = null;
        }
        file.tlvs.add(tlv);
        file.tlvNames.add(name);
    }

    private void endTlv(FileState file, int count) {
        if (count != 2) {
            error(file, "END-TLV needs an attribute name");
            return;
        }
        int last = file.tlvNames.size() - 1;
        if (last < 0) {
            error(file, "END-TLV " + fields[1] + " without BEGIN-TLV");
            return;
        }
        if (!fields[1].equalsIgnoreCase(file.tlvNames.get(last))) {
            error(file, "END-TLV " + fields[1] + " does not match BEGIN-TLV " + file.tlvNames.get(last));
        }
        file.tlvs.remove(last);
        file.tlvNames.remove(last);
    }

    /** Resolves VALUEs and VALUE-ALIASes, then builds the dictionary or throws every error found. */
    Dictionary finish() throws DictionaryException {
        for (PendingValue pending : pendingValues) {
            addValue(pending);
        }
        for (PendingAlias alias : pendingAliases) {
            AttributeDefinition attribute = names.get(alias.attribute());
            AttributeDefinition target = names.get(alias.target());
            if (attribute == null || target == null) {
                String missing = attribute == null ? alias.attribute() : alias.target();
                errors.add(new DictionaryError(alias.file(), alias.line(),
                        "unknown attribute '" + missing + "' in VALUE-ALIAS"));
                continue;
            }
            for (NamedValue value : target.values()) {
                if (attribute.valueTable().byName(value.name()) == null) {
                    attribute.valueTable().add(value);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new DictionaryException(errors);
        }
        return new Dictionary(standard, vendorsById, vendorsByName, vendors, names, attributes);
    }

    private void addValue(PendingValue pending) {
        AttributeDefinition attribute = names.get(pending.attribute());
        if (attribute == null) {
            if (skipped.get(pending.attribute()) == null) {
                errors.add(new DictionaryError(pending.file(), pending.line(), "VALUE " + pending.name()
                        + " for unknown ATTRIBUTE " + pending.attribute()));
            }
            return;
        }
        long n = pending.number();
        long min = 0;
        long max = switch (attribute.type()) {
            case BYTE -> 0xFFL;
            case SHORT -> 0xFFFFL;
            case INTEGER, DATE -> 0xFFFF_FFFFL;
            case SIGNED -> {
                min = Integer.MIN_VALUE;
                yield Integer.MAX_VALUE;
            }
            case INTEGER64 -> Long.MAX_VALUE;
            // dictionary.cablelabs names the first octets of an octets value; FreeRADIUS accepts that.
            case TLV, VSA, EXTENDED, LONG_EXTENDED, EVS -> -1;
            default -> {
                min = Long.MIN_VALUE;
                yield Long.MAX_VALUE;
            }
        };
        if (max < 0) {
            errors.add(new DictionaryError(pending.file(), pending.line(), "VALUE " + pending.name() + ": ATTRIBUTE "
                    + attribute.name() + " is of type " + attribute.type().dictionaryName() + ", which has no named values"));
            return;
        }
        if (n < min || n > max) {
            errors.add(new DictionaryError(pending.file(), pending.line(), "VALUE " + pending.name() + " " + n
                    + " is out of range for ATTRIBUTE " + attribute.name() + " of type "
                    + attribute.type().dictionaryName()));
            return;
        }
        ValueTable values = attribute.valueTable();
        NamedValue existing = values.byName(pending.name());
        if (existing != null) {
            if (existing.number() != n) {
                errors.add(new DictionaryError(pending.file(), pending.line(), "VALUE " + pending.name()
                        + " of ATTRIBUTE " + attribute.name() + " redefined as " + n + ", was " + existing.number()));
            }
            return; // FreeRADIUS tolerates exact duplicates (dictionary.starent repeats some).
        }
        values.add(new NamedValue(pending.name(), n));
    }

    private void error(@Nullable FileState file, String message) {
        errors.add(file == null ? new DictionaryError("(dictionary)", 0, message)
                : new DictionaryError(file.file, file.line, message));
    }
}
