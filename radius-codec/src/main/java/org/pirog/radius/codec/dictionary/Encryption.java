package org.pirog.radius.codec.dictionary;

import org.jspecify.annotations.Nullable;

/**
 * How an attribute's value is hidden on the wire, from the dictionary flag {@code encrypt=N}.
 */
public enum Encryption {
    NONE,
    /** {@code encrypt=1}: RFC 2865 §5.2 User-Password hiding. */
    USER_PASSWORD,
    /** {@code encrypt=2}: RFC 2868 §3.5 Tunnel-Password salted hiding (also MS-MPPE keys). */
    TUNNEL_PASSWORD,
    /** {@code encrypt=3}: Ascend-Send-Secret style hiding. */
    ASCEND_SECRET;

    /** The encryption for the number in {@code encrypt=N}, or {@code null} if FreeRADIUS defines none. */
    public static @Nullable Encryption fromFlag(int flag) {
        return switch (flag) {
            case 0 -> NONE;
            case 1 -> USER_PASSWORD;
            case 2 -> TUNNEL_PASSWORD;
            case 3 -> ASCEND_SECRET;
            default -> null;
        };
    }
}
