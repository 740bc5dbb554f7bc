package org.pirog.radius.codec.mschap;

import java.util.Locale;

/**
 * The LAN Manager password hash (RFC 2433 §A.2, §A.3): the password uppercased, as 14 OEM octets zero-padded,
 * each 7-octet half used as a DES key to encrypt {@code "KGS!@#$%"}.
 *
 * <p>Only MS-CHAP v1 uses it: for the LM-Response and for the LM-Key of MS-CHAP-MPPE-Keys (RFC 2548 §2.4.1).
 * It is weak by design; RADIUS servers compute it only where a NAS asks for it.
 *
 * <p>OEM code pages agree only on ASCII, so characters outside ASCII become {@code '?'}, and a password longer
 * than 14 characters is truncated to 14 (LAN Manager cannot represent it; Windows then stores no LM hash).
 */
public final class LmPasswordHash {

    /** Length of the hash in octets. */
    public static final int LENGTH = 16;

    private static final int MAX_PASSWORD = 14;
    private static final byte[] STD_TEXT = {'K', 'G', 'S', '!', '@', '#', '$', '%'};

    private LmPasswordHash() {
    }

    /** The LM hash of {@code password}. */
    public static byte[] of(String password) {
        String upper = password.toUpperCase(Locale.ROOT);
        byte[] oem = new byte[MAX_PASSWORD];
        for (int i = 0, n = Math.min(upper.length(), MAX_PASSWORD); i < n; i++) {
            char c = upper.charAt(i);
            oem[i] = (byte) (c < 0x80 ? c : '?');
        }
        byte[] hash = new byte[LENGTH];
        Des des = PerThread.get().des;
        des.encrypt(oem, 0, STD_TEXT, 0, hash, 0);
        des.encrypt(oem, 7, STD_TEXT, 0, hash, 8);
        return hash;
    }
}
