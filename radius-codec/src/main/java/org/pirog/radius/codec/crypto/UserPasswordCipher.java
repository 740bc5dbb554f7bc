package org.pirog.radius.codec.crypto;

import java.security.MessageDigest;
import java.util.Objects;

/**
 * The User-Password hiding of RFC 2865 §5.2, also used for MS-CHAP-MPPE-Keys (RFC 2548 §2.4.1).
 *
 * <p>The password is zero-padded to a multiple of 16 octets (at least 16) and split into 16-octet blocks
 * {@code p1..pn}; {@code c1 = p1 XOR MD5(S + RA)}, {@code ci = pi XOR MD5(S + c(i-1))}, where S is the shared
 * secret and RA the Request Authenticator of the Access-Request.
 *
 * <p>Input and output may be the same array at the same offset (hiding or unhiding in place); other overlaps
 * are not supported.
 */
public final class UserPasswordCipher {

    /** Longest password RFC 2865 §5.2 allows, in octets. */
    public static final int MAX_LENGTH = 128;

    private static final int BLOCK = 16;

    private UserPasswordCipher() {
    }

    /** Length of the hidden value for a password of {@code plainLength} octets: a multiple of 16, at least 16. */
    public static int hiddenLength(int plainLength) {
        if (plainLength < 0 || plainLength > MAX_LENGTH) {
            throw new IllegalArgumentException("password length " + plainLength + " is not in 0.." + MAX_LENGTH);
        }
        return plainLength == 0 ? BLOCK : (plainLength + BLOCK - 1) & -BLOCK;
    }

    /**
     * Hides {@code plain[off..off+len)} into {@code out[outOff..)}.
     *
     * @return the number of octets written, {@link #hiddenLength(int) hiddenLength(len)}
     * @throws IllegalArgumentException if {@code len} is over 128
     */
    public static int hide(byte[] plain, int off, int len, SharedSecret secret, byte[] requestAuth, int authOff,
                           byte[] out, int outOff) {
        int hiddenLength = hiddenLength(len);
        Objects.checkFromIndexSize(off, len, plain.length);
        PacketBounds.checkAuthenticator(requestAuth, authOff);
        PacketBounds.checkOut(out, outOff, hiddenLength);
        byte[] b = Md5.scratch();
        MessageDigest md = Md5.perThread();
        for (int block = 0; block < hiddenLength; block += BLOCK) {
            md.reset();
            secret.updateDigest(md);
            if (block == 0) {
                md.update(requestAuth, authOff, BLOCK);
            } else {
                md.update(out, outOff + block - BLOCK, BLOCK);
            }
            Md5.finish(md, b, 0);
            for (int i = 0; i < BLOCK; i++) {
                int p = block + i;
                out[outOff + p] = (byte) (b[i] ^ (p < len ? plain[off + p] : 0));
            }
        }
        return hiddenLength;
    }

    /**
     * Recovers a password hidden in {@code hidden[off..off+len)} into {@code out[outOff..outOff+len)}.
     *
     * @return the password's length with the trailing zero padding removed, or -1 if {@code len} is not a
     *         multiple of 16 in 16..128 (malformed attribute: the caller reports it)
     */
    public static int unhide(byte[] hidden, int off, int len, SharedSecret secret, byte[] requestAuth, int authOff,
                             byte[] out, int outOff) {
        if (len < BLOCK || len > MAX_LENGTH || (len & (BLOCK - 1)) != 0) {
            return -1;
        }
        Objects.checkFromIndexSize(off, len, hidden.length);
        PacketBounds.checkAuthenticator(requestAuth, authOff);
        PacketBounds.checkOut(out, outOff, len);
        byte[] scratch = Md5.scratch();
        // scratch[0..16): MD5 output; [16..32): previous cipher block; [32..48): current cipher block
        MessageDigest md = Md5.perThread();
        for (int block = 0; block < len; block += BLOCK) {
            md.reset();
            secret.updateDigest(md);
            if (block == 0) {
                md.update(requestAuth, authOff, BLOCK);
            } else {
                md.update(scratch, BLOCK, BLOCK);
            }
            Md5.finish(md, scratch, 0);
            // Keep c(i) before an in-place write overwrites it: the next block's key needs it.
            System.arraycopy(hidden, off + block, scratch, 2 * BLOCK, BLOCK);
            for (int i = 0; i < BLOCK; i++) {
                out[outOff + block + i] = (byte) (scratch[2 * BLOCK + i] ^ scratch[i]);
            }
            System.arraycopy(scratch, 2 * BLOCK, scratch, BLOCK, BLOCK);
        }
        int plainLength = len;
        while (plainLength > 0 && out[outOff + plainLength - 1] == 0) {
            plainLength--;
        }
        return plainLength;
    }
}
