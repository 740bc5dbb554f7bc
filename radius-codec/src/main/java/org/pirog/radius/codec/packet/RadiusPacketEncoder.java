package org.pirog.radius.codec.packet;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.FastThreadLocal;
import org.pirog.radius.codec.crypto.MessageAuthenticator;
import org.pirog.radius.codec.crypto.RequestAuthenticator;
import org.pirog.radius.codec.crypto.ResponseAuthenticator;
import org.pirog.radius.codec.crypto.SharedSecret;

/**
 * Writes packets to buffers, signing them on the way: the Message-Authenticator is filled in (RFC 3579 §3.2,
 * RFC 5176 §3.5) and then the Authenticator field is computed as the code requires (RFC 2865 §3, RFC 2866 §3,
 * RFC 5176 §2.3). Before signing, a built packet's Authenticator field holds what the signature is computed
 * over: the random Request Authenticator of an Access-Request or Status-Server, zeros for an Accounting, CoA or
 * Disconnect request, and the request's authenticator for a reply — which is what the builders put there.
 * Stateless and safe for any number of threads.
 */
public final class RadiusPacketEncoder {
    private static final FastThreadLocal<byte[]> SCRATCH = new FastThreadLocal<>() {
        @Override
        protected byte[] initialValue() {
            return new byte[RadiusPacket.MAX_LENGTH];
        }
    };

    private RadiusPacketEncoder() {
    }

    /** Signs {@code packet} with {@code secret} and appends it to {@code out}. */
    public static void encode(RadiusPacket packet, SharedSecret secret, ByteBuf out) {
        byte[] signed = SCRATCH.get();
        int length = sign(packet, secret, signed);
        out.writeBytes(signed, 0, length);
    }

    /** Signs {@code packet} with {@code secret} into a new array. */
    public static byte[] encode(RadiusPacket packet, SharedSecret secret) {
        byte[] signed = new byte[packet.length()];
        sign(packet, secret, signed);
        return signed;
    }

    /** Appends the packet's octets exactly as they were received or built, signing nothing: relaying, replay. */
    public static void encodeAsIs(RadiusPacket packet, ByteBuf out) {
        out.writeBytes(packet.wire());
    }

    private static int sign(RadiusPacket packet, SharedSecret secret, byte[] signed) {
        int length = packet.length();
        System.arraycopy(packet.wire(), 0, signed, 0, length);
        PacketCode.Kind kind = packet.code().kind();
        int ma = packet.messageAuthenticatorIndex();
        if (ma >= 0 && packet.valueLength(ma) == MessageAuthenticator.LENGTH) {
            int offset = packet.valueOffset(ma);
            if (kind == PacketCode.Kind.REQUEST_HASHED) {
                MessageAuthenticator.computeWithZeroAuthenticator(signed, length, offset, secret, signed, offset);
            } else {
                MessageAuthenticator.compute(signed, length, offset, null, 0, secret, signed, offset);
            }
        }
        if (kind == PacketCode.Kind.REQUEST_HASHED) {
            RequestAuthenticator.compute(signed, length, secret, signed, RadiusPacket.AUTHENTICATOR_OFFSET);
        } else if (kind == PacketCode.Kind.RESPONSE) {
            ResponseAuthenticator.compute(signed, length, signed, RadiusPacket.AUTHENTICATOR_OFFSET, secret,
                    signed, RadiusPacket.AUTHENTICATOR_OFFSET);
        }
        return length;
    }
}
