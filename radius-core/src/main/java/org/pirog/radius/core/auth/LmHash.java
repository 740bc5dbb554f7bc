package org.pirog.radius.core.auth;

import java.util.Arrays;
import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The LAN Manager hash (RFC 2433 §A.2, §A.3) of a password held as chars, for a PAP check against LM-Password:
 * the password uppercased into 14 OEM octets, each 7-octet half a DES key that encrypts {@code "KGS!@#$%"}.
 * Characters outside ASCII become {@code '?'} and the password is cut at 14, as in
 * {@link org.pirog.radius.codec.mschap.LmPasswordHash}, which works on Strings; this one keeps the request's
 * password out of the String pool.
 *
 * <p>LM-Password is a legacy form; the DES key schedules it allocates are of no concern.
 */
final class LmHash {

    private static final byte[] MAGIC = {'K', 'G', 'S', '!', '@', '#', '$', '%'};

    private LmHash() {
    }

    /** Writes the LM hash of {@code password} into {@code out[0..16)}, using {@code oem} (14 octets) as scratch. */
    static void into(CharSequence password, byte[] oem, byte[] out) {
        Arrays.fill(oem, (byte) 0);
        for (int i = 0, n = Math.min(password.length(), oem.length); i < n; i++) {
            char c = Character.toUpperCase(password.charAt(i));
            oem[i] = (byte) (c < 0x80 ? c : '?');
        }
        encrypt(oem, 0, out, 0);
        encrypt(oem, 7, out, 8);
    }

    private static void encrypt(byte[] key7, int offset, byte[] out, int outOffset) {
        byte[] key8 = spread(key7, offset);
        DESEngine des = new DESEngine();
        des.init(true, new KeyParameter(key8));
        Arrays.fill(key8, (byte) 0);
        des.processBlock(MAGIC, 0, out, outOffset);
    }

    /** Spreads 56 key bits over 8 octets, 7 each from the top; DES ignores the lowest (parity) bit. */
    private static byte[] spread(byte[] key7, int offset) {
        long bits = 0;
        for (int i = 0; i < 7; i++) {
            bits = (bits << 8) | (key7[offset + i] & 0xFF);
        }
        byte[] key8 = new byte[8];
        for (int i = 0; i < 8; i++) {
            key8[i] = (byte) (((bits >>> (49 - 7 * i)) & 0x7F) << 1);
        }
        return key8;
    }
}
