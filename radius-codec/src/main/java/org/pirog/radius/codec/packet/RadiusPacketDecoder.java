package org.pirog.radius.codec.packet;

import static org.pirog.radius.codec.packet.AttributeIndex.CONTINUES_VSA;
import static org.pirog.radius.codec.packet.AttributeIndex.HAS_TAG;
import static org.pirog.radius.codec.packet.AttributeIndex.JOINED;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.FastThreadLocal;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.DataType;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.dictionary.Encryption;
import org.pirog.radius.codec.dictionary.Vendor;

/**
 * Decodes RADIUS packets from datagrams or stream frames: shared by every transport, holds no per-packet state,
 * safe for any number of threads. Structure is checked strictly (RFC 2865 §3, §5): a packet that breaks it raises
 * {@link MalformedPacketException} and nothing else. Content that merely does not match the dictionary (an unknown
 * attribute or vendor, a value of the wrong size, a broken Vendor-Specific or extended attribute) is kept raw so
 * that it re-encodes identically, as FreeRADIUS keeps it.
 */
public final class RadiusPacketDecoder {
    /** FreeRADIUS's {@code max_attributes} default. */
    public static final int DEFAULT_MAX_ATTRIBUTES = 200;

    private static final int VENDOR_SPECIFIC = 26;
    private static final int EVS_HEADER = 5;
    private static final FastThreadLocal<AttributeList> SCRATCH = new FastThreadLocal<>() {
        @Override
        protected AttributeList initialValue() {
            return new AttributeList();
        }
    };

    private final Dictionary dictionary;
    private final int maxAttributes;
    /** Definition per standard type, a synthesized raw one where the dictionary has none: no lookup per packet. */
    private final AttributeDefinition[] standard = new AttributeDefinition[256];
    private final AttributeDefinition[] rawStandard = new AttributeDefinition[256];

    public RadiusPacketDecoder(Dictionary dictionary) {
        this(dictionary, DEFAULT_MAX_ATTRIBUTES);
    }

    public RadiusPacketDecoder(Dictionary dictionary, int maxAttributes) {
        if (maxAttributes < 1) {
            throw new IllegalArgumentException("maxAttributes must be positive, not " + maxAttributes);
        }
        this.dictionary = dictionary;
        this.maxAttributes = maxAttributes;
        for (int type = 0; type < 256; type++) {
            rawStandard[type] = dictionary.unknown(null, 0, type);
            AttributeDefinition known = dictionary.attribute(0, type);
            standard[type] = known != null ? known : rawStandard[type];
        }
    }

    public Dictionary dictionary() {
        return dictionary;
    }

    /** Decodes the readable bytes of {@code datagram} without moving its reader index. */
    public RadiusPacket decode(ByteBuf datagram) throws MalformedPacketException {
        int start = datagram.readerIndex();
        int available = datagram.readableBytes();
        int length = checkHeader(available, available >= 4 ? datagram.getUnsignedShort(start + 2) : 0);
        byte[] wire = new byte[length];
        datagram.getBytes(start, wire);
        return decodeOwned(wire);
    }

    /** Decodes {@code length} octets of {@code datagram} from {@code offset}; the array is not kept. */
    public RadiusPacket decode(byte[] datagram, int offset, int length) throws MalformedPacketException {
        int declared = length >= 4 ? ((datagram[offset + 2] & 0xFF) << 8) | (datagram[offset + 3] & 0xFF) : 0;
        int packetLength = checkHeader(length, declared);
        byte[] wire = new byte[packetLength];
        System.arraycopy(datagram, offset, wire, 0, packetLength);
        return decodeOwned(wire);
    }

    public RadiusPacket decode(byte[] datagram) throws MalformedPacketException {
        return decode(datagram, 0, datagram.length);
    }

    /**
     * RFC 2865 §3: the Length field is 20..4096 and no larger than what arrived; octets past it are padding and
     * are ignored.
     */
    private static int checkHeader(int available, int declared) throws MalformedPacketException {
        if (available < RadiusPacket.MIN_LENGTH) {
            throw new MalformedPacketException("header", 0,
                    available + " octets are fewer than the 20-octet RADIUS header");
        }
        if (declared < RadiusPacket.MIN_LENGTH || declared > RadiusPacket.MAX_LENGTH) {
            throw new MalformedPacketException("Length", 2, "Length " + declared + " is outside 20..4096");
        }
        if (declared > available) {
            throw new MalformedPacketException("Length", 2,
                    "Length " + declared + " exceeds the " + available + " octets received");
        }
        return declared;
    }

