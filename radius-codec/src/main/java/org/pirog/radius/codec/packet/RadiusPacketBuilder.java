package org.pirog.radius.codec.packet;

import static org.pirog.radius.codec.packet.AttributeIndex.CONTINUES_VSA;
import static org.pirog.radius.codec.packet.AttributeIndex.HAS_TAG;
import static org.pirog.radius.codec.packet.AttributeIndex.JOINED;

import io.netty.util.concurrent.FastThreadLocal;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.crypto.AscendSecretCipher;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.crypto.TunnelPasswordCipher;
import org.pirog.radius.codec.crypto.UserPasswordCipher;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.DataType;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.dictionary.Vendor;

/**
 * Builds a {@link RadiusPacket}, writing each attribute in its wire form as it is added: standard attributes,
 * Vendor-Specific ones in their vendor's format (a long WiMAX value split over continued ones), RFC 6929
 * extended, long-extended (fragmented at 251 octets) and Extended-Vendor-Specific ones, RFC 2868 tags, and
 * {@code concat} attributes such as EAP-Message split at 253 octets. Not thread-safe; a builder may be reused
 * after {@link #build()}.
 */
public final class RadiusPacketBuilder {
    private static final int MAX_VALUE = 253;
    private static final int VENDOR_SPECIFIC = 26;
    private static final FastThreadLocal<SecureRandom> RANDOM = new FastThreadLocal<>() {
        @Override
        protected SecureRandom initialValue() {
            return new SecureRandom();
        }
    };

    private final Dictionary dictionary;
    private final PacketCode code;
    private int identifier;
    private final byte[] authenticator = new byte[RadiusPacket.AUTHENTICATOR_LENGTH];
    private byte[] wire = new byte[256];
    private int length = RadiusPacket.HEADER_LENGTH;
    private final AttributeList list = new AttributeList();
    /** Where the last Vendor-Specific attribute began, while it is the last attribute written; else -1. */
    private int openVendorSpecific = -1;
    /** Low 15 bits of the last Salt used, or -1 before the first salted attribute. */
    private int salt = -1;

    RadiusPacketBuilder(Dictionary dictionary, PacketCode code, int identifier, byte @Nullable [] requestAuth) {
        this.dictionary = dictionary;
        this.code = code;
        identifier(identifier);
        if (requestAuth != null) {
            System.arraycopy(requestAuth, 0, authenticator, 0, authenticator.length);
        } else if (code.kind() == PacketCode.Kind.REQUEST_RANDOM) {
            // RFC 2865 §3: the Request Authenticator must be unpredictable.
            RANDOM.get().nextBytes(authenticator);
        }
    }

    public RadiusPacketBuilder identifier(int newIdentifier) {
        if (newIdentifier < 0 || newIdentifier > 255) {
            throw new IllegalArgumentException("identifier " + newIdentifier + " is not an octet");
        }
        identifier = newIdentifier;
        return this;
    }

    /** Sets the Authenticator field (see {@link RadiusPacketEncoder} for what it holds before signing). */
    public RadiusPacketBuilder authenticator(byte[] value) {
        if (value.length != authenticator.length) {
            throw new IllegalArgumentException("an authenticator has 16 octets, not " + value.length);
        }
        System.arraycopy(value, 0, authenticator, 0, authenticator.length);
        return this;
    }

    /** The current Authenticator field: the key for hiding attributes in this packet. */
    public byte[] authenticator() {
        return authenticator.clone();
    }

    public Dictionary dictionary() {
        return dictionary;
    }

    /** Adds an attribute value as it is, keeping its tag and its place in a shared Vendor-Specific attribute. */
    public RadiusPacketBuilder add(RadiusAttribute attribute) {
        byte[] value = attribute.value();
        write(attribute.definition(), attribute.tag(), value, 0, value.length, attribute.continuesVendorSpecific());
        return this;
    }

