package org.pirog.radius.codec.chap;

import io.netty.util.concurrent.FastThreadLocal;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.Objects;
import org.pirog.radius.codec.crypto.ConstantTime;
import org.pirog.radius.codec.crypto.Md5;

/**
 * CHAP with MD5 (RFC 1994 §4.1): {@code Response = MD5(Identifier + secret + Challenge)}.
 *
 * <p>In RADIUS the NAS sends the peer's Identifier and Response as the 17-octet CHAP-Password attribute
 * (RFC 2865 §5.3), and the challenge as CHAP-Challenge (RFC 2865 §5.40) or, when that attribute is absent, as
 * the Request Authenticator of the Access-Request. Choosing which one is the caller's job: pass the right one
 * as {@code challenge}.
 */
public final class Chap {

    /** Length of the CHAP-Password value: Identifier (1) + Response (16). */
    public static final int PASSWORD_ATTRIBUTE_LENGTH = 17;

    private static final int RESPONSE = 16;

    private static final FastThreadLocal<byte[]> SCRATCH = new FastThreadLocal<>() {
        @Override
        protected byte[] initialValue() {
            return new byte[RESPONSE];
        }
    };

    private Chap() {
    }

    /**
     * Computes the response of {@code password[off..off+len)} to {@code challenge[cOff..cOff+cLen)} under the
     * CHAP Identifier {@code chapId} (0..255), into {@code out[outOff..outOff+16)}.
     */
    public static void response(int chapId, byte[] password, int off, int len, byte[] challenge, int cOff, int cLen,
                                byte[] out, int outOff) {
        Objects.checkFromIndexSize(off, len, password.length);
        Objects.checkFromIndexSize(cOff, cLen, challenge.length);
        Objects.checkFromIndexSize(outOff, RESPONSE, out.length);
        MessageDigest md = Md5.perThread();
        md.update((byte) chapId);
        md.update(password, off, len);
        md.update(challenge, cOff, cLen);
        try {
            md.digest(out, outOff, RESPONSE);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether the CHAP-Password value at {@code chapPassword[off..off+17)} (Identifier, then Response) is the
     * right answer for the cleartext {@code password} and the challenge; constant time.
     */
    public static boolean verify(byte[] chapPassword, int off, byte[] password, int pOff, int pLen,
                                 byte[] challenge, int cOff, int cLen) {
        Objects.checkFromIndexSize(off, PASSWORD_ATTRIBUTE_LENGTH, chapPassword.length);
        byte[] expected = SCRATCH.get();
        response(chapPassword[off] & 0xFF, password, pOff, pLen, challenge, cOff, cLen, expected, 0);
        return ConstantTime.equals(expected, 0, chapPassword, off + 1, RESPONSE);
    }
}