    private RadiusPacket decodeOwned(byte[] wire) throws MalformedPacketException {
        AttributeList list = SCRATCH.get();
        list.clear();
        try {
            int position = RadiusPacket.HEADER_LENGTH;
            while (position < wire.length) {
                checkAttributeBounds(wire, position);
                int type = wire[position] & 0xFF;
                int length = wire[position + 1] & 0xFF;
                if (type == VENDOR_SPECIFIC) {
                    position += decodeVendorSpecific(wire, position, length, list);
                } else if (isExtendedParent(standard[type])) {
                    position += decodeExtended(wire, position, length, standard[type], list);
                } else {
                    addTyped(list, standard[type], wire, position + 2, length - 2, 0);
                    position += length;
                }
                if (list.count() > maxAttributes) {
                    throw new MalformedPacketException("attributes", position,
                            "more than " + maxAttributes + " attributes");
                }
            }
            return new RadiusPacket(dictionary, wire, list.copyIndex(), list.copyDefinitions(), list.copyJoined());
        } finally {
            list.clear();
        }
    }

    /** RFC 2865 §5: every attribute has a Length of at least 2 that stays inside the packet. */
    private static void checkAttributeBounds(byte[] wire, int position) throws MalformedPacketException {
        if (wire.length - position < 2) {
            throw new MalformedPacketException("attribute header", position,
                    "a single trailing octet where an attribute needs at least 2");
        }
        int type = wire[position] & 0xFF;
        int length = wire[position + 1] & 0xFF;
        if (length < 2) {
            throw new MalformedPacketException("attribute length", position + 1,
                    "attribute " + type + " has Length " + length + ", below the minimum of 2");
        }
        if (position + length > wire.length) {
            throw new MalformedPacketException("attribute length", position + 1, "attribute " + type
                    + " has Length " + length + " and overruns the packet end at " + wire.length);
        }
    }

    private static boolean isExtendedParent(AttributeDefinition definition) {
        DataType type = definition.type();
        return (type == DataType.EXTENDED || type == DataType.LONG_EXTENDED) && !definition.isUnknown();
    }

    /**
     * RFC 2865 §5.26 and the vendor formats FreeRADIUS knows (type octets 1, 2 or 4; length octets 0, 1 or 2;
     * WiMAX's continuation octet). A Vendor-Specific attribute whose sub-attributes do not fit exactly is kept raw.
     * Returns the octets consumed: more than this attribute when it starts a WiMAX continuation chain.
     */
    private int decodeVendorSpecific(byte[] wire, int position, int length, AttributeList list) {
        int chain = WimaxContinuation.chainLength(dictionary, wire, position);
        if (chain > 0) {
            return decodeWimaxChain(wire, position, chain, list);
        }
        int mark = list.count();
        if (!decodeVendorAttributes(wire, position, length, list)) {
            list.truncate(mark);
            list.add(rawStandard[VENDOR_SPECIFIC], position + 2, length - 2, 0);
        }
        return length;
    }

    /** Joins the values of a WiMAX continuation chain into one attribute (see {@link WimaxContinuation}). */
    private int decodeWimaxChain(byte[] wire, int position, int chain, AttributeList list) {
        int vendorId = readInt(wire, position + 2);
        int type = wire[position + WimaxContinuation.TYPE_OFFSET] & 0xFF;
        Vendor vendor = dictionary.vendor(vendorId);
        AttributeDefinition definition = vendor != null ? vendor.attribute(type) : null;
        if (definition == null) {
            definition = dictionary.unknown(null, vendorId, type);
        }
        int start = list.joinedLength();
        for (int fragment = position; fragment < position + chain; fragment += wire[fragment + 1] & 0xFF) {
            list.appendJoined(wire, fragment + WimaxContinuation.HEADER,
                    (wire[fragment + 1] & 0xFF) - WimaxContinuation.HEADER);
        }
        addJoined(list, definition, start, list.joinedLength() - start);
        return chain;
    }

