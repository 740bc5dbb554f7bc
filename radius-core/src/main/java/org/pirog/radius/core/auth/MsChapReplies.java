package org.pirog.radius.core.auth;

import java.nio.charset.StandardCharsets;

/** What both MS-CHAP versions put in replies: MS-CHAP-Error on failure, the MPPE policy on success. */
final class MsChapReplies {
    /** RFC 2548 §2.4.4 MS-MPPE-Encryption-Policy: Encryption-Allowed. */
    static final int ENCRYPTION_ALLOWED = 1;
    /** RFC 2548 §2.4.5 MS-MPPE-Encryption-Types: RC4-40or128-bit-Allowed. */
    static final int RC4_40_OR_128_BIT = 6;

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** RFC 2433 §6 / RFC 2759 §6: 691 is an authentication failure; R=1 lets the peer retry. */
    private static final byte[] FAILURE = "E=691 R=1 C=".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] V1_TAIL = " V=2".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] V2_TAIL = " V=3 M=Authentication rejected".getBytes(StandardCharsets.US_ASCII);

    private MsChapReplies() {
    }

    /**
     * MS-CHAP-Error for a failed response, in FreeRADIUS 3.2's words: the response's Ident octet, then
     * {@code E=691 R=1 C=<new challenge> V=2} for MS-CHAPv1 (8-octet challenge, RFC 2433 §6) or
     * {@code E=691 R=1 C=<new challenge> V=3 M=Authentication rejected} for MS-CHAPv2 (16 octets, RFC 2759 §6).
     * The challenge is fresh and random, for the retry R=1 allows; hex digits in lower case as FreeRADIUS writes.
     */
    static byte[] failure(int ident, boolean version2, PerThread t) {
        byte[] challenge = new byte[version2 ? 16 : 8];
        t.randomBytes(challenge);
        byte[] tail = version2 ? V2_TAIL : V1_TAIL;
        byte[] error = new byte[1 + FAILURE.length + 2 * challenge.length + tail.length];
        error[0] = (byte) ident;
        System.arraycopy(FAILURE, 0, error, 1, FAILURE.length);
        int p = 1 + FAILURE.length;
        for (byte b : challenge) {
            error[p++] = HEX[(b >>> 4) & 0xF];
            error[p++] = HEX[b & 0xF];
        }
        System.arraycopy(tail, 0, error, p, tail.length);
        return error;
    }

    /** A reject carrying MS-CHAP-Error, which the NAS passes on to the peer. */
    static AuthResult reject(AuthMethod method, String reason, int ident, AuthAttributes attributes, PerThread t) {
        byte[] error = failure(ident, method == AuthMethod.MSCHAPV2, t);
        return AuthResult.reject(method, reason, ReplyAttributes.of(attributes.msChapError, error));
    }

    /** MS-MPPE-Encryption-Policy and -Types as FreeRADIUS sends them by default: MPPE allowed, 40 or 128 bits. */
    static ReplyAttributes.Builder addEncryption(ReplyAttributes.Builder reply, AuthAttributes attributes) {
        return reply.addInteger(attributes.msMppeEncryptionPolicy, ENCRYPTION_ALLOWED)
                .addInteger(attributes.msMppeEncryptionTypes, RC4_40_OR_128_BIT);
    }
}
