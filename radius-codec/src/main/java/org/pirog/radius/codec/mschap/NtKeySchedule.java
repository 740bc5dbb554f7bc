package org.pirog.radius.codec.mschap;

import java.util.Objects;

/**
 * The three DES key schedules an NT password hash gives ChallengeResponse (RFC 2759 §8.5): the hash, zero-padded
 * to 21 octets, is three 7-octet DES keys. They depend on the password only, so a server that keeps them per
 * account spends no key schedule per request: that schedule is most of the cost of checking MS-CHAP.
 * Immutable and thread-safe.
 */
public final class NtKeySchedule {
    private final int[][] workingKeys = new int[3][];

    private NtKeySchedule(byte[] passwordHash, int offset) {
        byte[] padded = new byte[21];
        System.arraycopy(passwordHash, offset, padded, 0, 16);
        byte[] key8 = new byte[8];
        for (int i = 0; i < 3; i++) {
            Des.expandKey(padded, 7 * i, key8, 0);
            workingKeys[i] = Des.schedule(key8);
        }
    }

    /** The schedules of a 16-octet NT (or LM) password hash. */
    public static NtKeySchedule of(byte[] passwordHash16) {
        Objects.checkFromIndexSize(0, 16, passwordHash16.length);
        return new NtKeySchedule(passwordHash16, 0);
    }

    /** ChallengeResponse of the 8-octet {@code challenge[cOff..]} into {@code out[outOff..outOff+24)}. */
    public void challengeResponse(byte[] challenge, int cOff, byte[] out, int outOff) {
        Objects.checkFromIndexSize(cOff, 8, challenge.length);
        Objects.checkFromIndexSize(outOff, 24, out.length);
        for (int i = 0; i < 3; i++) {
            Des.encryptBlock(workingKeys[i], challenge, cOff, out, outOff + 8 * i);
        }
    }
}