    private boolean decodeVendorAttributes(byte[] wire, int position, int length, AttributeList list) {
        if (length < 2 + 4 + 1) {
            return false;
        }
        int vendorId = readInt(wire, position + 2);
        if (vendorId == 0) {
            return false; // no vendor has SMI number 0: not a vendor attribute we could name
        }
        Vendor vendor = dictionary.vendor(vendorId);
        int typeLength = vendor != null ? vendor.typeLength() : 1;
        int lengthLength = vendor != null ? vendor.lengthLength() : 1;
        int header = typeLength + lengthLength + (vendor != null && vendor.hasContinuation() ? 1 : 0);
        int end = position + length;
        int sub = position + 6;
        int flags = 0;
        while (sub < end) {
            if (end - sub < header) {
                return false;
            }
            int type = readUnsigned(wire, sub, typeLength);
            int subLength = lengthLength == 0 ? end - sub : readUnsigned(wire, sub + typeLength, lengthLength);
            if (subLength < header || sub + subLength > end) {
                return false;
            }
            // WiMAX (format=1,1,c): a chain that joins was taken before; any other nonzero continuation octet
            // keeps the whole Vendor-Specific attribute raw rather than being re-encoded as zero.
            if (header > typeLength + lengthLength && wire[sub + typeLength + lengthLength] != 0) {
                return false;
            }
            AttributeDefinition definition = vendor != null ? vendor.attribute(type) : null;
            if (definition == null) {
                definition = dictionary.unknown(null, vendorId, type);
            }
            addTyped(list, definition, wire, sub + header, subLength - header, flags);
            flags = CONTINUES_VSA;
            sub += subLength;
        }
        return true;
    }

    /**
     * RFC 6929 §2: Extended-Type, the More flag of long-extended attributes, and Extended-Vendor-Specific. A
     * fragmented long-extended value is joined when every fragment but the last fills its attribute (§3.1), so it
     * re-encodes to the same fragments; any other shape is kept raw. Returns the octets consumed.
     */
    private int decodeExtended(byte[] wire, int position, int length, AttributeDefinition parent,
            AttributeList list) {
        boolean isLong = parent.type() == DataType.LONG_EXTENDED;
        int header = isLong ? 4 : 3;
        int type = wire[position] & 0xFF;
        if (length < header || isLong && (wire[position + 3] & 0x7F) != 0) {
            return addRaw(list, type, position, length);
        }
        AttributeDefinition definition = extendedDefinition(wire, position, length, header, parent);
        if (definition == null) {
            return addRaw(list, type, position, length);
        }
        if (definition.parent() != parent) {
            header += EVS_HEADER;
        }
        if (!isLong || (wire[position + 3] & 0x80) == 0) {
            addTyped(list, definition, wire, position + header, length - header, 0);
            return length;
        }
        int consumed = fragmentChainLength(wire, position, header);
        if (consumed < 0) {
            return addRaw(list, type, position, length);
        }
        int start = list.joinedLength();
        for (int fragment = position; fragment < position + consumed; fragment += wire[fragment + 1] & 0xFF) {
            list.appendJoined(wire, fragment + header, (wire[fragment + 1] & 0xFF) - header);
        }
        addJoined(list, definition, start, list.joinedLength() - start);
        return consumed;
    }

    private @Nullable AttributeDefinition extendedDefinition(byte[] wire, int position, int length, int header,
            AttributeDefinition parent) {
        int extendedType = wire[position + 2] & 0xFF;
        AttributeDefinition child = parent.child(extendedType);
        if (child == null) {
            return dictionary.unknown(parent, 0, extendedType);
        }
        if (child.type() != DataType.EVS) {
            return child;
        }
        if (length < header + EVS_HEADER) {
            return null;
        }
        int vendorId = readInt(wire, position + header);
        if (vendorId == 0) {
            return null;
        }
        int vendorType = wire[position + header + 4] & 0xFF;
        AttributeDefinition vendorAttribute = child.evsAttribute(vendorId, vendorType);
        return vendorAttribute != null ? vendorAttribute : dictionary.unknown(child, vendorId, vendorType);
    }

