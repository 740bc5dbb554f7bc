package org.pirog.radius.codec.mschap;

import org.bouncycastle.crypto.engines.DESEngine;

/**
 * DesEncrypt of RFC 2433 §A.4 / RFC 2759 §8.6: single DES in ECB mode keyed by 7 octets (56 bits) that are first
 * spread over 8 octets with odd parity bits.
 *
 * <p>Extends BouncyCastle's lightweight {@link DESEngine} to reach its key schedule and block function directly,
 * skipping the {@code KeyParameter} and {@code init} per key that the public API needs.
 */
final class Des extends DESEngine {

    /** BouncyCastle's key schedule and block function keep no state: one instance serves every thread. */
    private static final Des SCHEDULER = new Des();

    private final byte[] key8 = new byte[8];

    /** Encrypts the 8 octets at {@code in[inOff]} with the 7-octet key at {@code key7[kOff]} into {@code out}. */
    void encrypt(byte[] key7, int kOff, byte[] in, int inOff, byte[] out, int outOff) {
        expandKey(key7, kOff, key8, 0);
        desFunc(generateWorkingKey(true, key8), in, inOff, out, outOff);
    }

    /** The DES key schedule (encryption) of an 8-octet key with parity bits; kept by {@link NtKeySchedule}. */
    static int[] schedule(byte[] key8) {
        return SCHEDULER.generateWorkingKey(true, key8);
    }

    /** Encrypts one block with a schedule made by {@link #schedule}. */
    static void encryptBlock(int[] schedule, byte[] in, int inOff, byte[] out, int outOff) {
        SCHEDULER.desFunc(schedule, in, inOff, out, outOff);
    }

    /**
     * Spreads 56 key bits over 8 octets, 7 bits each from the top, and sets each octet's lowest bit so the octet
     * has odd parity (RFC 2759 §9.3 shows an example).
     */
    static void expandKey(byte[] in, int off, byte[] out, int outOff) {
        long bits = 0;
        for (int i = 0; i < 7; i++) {
            bits = (bits << 8) | (in[off + i] & 0xFF);
        }
        for (int i = 0; i < 8; i++) {
            int seven = (int) (bits >>> (49 - 7 * i)) & 0x7F;
            int octet = seven << 1;
            out[outOff + i] = (byte) (octet | (Integer.bitCount(octet) & 1 ^ 1));
        }
    }
}
