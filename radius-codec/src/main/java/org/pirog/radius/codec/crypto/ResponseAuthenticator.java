package org.pirog.radius.codec.crypto;

import static org.pirog.radius.codec.crypto.PacketBounds.AUTH_LENGTH;
import static org.pirog.radius.codec.crypto.PacketBounds.AUTH_OFFSET;
import static org.pirog.radius.codec.crypto.PacketBounds.HEADER;

import java.security.MessageDigest;

/**
 * The Response Authenticator of every reply: Access-Accept/Reject/Challenge (RFC 2865 §3),
 * Accounting-Response (RFC 2866 §4), CoA/Disconnect-ACK/NAK (RFC 5176 §2.3).
 *
 * <p>{@code MD5(Code + ID + Length + RequestAuth + Attributes + Secret)}: the request's authenticator stands in
 * for octets 4..20 of the reply. If the reply carries a Message-Authenticator, compute that first
 * ({@link MessageAuthenticator#compute}, with the request authenticator), write it, then compute this.
 */
public final class ResponseAuthenticator {

    private ResponseAuthenticator() {
    }

    /**
     * Computes the authenticator of {@code packet[0..length)} for the request whose authenticator is
     * {@code requestAuthenticator[reqOff..reqOff+16)}, into {@code out[outOff..outOff+16)}. Octets 4..20 of the
     * packet are not read; {@code out} may be {@code packet} with {@code outOff} 4.
     */
    public static void compute(byte[] packet, int length, byte[] requestAuthenticator, int reqOff,
                               SharedSecret secret, byte[] out, int outOff) {
        PacketBounds.checkPacket(packet, length);
        PacketBounds.checkAuthenticator(requestAuthenticator, reqOff);
        PacketBounds.checkOut(out, outOff, AUTH_LENGTH);
        MessageDigest md = Md5.perThread();
        md.update(packet, 0, AUTH_OFFSET);
        md.update(requestAuthenticator, reqOff, AUTH_LENGTH);
        md.update(packet, HEADER, length - HEADER);
        secret.updateDigest(md);
        Md5.finish(md, out, outOff);
    }

    /** Whether octets 4..20 of {@code response} hold the authenticator computed over it; constant time. */
    public static boolean verify(byte[] response, int length, byte[] requestAuthenticator, int reqOff,
                                 SharedSecret secret) {
        byte[] expected = Md5.scratch();
        compute(response, length, requestAuthenticator, reqOff, secret, expected, 0);
        return ConstantTime.equals(expected, 0, response, AUTH_OFFSET, AUTH_LENGTH);
    }
}
