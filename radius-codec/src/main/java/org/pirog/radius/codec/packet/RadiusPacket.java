package org.pirog.radius.codec.packet;

import static org.pirog.radius.codec.packet.AttributeIndex.FLAGS;
import static org.pirog.radius.codec.packet.AttributeIndex.HAS_TAG;
import static org.pirog.radius.codec.packet.AttributeIndex.JOINED;
import static org.pirog.radius.codec.packet.AttributeIndex.LENGTH;
import static org.pirog.radius.codec.packet.AttributeIndex.OFFSET;
import static org.pirog.radius.codec.packet.AttributeIndex.STRIDE;
import static org.pirog.radius.codec.packet.AttributeIndex.TAG_MASK;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.crypto.AscendSecretCipher;
import org.pirog.radius.codec.crypto.MessageAuthenticator;
import org.pirog.radius.codec.crypto.RequestAuthenticator;
import org.pirog.radius.codec.crypto.ResponseAuthenticator;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.crypto.TunnelPasswordCipher;
import org.pirog.radius.codec.crypto.UserPasswordCipher;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.Dictionary;

/**
 * An immutable RADIUS packet: its octets exactly as received or built, plus an index of its attributes made once
 * when it was decoded or built. Reading an attribute by index ({@link #indexOf}, {@link #intValue},
 * {@link #copyValue}) allocates nothing; {@link #attributes()} is the convenient allocating view.
 *
 * <p>Attribute values are the wire values: a hidden attribute (User-Password, Tunnel-Password, MS-MPPE keys)
 * stays hidden until {@link #unhide} is asked with the shared secret. The Authenticator field is the one received,
 * or for a built packet the one the encoder will replace (see {@link RadiusPacketEncoder}).
 */
public final class RadiusPacket {
    /** RFC 2865 §3: header of Code, Identifier, Length and a 16-octet Authenticator. */
    public static final int HEADER_LENGTH = 20;
    public static final int MIN_LENGTH = 20;
    public static final int MAX_LENGTH = 4096;
    static final int AUTHENTICATOR_OFFSET = 4;
    static final int AUTHENTICATOR_LENGTH = 16;
    static final byte[] NO_JOINED = new byte[0];

    private final Dictionary dictionary;
    private final byte[] wire;
    private final int[] index;
    private final AttributeDefinition[] definitions;
    private final byte[] joined;

    /** Takes ownership of every array; only the decoder and the builder make packets. */
    RadiusPacket(Dictionary dictionary, byte[] wire, int[] index, AttributeDefinition[] definitions, byte[] joined) {
        this.dictionary = dictionary;
        this.wire = wire;
        this.index = index;
        this.definitions = definitions;
        this.joined = joined;
    }

    /** A builder for a request: the identifier and authenticator are chosen by the caller or the encoder. */
    public static RadiusPacketBuilder builder(Dictionary dictionary, PacketCode code, int identifier) {
        return new RadiusPacketBuilder(dictionary, code, identifier, null);
    }

    /** A builder for the reply to this request: same identifier, this packet's authenticator for hiding. */
    public RadiusPacketBuilder replyBuilder(PacketCode code) {
        return new RadiusPacketBuilder(dictionary, code, identifier(), authenticator());
    }

    public PacketCode code() {
        return PacketCode.valueOf(wire[0] & 0xFF);
    }

    public int identifier() {
        return wire[1] & 0xFF;
    }

    /**
     * This packet with another Identifier, everything else as it is: how a client gives a prepared request the
     * Identifier it has free on its socket just before signing it. The attribute index is shared, not copied.
     */
    public RadiusPacket withIdentifier(int newIdentifier) {
        if (newIdentifier < 0 || newIdentifier > 255) {
            throw new IllegalArgumentException("identifier " + newIdentifier + " is not an octet");
        }
        if (newIdentifier == identifier()) {
            return this;
        }
        byte[] copy = wire.clone();
        copy[1] = (byte) newIdentifier;
        return new RadiusPacket(dictionary, copy, index, definitions, joined);
    }

    /** Total length in octets (the Length field). */
    public int length() {
        return wire.length;
    }

    public Dictionary dictionary() {
        return dictionary;
    }

