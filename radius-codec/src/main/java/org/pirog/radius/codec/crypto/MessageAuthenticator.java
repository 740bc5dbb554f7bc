package org.pirog.radius.codec.crypto;

import static org.pirog.radius.codec.crypto.PacketBounds.AUTH_LENGTH;
import static org.pirog.radius.codec.crypto.PacketBounds.AUTH_OFFSET;
import static org.pirog.radius.codec.crypto.PacketBounds.HEADER;

import org.jspecify.annotations.Nullable;

/**
 * The Message-Authenticator attribute (type 80): HMAC-MD5 keyed by the shared secret over the whole packet,
 * with the attribute's own 16-octet value taken as zero (RFC 2869 §5.14, RFC 3579 §3.2).
 *
 * <p>What stands in octets 4..20 (the authenticator field) depends on the packet:
 * <ul>
 *   <li>Access-Request (and Status-Server): the packet's own Request Authenticator, as it is: pass
 *       {@code null} to {@link #compute}.</li>
 *   <li>Any reply (Access-Accept/Reject/Challenge, CoA/Disconnect-ACK/NAK): the Request Authenticator of the
 *       request it answers (RFC 3579 §3.2): pass it.</li>
 *   <li>Accounting-Request, CoA-Request, Disconnect-Request: 16 zero octets, because their Request
 *       Authenticator is itself a hash over the packet and is computed afterwards (RFC 5176 §3.5): use
 *       {@link #computeWithZeroAuthenticator}.</li>
 * </ul>
 * In every case the Message-Authenticator is computed before the Request/Response Authenticator. The packet is
 * neither copied nor changed; {@code out} may be the packet itself at {@code valueOffset}.
 */
public final class MessageAuthenticator {

    /** Length of the attribute's value in octets. */
    public static final int LENGTH = 16;

    private static final byte[] ZEROS = new byte[AUTH_LENGTH];

    private MessageAuthenticator() {
    }

    /**
     * Computes the Message-Authenticator of {@code packet[0..length)} into {@code out[outOff..outOff+16)}.
     *
     * @param valueOffset   where the attribute's 16-octet value starts in the packet (after type and length)
     * @param authenticator what stands for octets 4..20, at {@code authOff}; {@code null} keeps the packet's own
     */
    public static void compute(byte[] packet, int length, int valueOffset, byte @Nullable [] authenticator,
                               int authOff, SharedSecret secret, byte[] out, int outOff) {
        PacketBounds.checkPacket(packet, length);
        if (valueOffset < HEADER + 2 || valueOffset + LENGTH > length) {
            throw new IllegalArgumentException(
                    "Message-Authenticator value at " + valueOffset + " is outside the attributes of a "
                            + length + "-octet packet");
        }
        if (authenticator != null) {
            PacketBounds.checkAuthenticator(authenticator, authOff);
        }
        PacketBounds.checkOut(out, outOff, LENGTH);
        HmacMd5 hmac = HmacMd5.perThread().init(secret);
        hmac.update(packet, 0, AUTH_OFFSET);
        if (authenticator == null) {
            hmac.update(packet, AUTH_OFFSET, AUTH_LENGTH);
        } else {
            hmac.update(authenticator, authOff, AUTH_LENGTH);
        }
        hmac.update(packet, HEADER, valueOffset - HEADER);
        hmac.updateZeros(LENGTH);
        hmac.update(packet, valueOffset + LENGTH, length - valueOffset - LENGTH);
        hmac.doFinal(out, outOff);
    }

    /**
     * Computes it with 16 zero octets in place of octets 4..20: Accounting-Request, CoA-Request,
     * Disconnect-Request.
     */
    public static void computeWithZeroAuthenticator(byte[] packet, int length, int valueOffset,
                                                    SharedSecret secret, byte[] out, int outOff) {
        compute(packet, length, valueOffset, ZEROS, 0, secret, out, outOff);
    }

    /**
     * Whether {@code packet[valueOffset..valueOffset+16)} holds the right Message-Authenticator; constant time.
     * Arguments as for {@link #compute}.
     */
    public static boolean verify(byte[] packet, int length, int valueOffset, byte @Nullable [] authenticator,
                                 int authOff, SharedSecret secret) {
        byte[] expected = Md5.scratch();
        compute(packet, length, valueOffset, authenticator, authOff, secret, expected, 0);
        return ConstantTime.equals(expected, 0, packet, valueOffset, LENGTH);
    }

    /** {@link #verify} with 16 zero octets in place of octets 4..20. */
    public static boolean verifyWithZeroAuthenticator(byte[] packet, int length, int valueOffset,
                                                      SharedSecret secret) {
        return verify(packet, length, valueOffset, ZEROS, 0, secret);
    }
}
