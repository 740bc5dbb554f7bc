package org.pirog.radius.core.auth;

import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.chap.Chap;
import org.pirog.radius.codec.packet.RadiusPacket;

/**
 * CHAP (RFC 2865 §5.3, RFC 1994 §4.1): CHAP-Password holds the CHAP Identifier and MD5(Identifier + password +
 * challenge), the challenge being CHAP-Challenge (RFC 2865 §5.40) or, without it, the Request Authenticator. Only a
 * cleartext password can answer it, as rlm_chap says.
 */
final class ChapCheck {
    static final AuthResult ACCEPT = AuthResult.accept(AuthMethod.CHAP);
    static final AuthResult NO_CHAP_PASSWORD = reject(
            "chap: You set '&control:Auth-Type = CHAP' for a request that does not contain a CHAP-Password attribute!");
    static final AuthResult NO_USER_NAME = reject("chap: &request:User-Name attribute is required for authentication");
    static final AuthResult INVALID_LENGTH = reject("chap: &request:CHAP-Password has invalid length");
    static final AuthResult NO_CLEARTEXT = reject("chap: &control:Cleartext-Password is required for authentication");
    static final AuthResult INCORRECT = reject("chap: Password comparison failed: password is incorrect");

    private ChapCheck() {
    }

    /** Checks the CHAP-Password at {@code chapPassword} against the cleartext password, if the account has one. */
    static AuthResult check(RadiusPacket request, int chapPassword, @Nullable KnownGoodPassword cleartext,
            AuthAttributes attributes, PerThread t) {
        if (!request.contains(attributes.userName)) {
            return NO_USER_NAME;
        }
        if (request.valueLength(chapPassword) != Chap.PASSWORD_ATTRIBUTE_LENGTH) {
            return INVALID_LENGTH;
        }
        if (cleartext == null) {
            return NO_CLEARTEXT;
        }
        request.copyValue(chapPassword, t.response, 0);
        int challenge = attributes.chapChallenge == null ? -1 : request.indexOf(attributes.chapChallenge);
        int challengeLength;
        if (challenge >= 0) {
            challengeLength = request.copyValue(challenge, t.value, 0);
        } else {
            request.copyAuthenticator(t.value, 0);
            challengeLength = 16;
        }
        byte[] password = cleartext.octets();
        return Chap.verify(t.response, 0, password, 0, password.length, t.value, 0, challengeLength)
                ? ACCEPT : INCORRECT;
    }

    private static AuthResult reject(String reason) {
        return AuthResult.reject(AuthMethod.CHAP, reason);
    }
}