    public RadiusPacketBuilder add(AttributeDefinition definition, byte[] value) {
        write(definition, RadiusAttribute.NO_TAG, value, 0, value.length, false);
        return this;
    }

    public RadiusPacketBuilder add(AttributeDefinition definition, byte[] value, int offset, int valueLength) {
        write(definition, RadiusAttribute.NO_TAG, value, offset, valueLength, false);
        return this;
    }

    public RadiusPacketBuilder add(AttributeDefinition definition, int tag, byte[] value) {
        write(definition, tag, value, 0, value.length, false);
        return this;
    }

    /** Adds an attribute named in the dictionary; an unknown name is a programming error. */
    public RadiusPacketBuilder add(String name, byte[] value) {
        return add(definitionNamed(name), value);
    }

    public RadiusPacketBuilder addString(AttributeDefinition definition, String text) {
        return add(definition, text.getBytes(StandardCharsets.UTF_8));
    }

    public RadiusPacketBuilder addString(String name, String text) {
        return addString(definitionNamed(name), text);
    }

    /** Adds a number in the width its type has: byte, short, integer, date, signed, integer64. */
    public RadiusPacketBuilder addNumber(AttributeDefinition definition, long value) {
        return addNumber(definition, RadiusAttribute.NO_TAG, value);
    }

    /** Adds a number with an RFC 2868 tag; a tagged integer keeps 24 bits (RFC 2868 §3.1). */
    public RadiusPacketBuilder addNumber(AttributeDefinition definition, int tag, long value) {
        int width = ValueRules.elementLength(definition.type());
        if (width == 0 || definition.type() == DataType.IPADDR || definition.type() == DataType.IPV4PREFIX) {
            throw new IllegalArgumentException(definition.name() + " of type " + definition.type() + " is no number");
        }
        if (tag != RadiusAttribute.NO_TAG && definition.type() == DataType.INTEGER) {
            width = 3;
        }
        byte[] octets = new byte[width];
        for (int k = width - 1; k >= 0; k--) {
            octets[k] = (byte) value;
            value >>>= 8;
        }
        write(definition, tag, octets, 0, width, false);
        return this;
    }

    public RadiusPacketBuilder addNumber(String name, long value) {
        return addNumber(definitionNamed(name), value);
    }

    /** Adds an ipaddr, ipv6addr or combo-ip attribute. */
    public RadiusPacketBuilder addAddress(AttributeDefinition definition, InetAddress address) {
        return add(definition, address.getAddress());
    }

    public RadiusPacketBuilder addAddress(String name, InetAddress address) {
        return addAddress(definitionNamed(name), address);
    }

    /**
     * Hides {@code plaintext} with the cipher the definition names and adds it: User-Password (RFC 2865 §5.2),
     * Tunnel-Password and MS-MPPE keys with a fresh salt (RFC 2868 §3.5, RFC 2548 §2.4.2), Ascend secrets. The key
     * is this packet's Authenticator field, so a reply must come from {@link RadiusPacket#replyBuilder}.
     */
    public RadiusPacketBuilder addHidden(AttributeDefinition definition, int tag, byte[] plaintext,
            SharedSecret secret) {
        byte[] hidden = new byte[plaintext.length + 2 * 16 + 3];
        int hiddenLength = switch (definition.encryption()) {
            case USER_PASSWORD -> UserPasswordCipher.hide(
                    plaintext, 0, plaintext.length, secret, authenticator, 0, hidden, 0);
            case TUNNEL_PASSWORD -> TunnelPasswordCipher.hide(
                    plaintext, 0, plaintext.length, nextSalt(), secret, authenticator, 0, hidden, 0);
            case ASCEND_SECRET -> AscendSecretCipher.hide(
                    plaintext, 0, plaintext.length, secret, authenticator, 0, hidden, 0);
            case NONE -> throw new IllegalArgumentException(definition.name() + " is not a hidden attribute");
        };
        write(definition, tag, hidden, 0, hiddenLength, false);
        return this;
    }

