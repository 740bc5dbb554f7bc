package org.pirog.radius.core.auth;

import java.util.Objects;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.packet.RadiusPacketBuilder;

/**
 * The verdict on one Access-Request.
 *
 * @param outcome whether to accept or reject
 * @param method  the method that decided
 * @param reason  why it was rejected, worded like FreeRADIUS 3.2's module messages so that a log line
 *                {@code Login incorrect (REASON): [user]} reads as operators know it; empty for an accept and where
 *                FreeRADIUS gives none ({@code Auth-Type := Reject}). Never contains a password.
 * @param reply   what the method puts in the reply, for an accept and for an MS-CHAP reject alike
 */
public record AuthResult(Outcome outcome, AuthMethod method, String reason, ReplyAttributes reply) {

    public AuthResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(reply, "reply");
    }

    static AuthResult accept(AuthMethod method) {
        return new AuthResult(Outcome.ACCEPT, method, "", ReplyAttributes.NONE);
    }

    static AuthResult accept(AuthMethod method, ReplyAttributes reply) {
        return new AuthResult(Outcome.ACCEPT, method, "", reply);
    }

    static AuthResult reject(AuthMethod method, String reason) {
        return new AuthResult(Outcome.REJECT, method, reason, ReplyAttributes.NONE);
    }

    static AuthResult reject(AuthMethod method, String reason, ReplyAttributes reply) {
        return new AuthResult(Outcome.REJECT, method, reason, reply);
    }

    public boolean accepted() {
        return outcome == Outcome.ACCEPT;
    }

    /**
     * Adds what the method puts in the reply (RFC 2548): for MS-CHAPv2 MS-CHAP2-Success, MS-MPPE-Recv-Key and
     * MS-MPPE-Send-Key (hidden with the secret and the request's authenticator), MS-MPPE-Encryption-Policy
     * (Encryption-Allowed) and MS-MPPE-Encryption-Types (RC4-40or128-bit-Allowed); for MS-CHAPv1 MS-CHAP-MPPE-Keys
     * and the same two; for a failed MS-CHAP MS-CHAP-Error, which belongs in the Access-Reject. PAP, CHAP and
     * Auth-Type add nothing.
     *
     * @param reply a builder from {@code request.replyBuilder(code)}, so that its Authenticator is the request's
     */
    public void addReplyAttributes(RadiusPacketBuilder reply, SharedSecret secret) {
        this.reply.addTo(reply, secret);
    }
}
