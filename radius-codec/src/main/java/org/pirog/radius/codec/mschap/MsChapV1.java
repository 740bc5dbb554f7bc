package org.pirog.radius.codec.mschap;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.crypto.ConstantTime;

/**
 * MS-CHAP version 1 (RFC 2433) as RADIUS carries it in MS-CHAP-Challenge and MS-CHAP-Response (RFC 2548 §2.3).
 *
 * <p>The server checks the 24-octet NT-Response (or, from very old clients, the LM-Response) against the
 * 8-octet challenge and the stored password hash; on success an Access-Accept may carry MS-CHAP-MPPE-Keys.
 */
public final class MsChapV1 {

    /** Length of a challenge in octets. */
    public static final int CHALLENGE_LENGTH = 8;
    /** Length of an LM- or NT-Response in octets. */
    public static final int RESPONSE_LENGTH = 24;
    /** Length of the MS-CHAP-MPPE-Keys plaintext in octets. */
    public static final int MPPE_KEYS_LENGTH = 32;

    private MsChapV1() {
    }

    /**
     * ChallengeResponse (RFC 2433 §A.7, RFC 2759 §8.5): the hash zero-padded to 21 octets gives three 7-octet DES
     * keys, each encrypting the 8-octet challenge; the three results are the 24-octet response.
     */
    public static void challengeResponse(byte[] challenge, int cOff, byte[] passwordHash, int hOff, byte[] out,
                                         int outOff) {
        Objects.checkFromIndexSize(cOff, CHALLENGE_LENGTH, challenge.length);
        Objects.checkFromIndexSize(hOff, 16, passwordHash.length);
        Objects.checkFromIndexSize(outOff, RESPONSE_LENGTH, out.length);
        PerThread t = PerThread.get();
        byte[] z = t.zeroPaddedHash;
        System.arraycopy(passwordHash, hOff, z, 0, 16);
        z[16] = z[17] = z[18] = z[19] = z[20] = 0;
        for (int i = 0; i < 3; i++) {
            t.des.encrypt(z, 7 * i, challenge, cOff, out, outOff + 8 * i);
        }
    }

    /** NtChallengeResponse (RFC 2433 §A.5) from the NT password hash: 24 octets. */
    public static byte[] ntChallengeResponse(byte[] challenge8, byte[] ntHash16) {
        byte[] out = new byte[RESPONSE_LENGTH];
        challengeResponse(challenge8, 0, ntHash16, 0, out, 0);
        return out;
    }

    /** LmChallengeResponse (RFC 2433 §A.1) from the LM password hash: 24 octets. */
    public static byte[] lmChallengeResponse(byte[] challenge8, byte[] lmHash16) {
        byte[] out = new byte[RESPONSE_LENGTH];
        challengeResponse(challenge8, 0, lmHash16, 0, out, 0);
        return out;
    }

    /**
     * Whether {@code response[rOff..rOff+24)} is the ChallengeResponse of the password hash (NT hash for an
     * NT-Response, LM hash for an LM-Response) to the challenge; constant time, allocation-free.
     */
    public static boolean verify(byte[] challenge, int cOff, byte[] passwordHash, int hOff, byte[] response,
                                 int rOff) {
        Objects.checkFromIndexSize(rOff, RESPONSE_LENGTH, response.length);
        byte[] expected = PerThread.get().response;
        challengeResponse(challenge, cOff, passwordHash, hOff, expected, 0);
        return ConstantTime.equals(expected, 0, response, rOff, RESPONSE_LENGTH);
    }

    /**
     * The 32-octet plaintext of MS-CHAP-MPPE-Keys (RFC 2548 §2.4.1), to be hidden with
     * {@link org.pirog.radius.codec.crypto.UserPasswordCipher}: LM-Key (first 8 octets of the LM hash), NT-Key
     * (16 octets), 8 zero octets of padding.
     *
     * <p>For the NT-Key this uses {@code MD4(NT hash)}, the PasswordHashHash from which RFC 3079 §2.3 derives
     * MS-CHAP v1 128-bit keys, as FreeRADIUS sends it and pppd's RADIUS plugin reads it. Without an LM hash
     * ({@code null}, e.g. a password over 14 characters) the LM-Key is zeros.
     */
    public static byte[] mppeKeys(byte @Nullable [] lmPasswordHash, byte[] ntPasswordHash) {
        byte[] keys = new byte[MPPE_KEYS_LENGTH];
        if (lmPasswordHash != null) {
            System.arraycopy(lmPasswordHash, 0, keys, 0, 8);
        }
        NtPasswordHash.hashOfHashInto(ntPasswordHash, 0, keys, 8);
        return keys;
    }
}