    /**
     * RFC 2868 §3.5: every salted attribute of a packet needs its own Salt. The first is random, the next ones
     * count up from it, so two never collide.
     */
    private int nextSalt() {
        if (salt < 0) {
            salt = RANDOM.get().nextInt(0x8000);
        }
        int next = 0x8000 | salt;
        salt = (salt + 1) & 0x7FFF;
        return next;
    }

    public RadiusPacketBuilder addHidden(AttributeDefinition definition, byte[] plaintext, SharedSecret secret) {
        return addHidden(definition, RadiusAttribute.NO_TAG, plaintext, secret);
    }

    /**
     * Adds a Message-Authenticator of 16 zero octets for the encoder to fill in. RFC 3579 §3.2 lets it stand
     * anywhere; since BlastRADIUS (CVE-2024-3596) replies carry it first, so call this before any other add.
     */
    public RadiusPacketBuilder addMessageAuthenticator() {
        AttributeDefinition definition = dictionary.attribute(0, 80);
        if (definition == null) {
            throw new IllegalStateException("the dictionary lacks Message-Authenticator (80)");
        }
        return add(definition, new byte[16]);
    }

    /** The packet as built so far; the Length field is set, authenticators are left to the encoder. */
    public RadiusPacket build() {
        byte[] packet = Arrays.copyOf(wire, length);
        packet[0] = (byte) code.value();
        packet[1] = (byte) identifier;
        packet[2] = (byte) (length >>> 8);
        packet[3] = (byte) length;
        System.arraycopy(authenticator, 0, packet, RadiusPacket.AUTHENTICATOR_OFFSET, authenticator.length);
        return new RadiusPacket(dictionary, packet, list.copyIndex(), list.copyDefinitions(), list.copyJoined());
    }

    private AttributeDefinition definitionNamed(String name) {
        AttributeDefinition definition = dictionary.attribute(name);
        if (definition == null) {
            throw new IllegalArgumentException("no attribute named " + name + " in the dictionary");
        }
        return definition;
    }

    private void write(AttributeDefinition definition, int tag, byte[] value, int offset, int valueLength,
            boolean continuesVsa) {
        AttributeDefinition parent = definition.parent();
        if (parent == null && definition.vendorId() == 0) {
            writeStandard(definition, tag, value, offset, valueLength);
        } else if (parent == null) {
            writeVendorSpecific(definition, tag, value, offset, valueLength, continuesVsa);
        } else if (parent.type() == DataType.EXTENDED || parent.type() == DataType.LONG_EXTENDED) {
            writeExtended(definition, parent, tag, value, offset, valueLength);
        } else if (parent.type() == DataType.EVS && parent.parent() != null) {
            writeExtended(definition, parent.parent(), tag, value, offset, valueLength);
        } else {
            throw new IllegalArgumentException(definition.name() + " is a TLV member: encode it in "
                    + parent.name() + "'s value");
        }
    }

    private void writeStandard(AttributeDefinition definition, int tag, byte[] value, int offset, int valueLength) {
        int tagLength = tag == RadiusAttribute.NO_TAG ? 0 : 1;
        if (tagLength + valueLength > MAX_VALUE && !definition.concat()) {
            throw tooLong(definition, valueLength, MAX_VALUE - tagLength);
        }
        int position = offset;
        int end = offset + valueLength;
        do {
            // RFC 3579 §3.1: a concat attribute longer than 253 octets goes out as consecutive attributes.
            int chunk = Math.min(end - position, MAX_VALUE - tagLength);
            int start = reserve(2 + tagLength + chunk);
            wire[start] = (byte) definition.number();
            wire[start + 1] = (byte) (2 + tagLength + chunk);
            addValue(definition, tag, start + 2, value, position, chunk);
            position += chunk;
        } while (position < end);
        openVendorSpecific = -1;
    }

