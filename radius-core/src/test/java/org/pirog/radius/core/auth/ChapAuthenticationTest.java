package org.pirog.radius.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pirog.radius.core.auth.Requests.SECRET;
import static org.pirog.radius.core.auth.Requests.control;
import static org.pirog.radius.core.auth.StoredPasswords.PASSWORD;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.pirog.radius.codec.packet.PacketCode;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.core.policy.PolicyItem;

/**
 * CHAP (RFC 2865 §5.3) end to end. The expected responses are computed here with the JDK's MD5 straight from
 * RFC 1994 §4.1, independently of radius-codec's Chap.
 */
class ChapAuthenticationTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] CHALLENGE = HEX.parseHex("6f1f2a0f4c2e7f3e5a11b2c3d4e5f607");
    private static final byte[] AUTHENTICATOR = HEX.parseHex("0f403f9473978057bd83d5cb98f4227a");

    private final Authenticator authenticator = new Authenticator(Requests.DICTIONARY);

    @Test
    void chapChallengeAttribute() {
        RadiusPacket request = Requests.chap("bob", 0x2a, response(0x2a, PASSWORD, CHALLENGE), CHALLENGE, null);
        AuthResult result = authenticator.authenticate(request, SECRET, control("Cleartext-Password", PASSWORD));
        assertThat(result).isEqualTo(ChapCheck.ACCEPT);
        assertThat(result.method()).isEqualTo(AuthMethod.CHAP);
    }

    @Test
    void requestAuthenticatorAsTheChallenge() {
        // RFC 2865 §5.3: without CHAP-Challenge the challenge is the Request Authenticator.
        RadiusPacket request = Requests.chap("bob", 7, response(7, PASSWORD, AUTHENTICATOR), null, AUTHENTICATOR);
        assertThat(authenticator.authenticate(request, SECRET, control("Cleartext-Password", PASSWORD)).accepted())
                .isTrue();
        RadiusPacket otherChallenge = Requests.chap("bob", 7, response(7, PASSWORD, CHALLENGE), null, AUTHENTICATOR);
        assertThat(authenticator.authenticate(otherChallenge, SECRET, control("Cleartext-Password", PASSWORD)))
                .isEqualTo(ChapCheck.INCORRECT);
    }

    @Test
    void wrongPasswordOrIdentifier() {
        // FreeRADIUS 3.2.1: "chap: Password comparison failed: password is incorrect"
        RadiusPacket wrong = Requests.chap("bob", 1, response(1, "wrong-pw", CHALLENGE), CHALLENGE, null);
        assertThat(authenticator.authenticate(wrong, SECRET, control("Cleartext-Password", PASSWORD)).reason())
                .isEqualTo("chap: Password comparison failed: password is incorrect");
        RadiusPacket otherId = Requests.chap("bob", 2, response(1, PASSWORD, CHALLENGE), CHALLENGE, null);
        assertThat(authenticator.authenticate(otherId, SECRET, control("Cleartext-Password", PASSWORD)))
                .isEqualTo(ChapCheck.INCORRECT);
    }

    @ParameterizedTest
    @FieldSource("org.pirog.radius.core.auth.StoredPasswords#ALL")
    void onlyACleartextPasswordCanAnswer(StoredPasswords.Stored stored) {
        // FreeRADIUS 3.2.1 accepted CHAP for Cleartext-Password and {cleartext}, header-less and base64-wrapped
        // Password-With-Header, and said "&control:Cleartext-Password is required" for NT, LM, MD5, {md5}, crypt.
        List<PolicyItem> control = control(stored.attribute(), stored.value());
        RadiusPacket request = Requests.chap("bob", 9, response(9, PASSWORD, CHALLENGE), CHALLENGE, null);
        AuthResult result = authenticator.authenticate(request, SECRET, control);
        if (stored.reason().equals(StoredPasswords.CLEARTEXT)) {
            assertThat(result).isEqualTo(ChapCheck.ACCEPT);
        } else {
            assertThat(result.reason()).isEqualTo("chap: &control:Cleartext-Password is required for authentication");
        }
    }

    @Test
    void malformedRequests() {
        RadiusPacket shortPassword = Requests.received(Requests.request("bob").add("CHAP-Password", new byte[16]));
        assertThat(authenticator.authenticate(shortPassword, SECRET, control("Cleartext-Password", PASSWORD)))
                .isEqualTo(ChapCheck.INVALID_LENGTH);
        RadiusPacket noUserName = Requests.received(
                RadiusPacket.builder(Requests.DICTIONARY, PacketCode.ACCESS_REQUEST, 1).add("CHAP-Password", new byte[17]));
        assertThat(authenticator.authenticate(noUserName, SECRET, control("Cleartext-Password", PASSWORD)))
                .isEqualTo(ChapCheck.NO_USER_NAME);
    }

    /** RFC 1994 §4.1: MD5(Identifier + secret + Challenge). */
    static byte[] response(int id, String password, byte[] challenge) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update((byte) id);
            md5.update(password.getBytes(StandardCharsets.UTF_8));
            md5.update(challenge);
            return md5.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