    /** A copy of the 16-octet Authenticator field. */
    public byte[] authenticator() {
        return Arrays.copyOfRange(wire, AUTHENTICATOR_OFFSET, HEADER_LENGTH);
    }

    public void copyAuthenticator(byte[] destination, int offset) {
        System.arraycopy(wire, AUTHENTICATOR_OFFSET, destination, offset, AUTHENTICATOR_LENGTH);
    }

    public int attributeCount() {
        return definitions.length;
    }

    public AttributeDefinition definition(int i) {
        return definitions[i];
    }

    /** Index of the first attribute with this definition, or -1. */
    public int indexOf(AttributeDefinition definition) {
        return indexOf(definition, 0);
    }

    /** Index of the first attribute with this definition at or after {@code from}, or -1. */
    public int indexOf(AttributeDefinition definition, int from) {
        for (int i = from; i < definitions.length; i++) {
            if (definitions[i] == definition) {
                return i;
            }
        }
        return -1;
    }

    /** Whether an attribute with this definition is present. */
    public boolean contains(AttributeDefinition definition) {
        return indexOf(definition, 0) >= 0;
    }

    /** The RFC 2868 tag of attribute {@code i}, or {@link RadiusAttribute#NO_TAG}. */
    public int tag(int i) {
        int flags = index[i * STRIDE + FLAGS];
        return (flags & HAS_TAG) != 0 ? flags & TAG_MASK : RadiusAttribute.NO_TAG;
    }

    public int valueLength(int i) {
        return index[i * STRIDE + LENGTH];
    }

    /** Copies the value of attribute {@code i} into {@code destination}; returns its length. */
    public int copyValue(int i, byte[] destination, int offset) {
        int length = valueLength(i);
        System.arraycopy(bytesOf(i), valueOffset(i), destination, offset, length);
        return length;
    }

    public byte[] copyValue(int i) {
        int offset = valueOffset(i);
        return Arrays.copyOfRange(bytesOf(i), offset, offset + valueLength(i));
    }

    /** The value read as an unsigned big-endian number of its 1 to 8 octets (integer, byte, short, date…). */
    public long longValue(int i) {
        byte[] bytes = bytesOf(i);
        int offset = valueOffset(i);
        int length = valueLength(i);
        if (length < 1 || length > 8) {
            throw new IllegalStateException(definitions[i].name() + " has " + length + " octets, not a number");
        }
        long value = 0;
        for (int k = 0; k < length; k++) {
            value = (value << 8) | (bytes[offset + k] & 0xFF);
        }
        return value;
    }

    /** The value of a 32-bit (or tagged 24-bit) integer attribute. */
    public int intValue(int i) {
        return (int) longValue(i);
    }

    /** The value decoded as UTF-8 text (RFC 2865 "text"); allocates. */
    public String stringValue(int i) {
        return new String(bytesOf(i), valueOffset(i), valueLength(i), StandardCharsets.UTF_8);
    }

    /** Compares the value of attribute {@code i} with the given octets. */
    public boolean valueEquals(int i, byte[] other, int offset, int length) {
        int from = valueOffset(i);
        return length == valueLength(i)
                && Arrays.equals(bytesOf(i), from, from + length, other, offset, offset + length);
    }

    /**
     * The values of every attribute with this definition, joined in order: how a {@code concat} attribute such
     * as EAP-Message (RFC 3579 §3.1) is read. Returns an empty array when there is none.
     */
    public byte[] concatenated(AttributeDefinition definition) {
        int total = 0;
        for (int i = indexOf(definition, 0); i >= 0; i = indexOf(definition, i + 1)) {
            total += valueLength(i);
        }
        byte[] result = new byte[total];
        int position = 0;
        for (int i = indexOf(definition, 0); i >= 0; i = indexOf(definition, i + 1)) {
            position += copyValue(i, result, position);
        }
        return result;
    }