    /** RFC 2865 §5.26 in the vendor's format; a vendor not in the dictionary gets the RFC's 1,1 format. */
    private void writeVendorSpecific(AttributeDefinition definition, int tag, byte[] value, int offset,
            int valueLength, boolean continuesVsa) {
        Vendor vendor = dictionary.vendor(definition.vendorId());
        int typeLength = vendor != null ? vendor.typeLength() : 1;
        int lengthLength = vendor != null ? vendor.lengthLength() : 1;
        int header = typeLength + lengthLength + (vendor != null && vendor.hasContinuation() ? 1 : 0);
        int tagLength = tag == RadiusAttribute.NO_TAG ? 0 : 1;
        if (vendor != null && vendor.hasContinuation() && tagLength == 0 && 6 + header + valueLength > 255) {
            writeWimaxChain(definition, value, offset, valueLength);
            return;
        }
        int subLength = header + tagLength + valueLength;
        boolean packs = continuesVsa && openVendorSpecific >= 0 && lengthLength > 0
                && vendorIdAt(openVendorSpecific) == definition.vendorId()
                && (wire[openVendorSpecific + 1] & 0xFF) + subLength <= 255;
        if (!packs && 6 + subLength > 255) {
            throw tooLong(definition, valueLength, 255 - 6 - header - tagLength);
        }
        int start;
        if (packs) {
            start = reserve(subLength);
            wire[openVendorSpecific + 1] = (byte) ((wire[openVendorSpecific + 1] & 0xFF) + subLength);
        } else {
            int vsa = reserve(6 + subLength);
            wire[vsa] = VENDOR_SPECIFIC;
            wire[vsa + 1] = (byte) (6 + subLength);
            writeUnsigned(vsa + 2, 4, definition.vendorId());
            openVendorSpecific = vsa;
            start = vsa + 6;
        }
        writeUnsigned(start, typeLength, definition.number());
        if (lengthLength > 0) {
            writeUnsigned(start + typeLength, lengthLength, subLength);
        }
        if (header > typeLength + lengthLength) {
            wire[start + typeLength + lengthLength] = 0; // WiMAX continuation octet: not continued
        }
        addValue(definition, tag, start + header, value, offset, valueLength, packs ? CONTINUES_VSA : 0);
    }

    /**
     * A WiMAX value too long for one Vendor-Specific attribute: full fragments of 246 octets with the continuation
     * flag, then the rest without it, each in a Vendor-Specific attribute of its own (see
     * {@link WimaxContinuation}, which joins exactly this shape).
     */
    private void writeWimaxChain(AttributeDefinition definition, byte[] value, int offset, int valueLength) {
        int position = offset;
        int end = offset + valueLength;
        while (position < end) {
            int chunk = Math.min(end - position, WimaxContinuation.FRAGMENT);
            boolean more = position + chunk < end;
            int vsa = reserve(WimaxContinuation.HEADER + chunk);
            wire[vsa] = VENDOR_SPECIFIC;
            wire[vsa + 1] = (byte) (WimaxContinuation.HEADER + chunk);
            writeUnsigned(vsa + 2, 4, definition.vendorId());
            wire[vsa + WimaxContinuation.TYPE_OFFSET] = (byte) definition.number();
            wire[vsa + WimaxContinuation.TYPE_OFFSET + 1] = (byte) (WimaxContinuation.HEADER - 6 + chunk);
            wire[vsa + WimaxContinuation.CONTINUATION_OFFSET] = (byte) (more ? WimaxContinuation.MORE : 0);
            System.arraycopy(value, position, wire, vsa + WimaxContinuation.HEADER, chunk);
            position += chunk;
        }
        list.add(definition, list.appendJoined(value, offset, valueLength), valueLength, JOINED);
        openVendorSpecific = -1;
    }

