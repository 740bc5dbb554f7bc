package org.pirog.radius.codec.mschap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import org.pirog.radius.codec.crypto.ConstantTime;

/**
 * MS-CHAP version 2 (RFC 2759) as RADIUS carries it in MS-CHAP-Challenge, MS-CHAP2-Response and
 * MS-CHAP2-Success / MS-CHAP-Error (RFC 2548 §2.3).
 *
 * <p>User names: RFC 2759 §4 and §8.2 hash only the account name, without a Windows domain prefix: for
 * {@code BIGCO\johndoe} the name hashed is {@code johndoe}. The methods here take the name as given; strip a
 * domain first with {@link #userNameStart} or {@link #userNameWithoutDomain}.
 */
public final class MsChapV2 {

    /** Length of the authenticator and peer challenges in octets. */
    public static final int CHALLENGE_LENGTH = 16;
    /** Length of the NT-Response in octets. */
    public static final int NT_RESPONSE_LENGTH = 24;
    /** Length of the authenticator response {@code "S=" + 40 hex digits} in octets. */
    public static final int AUTHENTICATOR_RESPONSE_LENGTH = 42;

    // RFC 2759 §8.7
    private static final byte[] MAGIC1 = ascii("Magic server to client signing constant");
    private static final byte[] MAGIC2 = ascii("Pad to make it do more than one iteration");
    private static final byte[] HEX_DIGITS = ascii("0123456789ABCDEF");

    private MsChapV2() {
    }

    /** Index in {@code name[off..off+len)} where the account name starts: after the last backslash, if any. */
    public static int userNameStart(byte[] name, int off, int len) {
        Objects.checkFromIndexSize(off, len, name.length);
        for (int i = off + len - 1; i >= off; i--) {
            if (name[i] == '\\') {
                return i + 1;
            }
        }
        return off;
    }

    /** {@code name} without a {@code DOMAIN\} prefix. */
    public static String userNameWithoutDomain(String name) {
        return name.substring(name.lastIndexOf('\\') + 1);
    }

    /**
     * ChallengeHash (RFC 2759 §8.2): the first 8 octets of {@code SHA1(PeerChallenge + AuthenticatorChallenge +
     * UserName)}, written to {@code out[outOff..outOff+8)}.
     */
    public static void challengeHash(byte[] peerChallenge, int pOff, byte[] authenticatorChallenge, int aOff,
                                     byte[] userName, int uOff, int uLen, byte[] out, int outOff) {
        Objects.checkFromIndexSize(pOff, CHALLENGE_LENGTH, peerChallenge.length);
        Objects.checkFromIndexSize(aOff, CHALLENGE_LENGTH, authenticatorChallenge.length);
        Objects.checkFromIndexSize(uOff, uLen, userName.length);
        Objects.checkFromIndexSize(outOff, 8, out.length);
        PerThread t = PerThread.get();
        MessageDigest sha1 = t.sha1();
        sha1.update(peerChallenge, pOff, CHALLENGE_LENGTH);
        sha1.update(authenticatorChallenge, aOff, CHALLENGE_LENGTH);
        sha1.update(userName, uOff, uLen);
        System.arraycopy(t.finishSha1(), 0, out, outOff, 8);
    }

    /** ChallengeHash (RFC 2759 §8.2) of a user name already stripped of any domain: 8 octets. */
    public static byte[] challengeHash(byte[] peerChallenge16, byte[] authenticatorChallenge16, String userName) {
        byte[] name = userName.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[8];
        challengeHash(peerChallenge16, 0, authenticatorChallenge16, 0, name, 0, name.length, out, 0);
        return out;
    }

    /** GenerateNTResponse (RFC 2759 §8.1) from the NT password hash: 24 octets. */
    public static byte[] generateNtResponse(byte[] authenticatorChallenge16, byte[] peerChallenge16, String userName,
                                            byte[] ntHash16) {
        byte[] challenge = challengeHash(peerChallenge16, authenticatorChallenge16, userName);
        byte[] out = new byte[NT_RESPONSE_LENGTH];
        MsChapV1.challengeResponse(challenge, 0, ntHash16, 0, out, 0);
        return out;
    }

    /**
     * Whether {@code ntResponse[rOff..rOff+24)} is what GenerateNTResponse gives for these challenges, user name
     * and NT hash; constant time, allocation-free.
     */
    public static boolean verifyNtResponse(byte[] authenticatorChallenge, int aOff, byte[] peerChallenge, int pOff,
                                           byte[] userName, int uOff, int uLen, byte[] ntHash, int hOff,
                                           byte[] ntResponse, int rOff) {
        Objects.checkFromIndexSize(rOff, NT_RESPONSE_LENGTH, ntResponse.length);
        PerThread t = PerThread.get();
        challengeHash(peerChallenge, pOff, authenticatorChallenge, aOff, userName, uOff, uLen, t.challenge, 0);
        MsChapV1.challengeResponse(t.challenge, 0, ntHash, hOff, t.response, 0);
        return ConstantTime.equals(t.response, 0, ntResponse, rOff, NT_RESPONSE_LENGTH);
    }