    /**
     * Reveals a hidden attribute's value into {@code out} with the cipher its definition names ({@code encrypt=1,
     * 2 or 3}). The authenticator is this packet's own for a request (User-Password) and the request's for a
     * reply (Tunnel-Password, MS-MPPE keys in an Access-Accept). Returns the plaintext length, or -1 when the
     * hidden value is malformed.
     */
    public int unhide(int i, SharedSecret secret, byte @Nullable [] requestAuthenticator, byte[] out, int outOffset) {
        byte[] authenticator = requestAuthenticator != null ? requestAuthenticator : wire;
        int authOffset = requestAuthenticator != null ? 0 : AUTHENTICATOR_OFFSET;
        byte[] bytes = bytesOf(i);
        int offset = valueOffset(i);
        int length = valueLength(i);
        return switch (definitions[i].encryption()) {
            case USER_PASSWORD -> UserPasswordCipher.unhide(
                    bytes, offset, length, secret, authenticator, authOffset, out, outOffset);
            case TUNNEL_PASSWORD -> TunnelPasswordCipher.unhide(
                    bytes, offset, length, secret, authenticator, authOffset, out, outOffset);
            case ASCEND_SECRET -> AscendSecretCipher.unhide(
                    bytes, offset, length, secret, authenticator, authOffset, out, outOffset);
            case NONE -> throw new IllegalArgumentException(definitions[i].name() + " is not a hidden attribute");
        };
    }

    /** Index of the Message-Authenticator attribute (RFC 3579 §3.2), or -1. */
    public int messageAuthenticatorIndex() {
        for (int i = 0; i < definitions.length; i++) {
            if (isMessageAuthenticator(definitions[i])) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Verifies the Message-Authenticator in constant time (RFC 3579 §3.2, RFC 5176 §3.5). For a reply, pass the
     * request's authenticator; for a request, pass null. Returns false when it is absent or has a wrong size.
     */
    public boolean hasValidMessageAuthenticator(SharedSecret secret, byte @Nullable [] requestAuthenticator) {
        int i = messageAuthenticatorIndex();
        if (i < 0 || valueLength(i) != AUTHENTICATOR_LENGTH) {
            return false;
        }
        if (requestAuthenticator == null && code().kind() == PacketCode.Kind.REQUEST_HASHED) {
            return MessageAuthenticator.verifyWithZeroAuthenticator(wire, wire.length, valueOffset(i), secret);
        }
        return MessageAuthenticator.verify(wire, wire.length, valueOffset(i), requestAuthenticator, 0, secret);
    }

    /** RFC 2866 §3 / RFC 5176 §2.3: the Request Authenticator of an Accounting, CoA or Disconnect request. */
    public boolean hasValidRequestAuthenticator(SharedSecret secret) {
        return RequestAuthenticator.verify(wire, wire.length, secret);
    }

    /** RFC 2865 §3: whether this packet's Response Authenticator answers {@code request} under the secret. */
    public boolean hasValidResponseAuthenticator(RadiusPacket request, SharedSecret secret) {
        return ResponseAuthenticator.verify(wire, wire.length, request.wire, AUTHENTICATOR_OFFSET, secret);
    }

    /** The attribute at {@code i} as a value; allocates. */
    public RadiusAttribute attribute(int i) {
        int flags = index[i * STRIDE + FLAGS];
        return RadiusAttribute.owning(definitions[i], tag(i), copyValue(i),
                (flags & AttributeIndex.CONTINUES_VSA) != 0);
    }

    /** Every attribute in packet order; allocates. */
    public List<RadiusAttribute> attributes() {
        List<RadiusAttribute> list = new ArrayList<>(definitions.length);
        for (int i = 0; i < definitions.length; i++) {
            list.add(attribute(i));
        }
        return List.copyOf(list);
    }

    /** Copies the packet's octets, as received or built (authenticators not recomputed). */
    public byte[] toByteArray() {
        return wire.clone();
    }

    byte[] wire() {
        return wire;
    }

    int valueOffset(int i) {
        return index[i * STRIDE + OFFSET];
    }

    private byte[] bytesOf(int i) {
        return (index[i * STRIDE + FLAGS] & JOINED) != 0 ? joined : wire;
    }

    static boolean isMessageAuthenticator(AttributeDefinition definition) {
        return definition.number() == 80 && definition.vendorId() == 0 && definition.parent() == null
                && !definition.isUnknown();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RadiusPacket that && Arrays.equals(wire, that.wire);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(wire);
    }

    @Override
    public String toString() {
        return code() + " Id " + identifier() + ", " + wire.length + " octets, " + definitions.length + " attributes";
    }
}
