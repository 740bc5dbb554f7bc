package org.pirog.radius.codec.crypto;

import java.security.MessageDigest;
import java.util.Objects;

/**
 * The Ascend-Send-Secret style hiding, FreeRADIUS dictionary flag {@code encrypt=3}: one 16-octet block,
 * {@code value = password XOR MD5(RequestAuthenticator + Secret)}, the password zero-padded to 16 octets.
 *
 * <p>Vendor practice, not an RFC: note the order (authenticator before secret) is the reverse of
 * {@link UserPasswordCipher}'s. Input and output may be the same array at the same offset.
 */
public final class AscendSecretCipher {

    /** Length of the hidden value, and the longest password, in octets. */
    public static final int LENGTH = 16;

    private AscendSecretCipher() {
    }

    /**
     * Hides {@code plain[off..off+len)} into {@code out[outOff..outOff+16)}.
     *
     * @return 16, the number of octets written
     * @throws IllegalArgumentException if {@code len} is over 16
     */
    public static int hide(byte[] plain, int off, int len, SharedSecret secret, byte[] requestAuth, int authOff,
                           byte[] out, int outOff) {
        if (len < 0 || len > LENGTH) {
            throw new IllegalArgumentException("secret length " + len + " is not in 0.." + LENGTH);
        }
        Objects.checkFromIndexSize(off, len, plain.length);
        byte[] b = keyStream(secret, requestAuth, authOff);
        PacketBounds.checkOut(out, outOff, LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            out[outOff + i] = (byte) (b[i] ^ (i < len ? plain[off + i] : 0));
        }
        return LENGTH;
    }

    /**
     * Recovers the password hidden in {@code hidden[off..off+len)} into {@code out[outOff..outOff+16)}.
     *
     * @return its length without the trailing zero padding, or -1 if {@code len} is not 16
     */
    public static int unhide(byte[] hidden, int off, int len, SharedSecret secret, byte[] requestAuth, int authOff,
                             byte[] out, int outOff) {
        if (len != LENGTH) {
            return -1;
        }
        Objects.checkFromIndexSize(off, len, hidden.length);
        byte[] b = keyStream(secret, requestAuth, authOff);
        PacketBounds.checkOut(out, outOff, LENGTH);
        int plainLength = 0;
        for (int i = 0; i < LENGTH; i++) {
            byte p = (byte) (b[i] ^ hidden[off + i]);
            out[outOff + i] = p;
            if (p != 0) {
                plainLength = i + 1;
            }
        }
        return plainLength;
    }

    private static byte[] keyStream(SharedSecret secret, byte[] requestAuth, int authOff) {
        PacketBounds.checkAuthenticator(requestAuth, authOff);
        MessageDigest md = Md5.perThread();
        md.update(requestAuth, authOff, LENGTH);
        secret.updateDigest(md);
        byte[] b = Md5.scratch();
        Md5.finish(md, b, 0);
        return b;
    }
}