    /**
     * Length of a canonical fragment chain starting at {@code position}: attributes repeating the same header
     * octets (type, extended type and, for EVS, vendor and vendor type), each full (Length 255) while More is
     * set, the last with More clear. Returns -1 for any other shape.
     */
    private static int fragmentChainLength(byte[] wire, int position, int header) {
        int fragment = position;
        while (true) {
            if (wire.length - fragment < header || (wire[fragment + 1] & 0xFF) < header) {
                return -1;
            }
            int length = wire[fragment + 1] & 0xFF;
            if (fragment + length > wire.length || !sameFragmentHeader(wire, position, fragment, header)) {
                return -1;
            }
            boolean more = (wire[fragment + 3] & 0x80) != 0;
            if ((wire[fragment + 3] & 0x7F) != 0 || more && length != 255) {
                return -1;
            }
            if (!more && fragment != position && length == header) {
                return -1; // an empty last fragment: the encoder would not have sent it
            }
            fragment += length;
            if (!more) {
                return fragment - position;
            }
        }
    }

    private static boolean sameFragmentHeader(byte[] wire, int first, int fragment, int header) {
        if (wire[first] != wire[fragment] || wire[first + 2] != wire[fragment + 2]) {
            return false;
        }
        for (int k = 4; k < header; k++) {
            if (wire[first + k] != wire[fragment + k]) {
                return false;
            }
        }
        return true;
    }

    private int addRaw(AttributeList list, int type, int position, int length) {
        list.add(rawStandard[type], position + 2, length - 2, 0);
        return length;
    }

    private void addJoined(AttributeList list, AttributeDefinition definition, int start, int length) {
        // Joined values are checked against their type like any other; the side buffer is what holds them.
        AttributeDefinition checked = definition;
        if (!definition.isUnknown() && (ValueRules.elementLength(definition.type()) > 0
                || !ValueRules.fits(definition, list.joinedBuffer(), start, length))) {
            checked = dictionary.unknown(definition.parent(), definition.vendorId(), definition.number());
        }
        list.add(checked, start, length, JOINED);
    }

    /**
     * Adds one attribute, splitting off its RFC 2868 tag and falling back to a raw definition when the value
     * does not fit the declared type.
     */
    private void addTyped(AttributeList list, AttributeDefinition definition, byte[] wire, int offset, int length,
            int flags) {
        if (definition.hasTag() && !definition.isUnknown()) {
            if (definition.type() == DataType.INTEGER && length == 4) {
                // RFC 2868 §3.1: the tag replaces the integer's first octet.
                list.add(definition, offset + 1, 3, flags | HAS_TAG | (wire[offset] & 0xFF));
                return;
            }
            boolean alwaysTagged = definition.encryption() == Encryption.TUNNEL_PASSWORD;
            // RFC 2868 §3: a text value's first octet is a tag only when it is 0x00..0x1F.
            if (length >= 1 && definition.type() != DataType.INTEGER
                    && (alwaysTagged || (wire[offset] & 0xFF) <= 0x1F)) {
                list.add(definition, offset + 1, length - 1, flags | HAS_TAG | (wire[offset] & 0xFF));
                return;
            }
            if (alwaysTagged || definition.type() == DataType.INTEGER) {
                list.add(rawOf(definition), offset, length, flags);
                return;
            }
        }
        if (definition.isUnknown() || ValueRules.fits(definition, wire, offset, length)) {
            list.add(definition, offset, length, flags);
        } else {
            list.add(rawOf(definition), offset, length, flags);
        }
    }

    private AttributeDefinition rawOf(AttributeDefinition definition) {
        AttributeDefinition parent = definition.parent();
        if (parent == null && definition.vendorId() == 0) {
            return rawStandard[definition.number()];
        }
        return dictionary.unknown(parent, definition.vendorId(), definition.number());
    }

    private static int readInt(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFF) << 24) | ((bytes[offset + 1] & 0xFF) << 16)
                | ((bytes[offset + 2] & 0xFF) << 8) | (bytes[offset + 3] & 0xFF);
    }

    private static int readUnsigned(byte[] bytes, int offset, int length) {
        int value = 0;
        for (int k = 0; k < length; k++) {
            value = (value << 8) | (bytes[offset + k] & 0xFF);
        }
        return value;
    }
}
