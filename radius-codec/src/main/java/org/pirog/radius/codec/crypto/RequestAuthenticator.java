package org.pirog.radius.codec.crypto;

import static org.pirog.radius.codec.crypto.PacketBounds.AUTH_LENGTH;
import static org.pirog.radius.codec.crypto.PacketBounds.AUTH_OFFSET;
import static org.pirog.radius.codec.crypto.PacketBounds.HEADER;

import java.security.MessageDigest;

/**
 * The Request Authenticator of requests that carry no password: Accounting-Request (RFC 2866 §3),
 * CoA-Request and Disconnect-Request (RFC 5176 §2.3).
 *
 * <p>{@code MD5(Code + Identifier + Length + 16 zero octets + Attributes + Secret)}. (An Access-Request's
 * authenticator is random instead, RFC 2865 §3, and is not computed here.)
 *
 * <p>When the request also carries a Message-Authenticator, compute that first (with the authenticator field
 * as zero, {@link MessageAuthenticator#computeWithZeroAuthenticator}), write it into the packet, then compute
 * this.
 */
public final class RequestAuthenticator {

    private static final byte[] ZEROS = new byte[AUTH_LENGTH];

    private RequestAuthenticator() {
    }

    /**
     * Computes the authenticator of {@code packet[0..length)}, reading octets 4..20 as zero without changing
     * them, into {@code out[outOff..outOff+16)}. {@code out} may be {@code packet} with {@code outOff} 4.
     */
    public static void compute(byte[] packet, int length, SharedSecret secret, byte[] out, int outOff) {
        PacketBounds.checkPacket(packet, length);
        PacketBounds.checkOut(out, outOff, AUTH_LENGTH);
        MessageDigest md = Md5.perThread();
        md.update(packet, 0, AUTH_OFFSET);
        md.update(ZEROS);
        md.update(packet, HEADER, length - HEADER);
        secret.updateDigest(md);
        Md5.finish(md, out, outOff);
    }

    /** Whether octets 4..20 of {@code packet} hold the authenticator computed over it; constant time. */
    public static boolean verify(byte[] packet, int length, SharedSecret secret) {
        byte[] expected = Md5.scratch();
        compute(packet, length, secret, expected, 0);
        return ConstantTime.equals(expected, 0, packet, AUTH_OFFSET, AUTH_LENGTH);
    }
}
