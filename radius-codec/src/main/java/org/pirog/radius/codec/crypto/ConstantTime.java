package org.pirog.radius.codec.crypto;

import java.util.Objects;

/**
 * Comparison of secrets whose running time does not depend on where they differ.
 *
 * <p>Every authenticator and response check must use it: an early-exit comparison leaks, through timing, how
 * many leading octets of a forged value were right. {@code MessageDigest.isEqual} does the same but only over
 * whole arrays, which would force a copy out of the packet.
 */
public final class ConstantTime {

    private ConstantTime() {
    }

    /**
     * Whether {@code a[aOff..aOff+len)} equals {@code b[bOff..bOff+len)}, in time that depends only on {@code len}.
     *
     * @throws IndexOutOfBoundsException if either range is outside its array
     */
    public static boolean equals(byte[] a, int aOff, byte[] b, int bOff, int len) {
        Objects.checkFromIndexSize(aOff, len, a.length);
        Objects.checkFromIndexSize(bOff, len, b.length);
        int diff = 0;
        for (int i = 0; i < len; i++) {
            diff |= a[aOff + i] ^ b[bOff + i];
        }
        return diff == 0;
    }
}