    /**
     * RFC 6929 §2: Type, Length, Extended-Type, [flags], [Vendor-Id, Vendor-Type], value. A long-extended value
     * that does not fit one attribute is split into full fragments with the More flag set on all but the last.
     */
    private void writeExtended(AttributeDefinition definition, AttributeDefinition extended, int tag, byte[] value,
            int offset, int valueLength) {
        boolean isLong = extended.type() == DataType.LONG_EXTENDED;
        boolean isEvs = definition.parent() != extended;
        int header = (isLong ? 4 : 3) + (isEvs ? 5 : 0);
        int tagLength = tag == RadiusAttribute.NO_TAG ? 0 : 1;
        int room = 255 - header;
        if (tagLength + valueLength > room && (!isLong || tagLength > 0)) {
            throw tooLong(definition, valueLength, room - tagLength);
        }
        int position = offset;
        int end = offset + valueLength;
        int firstValue = -1;
        do {
            int chunk = Math.min(end - position, room - tagLength);
            boolean more = position + chunk < end;
            int start = reserve(header + tagLength + chunk);
            wire[start] = (byte) extended.number();
            wire[start + 1] = (byte) (header + tagLength + chunk);
            wire[start + 2] = (byte) (isEvs ? definition.parent().number() : definition.number());
            if (isLong) {
                wire[start + 3] = (byte) (more ? 0x80 : 0);
            }
            if (isEvs) {
                writeUnsigned(start + header - 5, 4, definition.vendorId());
                wire[start + header - 1] = (byte) definition.number();
            }
            if (tagLength > 0) {
                wire[start + header] = (byte) tag;
            }
            System.arraycopy(value, position, wire, start + header + tagLength, chunk);
            if (firstValue < 0) {
                firstValue = start + header + tagLength;
            }
            position += chunk;
        } while (position < end);
        int flags = tagLength > 0 ? HAS_TAG | (tag & 0xFF) : 0;
        if (valueLength > room - tagLength) {
            list.add(definition, list.appendJoined(value, offset, valueLength), valueLength, JOINED);
        } else {
            list.add(definition, firstValue, valueLength, flags);
        }
        openVendorSpecific = -1;
    }

    private void addValue(AttributeDefinition definition, int tag, int start, byte[] value, int offset, int count) {
        addValue(definition, tag, start, value, offset, count, 0);
    }

    private void addValue(AttributeDefinition definition, int tag, int start, byte[] value, int offset, int count,
            int flags) {
        int valueStart = start;
        if (tag != RadiusAttribute.NO_TAG) {
            wire[start] = (byte) tag;
            valueStart = start + 1;
            flags |= HAS_TAG | (tag & 0xFF);
        }
        System.arraycopy(value, offset, wire, valueStart, count);
        list.add(definition, valueStart, count, flags);
    }

    private int reserve(int count) {
        if (length + count > RadiusPacket.MAX_LENGTH) {
            throw new IllegalStateException("attributes would make the packet longer than 4096 octets");
        }
        if (length + count > wire.length) {
            wire = Arrays.copyOf(wire, Math.min(RadiusPacket.MAX_LENGTH, Math.max(wire.length * 2, length + count)));
        }
        int start = length;
        length += count;
        return start;
    }

    private int vendorIdAt(int vsa) {
        return ((wire[vsa + 2] & 0xFF) << 24) | ((wire[vsa + 3] & 0xFF) << 16) | ((wire[vsa + 4] & 0xFF) << 8)
                | (wire[vsa + 5] & 0xFF);
    }

    private void writeUnsigned(int start, int count, int value) {
        for (int k = count - 1; k >= 0; k--) {
            wire[start + k] = (byte) value;
            value >>>= 8;
        }
    }

    private static IllegalArgumentException tooLong(AttributeDefinition definition, int length, int limit) {
        return new IllegalArgumentException(definition.name() + " value of " + length
                + " octets exceeds the " + limit + " one attribute can carry");
    }
}
