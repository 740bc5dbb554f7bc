package org.pirog.radius.codec.crypto;

import java.security.MessageDigest;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The salted hiding of Tunnel-Password (RFC 2868 §3.5), also used for MS-MPPE-Send-Key and MS-MPPE-Recv-Key
 * (RFC 2548 §2.4.2, §2.4.3).
 *
 * <p>The plaintext {@code P} is one octet of data length, the data, and zero padding to a multiple of 16. With
 * the 2-octet salt {@code A} (most significant bit set), {@code c1 = p1 XOR MD5(S + RA + A)} and
 * {@code ci = pi XOR MD5(S + c(i-1))}. The value on the wire is {@code A + c1 + ... + cn}. (Tunnel-Password's
 * Tag octet, RFC 2868 §3.5, comes before the salt and is the caller's business.)
 *
 * <p>Every salted attribute in one packet must have a different salt (RFC 2868 §3.5, RFC 2548 §2.4.2): when
 * hiding several values for one packet with {@link #hide(byte[], int, int, SharedSecret, byte[], int, byte[],
 * int) random salts}, compare the first two octets and redraw on a collision, or pass distinct salts.
 *
 * <p>Input and output may be the same array only in {@link #unhide} at the same offset.
 */
public final class TunnelPasswordCipher {

    /**
     * Longest data that fits one attribute: 240 octets of cipher text (255 minus type, length, tag or vendor
     * header, and salt, rounded down to 16) hold a length octet and 239 octets of data.
     */
    public static final int MAX_DATA_LENGTH = 239;

    private static final int BLOCK = 16;
    private static final int SALT = 2;
    private static final int MAX_CIPHER = MAX_DATA_LENGTH + 1;

    private TunnelPasswordCipher() {
    }

    /** Octets {@link #hide} writes for {@code dataLength} octets of data: salt plus padded length-and-data. */
    public static int hiddenLength(int dataLength) {
        if (dataLength < 0 || dataLength > MAX_DATA_LENGTH) {
            throw new IllegalArgumentException("data length " + dataLength + " is not in 0.." + MAX_DATA_LENGTH);
        }
        return SALT + ((1 + dataLength + BLOCK - 1) & -BLOCK);
    }

    /**
     * Hides {@code plain[off..off+len)} with a fresh random salt (most significant bit set).
     *
     * @return the number of octets written to {@code out}, {@link #hiddenLength(int) hiddenLength(len)}
     */
    public static int hide(byte[] plain, int off, int len, SharedSecret secret, byte[] requestAuth, int authOff,
                           byte[] out, int outOff) {
        int salt = ThreadLocalRandom.current().nextInt(0x10000);
        return hide(plain, off, len, salt, secret, requestAuth, authOff, out, outOff);
    }

    /**
     * Hides {@code plain[off..off+len)} with the given salt; its low 16 bits are used, with the most significant
     * of them forced to 1 as RFC 2868 §3.5 requires.
     *
     * @return the number of octets written to {@code out}, {@link #hiddenLength(int) hiddenLength(len)}
     * @throws IllegalArgumentException if {@code len} is over {@link #MAX_DATA_LENGTH}
     */
    public static int hide(byte[] plain, int off, int len, int salt, SharedSecret secret, byte[] requestAuth,
                           int authOff, byte[] out, int outOff) {
        int hiddenLength = hiddenLength(len);
        Objects.checkFromIndexSize(off, len, plain.length);
        PacketBounds.checkAuthenticator(requestAuth, authOff);
        PacketBounds.checkOut(out, outOff, hiddenLength);
        out[outOff] = (byte) ((salt >>> 8) | 0x80);
        out[outOff + 1] = (byte) salt;
        int c = outOff + SALT;
        byte[] b = Md5.scratch();
        MessageDigest md = Md5.perThread();
        for (int block = 0; block < hiddenLength - SALT; block += BLOCK) {
            md.reset();
            secret.updateDigest(md);
            if (block == 0) {
                md.update(requestAuth, authOff, BLOCK);
                md.update(out, outOff, SALT);
            } else {
                md.update(out, c + block - BLOCK, BLOCK);
            }
            Md5.finish(md, b, 0);
            for (int i = 0; i < BLOCK; i++) {
                int p = block + i; // index into P = length octet + data + padding
                int plainOctet = p == 0 ? len : p <= len ? plain[off + p - 1] : 0;
                out[c + p] = (byte) (b[i] ^ plainOctet);
            }
        }
        return hiddenLength;
    }

    /**
     * Recovers the data hidden in {@code hidden[off..off+len)} (salt first) into {@code out[outOff..)}.
     * {@code out} needs room for {@code len - 3} octets, the most the data can be.
     *
     * @return the data length, or -1 when malformed: cipher text not a non-empty multiple of 16 of at most 240
     *         octets, or a length octet larger than the cipher text can hold
     */
    public static int unhide(byte[] hidden, int off, int len, SharedSecret secret, byte[] requestAuth, int authOff,
                             byte[] out, int outOff) {
        int cipherLength = len - SALT;
        if (cipherLength < BLOCK || cipherLength > MAX_CIPHER || (cipherLength & (BLOCK - 1)) != 0) {
            return -1;
        }
        Objects.checkFromIndexSize(off, len, hidden.length);
        PacketBounds.checkAuthenticator(requestAuth, authOff);
        byte[] scratch = Md5.scratch();
        // scratch[0..16): key stream then plain block; [16..32): previous cipher block; [32..34): salt
        MessageDigest md = Md5.perThread();
        int dataLength = -1;
        for (int block = 0; block < cipherLength; block += BLOCK) {
            md.reset();
            secret.updateDigest(md);
            if (block == 0) {
                md.update(requestAuth, authOff, BLOCK);
                md.update(hidden, off, SALT);
            } else {
                md.update(scratch, BLOCK, BLOCK);
            }
            Md5.finish(md, scratch, 0);
            int c = off + SALT + block;
            for (int i = 0; i < BLOCK; i++) {
                byte cipherOctet = hidden[c + i];
                scratch[i] ^= cipherOctet;
                scratch[BLOCK + i] = cipherOctet;
            }
            if (block == 0) {
                dataLength = scratch[0] & 0xFF;
                if (dataLength > cipherLength - 1) {
                    return -1;
                }
                PacketBounds.checkOut(out, outOff, dataLength);
            }
            // P[p] is data octet p - 1; copy the ones inside the data.
            for (int i = 0; i < BLOCK; i++) {
                int p = block + i;
                if (p >= 1 && p <= dataLength) {
                    out[outOff + p - 1] = scratch[i];
                }
            }
        }
        return dataLength;
    }
}
