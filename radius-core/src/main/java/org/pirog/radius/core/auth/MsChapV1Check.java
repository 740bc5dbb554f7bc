package org.pirog.radius.core.auth;

import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.mschap.LmPasswordHash;
import org.pirog.radius.codec.mschap.MsChapV1;
import org.pirog.radius.codec.mschap.NtPasswordHash;
import org.pirog.radius.codec.packet.RadiusPacket;

/**
 * MS-CHAPv1 (RFC 2433) as RADIUS carries it (RFC 2548): MS-CHAP-Challenge holds the 8-octet challenge,
 * MS-CHAP-Response the Ident, Flags, 24-octet LM-Response and 24-octet NT-Response. Flags 1 asks for the
 * NT-Response, checked against the NT hash (NT-Password or a cleartext's hash); without one, a non-empty
 * LM-Response may still be checked against an LM-Password. Flags 0 means only the LM-Response counts, checked
 * against the LM hash (LM-Password or a cleartext's).
 *
 * <p>On success the reply carries MS-CHAP-MPPE-Keys (RFC 2548 §2.4.1): the LM-Key (first 8 octets of a stored
 * LM-Password; zeros without one, as FreeRADIUS sends), the NT-Key — MD4 of the NT hash, RFC 3079 §2.3's
 * PasswordHashHash, which FreeRADIUS sends and pppd reads — and the hiding's zero padding.
 */
final class MsChapV1Check {
    static final AuthResult WRONG_CHALLENGE =
            AuthResult.reject(AuthMethod.MSCHAP, "mschap: MS-CHAP-Challenge has the wrong format");
    static final AuthResult WRONG_RESPONSE =
            AuthResult.reject(AuthMethod.MSCHAP, "mschap: MS-CHAP-Response has the wrong format");
    static final String NO_NT_PASSWORD = "mschap: FAILED: No NT-Password.  Cannot perform authentication";
    static final String NO_LM_PASSWORD = "mschap: FAILED: No LM-Password.  Cannot perform authentication";
    // FreeRADIUS 3.2 says "MS-CHAP2-Response is incorrect" for both versions; Pirog names the attribute it checked.
    static final String INCORRECT = "mschap: MS-CHAP-Response is incorrect";

    private static final int RESPONSE_LENGTH = 50;
    private static final int LM_RESPONSE = 2;
    private static final int NT_RESPONSE = 26;
    /** LM-Key (8) + NT-Key (16); the User-Password hiding pads it to 32 with zeros. */
    private static final int MPPE_KEYS_LENGTH = 24;

    private MsChapV1Check() {
    }

    /**
     * Checks the MS-CHAP-Response at {@code response}.
     *
     * @param ntPassword an NT-Password or a cleartext password, or null
     * @param lmPassword a stored LM-Password, or null
     */
    static AuthResult check(RadiusPacket request, int response, @Nullable KnownGoodPassword ntPassword,
            @Nullable KnownGoodPassword lmPassword, AuthAttributes attributes, PerThread t) {
        int challenge = request.indexOf(attributes.msChapChallenge);
        if (challenge < 0 || request.valueLength(challenge) != MsChapV1.CHALLENGE_LENGTH) {
            return WRONG_CHALLENGE;
        }
        if (request.valueLength(response) != RESPONSE_LENGTH) {
            return WRONG_RESPONSE;
        }
        byte[] r = t.response;
        request.copyValue(response, r, 0);
        request.copyValue(challenge, t.value, 0);
        int ident = r[0] & 0xFF;
        // RFC 2548: Flags 1 asks for the NT-Response; 0 means the LM-Response alone.
        boolean useNt = (r[1] & 1) != 0;
        byte[] ntHash = ntPassword == null ? null : ntPassword.ntHash();
        boolean verified;
        if (useNt && ntHash != null) {
            verified = MsChapV1.verify(t.value, 0, ntHash, 0, r, NT_RESPONSE);
        } else {
            byte[] lmHash = lmHash(ntPassword, lmPassword);
            if (lmHash == null || (useNt && isZero(r, LM_RESPONSE))) {
                return MsChapReplies.reject(AuthMethod.MSCHAP, useNt ? NO_NT_PASSWORD : NO_LM_PASSWORD, ident,
                        attributes, t);
            }
            verified = MsChapV1.verify(t.value, 0, lmHash, 0, r, LM_RESPONSE);
        }
        if (!verified) {
            return MsChapReplies.reject(AuthMethod.MSCHAP, INCORRECT, ident, attributes, t);
        }
        byte[] keys = new byte[MPPE_KEYS_LENGTH];
        if (lmPassword != null) {
            System.arraycopy(lmPassword.octets(), 0, keys, 0, 8);
        }
        if (ntHash != null) {
            NtPasswordHash.hashOfHashInto(ntHash, 0, keys, 8);
        }
        ReplyAttributes.Builder reply = ReplyAttributes.builder().addHidden(attributes.msChapMppeKeys, keys);
        return AuthResult.accept(AuthMethod.MSCHAP, MsChapReplies.addEncryption(reply, attributes).build());
    }

    /** The stored LM-Password, else the LM hash of a stored cleartext password (legacy path: it may allocate). */
    private static byte @Nullable [] lmHash(@Nullable KnownGoodPassword ntPassword,
            @Nullable KnownGoodPassword lmPassword) {
        if (lmPassword != null) {
            return lmPassword.octets();
        }
        if (ntPassword != null && ntPassword.form() == PasswordForm.CLEARTEXT) {
            return LmPasswordHash.of(ntPassword.text());
        }
        return null;
    }

    private static boolean isZero(byte[] value, int offset) {
        int bits = 0;
        for (int i = 0; i < MsChapV1.RESPONSE_LENGTH; i++) {
            bits |= value[offset + i];
        }
        return bits == 0;
    }
}