    /**
     * {@link #verifyNtResponse(byte[], int, byte[], int, byte[], int, int, byte[], int, byte[], int)} with the NT
     * hash's DES schedules already made ({@link NtKeySchedule}): no key schedule per request.
     */
    public static boolean verifyNtResponse(byte[] authenticatorChallenge, int aOff, byte[] peerChallenge, int pOff,
                                           byte[] userName, int uOff, int uLen, NtKeySchedule keys,
                                           byte[] ntResponse, int rOff) {
        Objects.checkFromIndexSize(rOff, NT_RESPONSE_LENGTH, ntResponse.length);
        PerThread t = PerThread.get();
        challengeHash(peerChallenge, pOff, authenticatorChallenge, aOff, userName, uOff, uLen, t.challenge, 0);
        keys.challengeResponse(t.challenge, 0, t.response, 0);
        return ConstantTime.equals(t.response, 0, ntResponse, rOff, NT_RESPONSE_LENGTH);
    }

    /**
     * GenerateAuthenticatorResponse (RFC 2759 §8.7), starting from the NT hash rather than the password: writes
     * the 42 ASCII octets {@code "S=" + 40 uppercase hex digits} to {@code out[outOff..outOff+42)}, ready for
     * MS-CHAP2-Success after its Ident octet.
     */
    public static void authenticatorResponse(byte[] ntHash, int hOff, byte[] ntResponse, int rOff,
                                             byte[] peerChallenge, int pOff, byte[] authenticatorChallenge, int aOff,
                                             byte[] userName, int uOff, int uLen, byte[] out, int outOff) {
        Objects.checkFromIndexSize(rOff, NT_RESPONSE_LENGTH, ntResponse.length);
        Objects.checkFromIndexSize(outOff, AUTHENTICATOR_RESPONSE_LENGTH, out.length);
        PerThread t = PerThread.get();
        NtPasswordHash.hashOfHashInto(ntHash, hOff, t.hashHash, 0);
        challengeHash(peerChallenge, pOff, authenticatorChallenge, aOff, userName, uOff, uLen, t.challenge, 0);
        MessageDigest sha1 = t.sha1();
        sha1.update(t.hashHash);
        sha1.update(ntResponse, rOff, NT_RESPONSE_LENGTH);
        sha1.update(MAGIC1);
        byte[] digest = t.finishSha1();
        sha1 = t.sha1();
        sha1.update(digest);
        sha1.update(t.challenge);
        sha1.update(MAGIC2);
        digest = t.finishSha1();
        out[outOff] = 'S';
        out[outOff + 1] = '=';
        for (int i = 0; i < 20; i++) {
            out[outOff + 2 + 2 * i] = HEX_DIGITS[(digest[i] >> 4) & 0xF];
            out[outOff + 3 + 2 * i] = HEX_DIGITS[digest[i] & 0xF];
        }
    }

    /** GenerateAuthenticatorResponse (RFC 2759 §8.7) as a String, e.g. {@code "S=407A55...CDA56"}. */
    public static String authenticatorResponse(byte[] ntHash16, byte[] ntResponse24, byte[] peerChallenge16,
                                               byte[] authenticatorChallenge16, String userName) {
        byte[] name = userName.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[AUTHENTICATOR_RESPONSE_LENGTH];
        authenticatorResponse(ntHash16, 0, ntResponse24, 0, peerChallenge16, 0, authenticatorChallenge16, 0, name, 0,
                name.length, out, 0);
        return new String(out, StandardCharsets.US_ASCII);
    }

    /**
     * The Failure packet message of RFC 2759 §6, as MS-CHAP-Error carries it after its Ident octet:
     * {@code "E=691 R=0 C=<32 hex digits> V=3"}. Common codes: 646 restricted logon hours, 647 account disabled,
     * 648 password expired, 649 no dial-in permission, 691 authentication failure, 709 error changing password.
     *
     * @param retry     whether the peer may retry ({@code R=1})
     * @param challenge the 16-octet challenge for a retry ({@code C=}, which RFC 2759 §6 requires to be present)
     * @param version   the password-change protocol version; RFC 2759 §6 says 3 for MS-CHAP-V2
     */
    public static String errorMessage(int errorCode, boolean retry, byte[] challenge, int version) {
        if (challenge.length != CHALLENGE_LENGTH) {
            throw new IllegalArgumentException("challenge must be 16 octets, got " + challenge.length);
        }
        StringBuilder sb = new StringBuilder(48).append("E=").append(errorCode).append(" R=").append(retry ? '1' : '0')
                .append(" C=");
        for (byte b : challenge) {
            sb.append((char) HEX_DIGITS[(b >> 4) & 0xF]).append((char) HEX_DIGITS[b & 0xF]);
        }
        return sb.append(" V=").append(version).toString();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
