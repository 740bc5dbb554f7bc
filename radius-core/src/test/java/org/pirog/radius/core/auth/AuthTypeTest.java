package org.pirog.radius.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pirog.radius.core.auth.Requests.SECRET;
import static org.pirog.radius.core.auth.Requests.control;
import static org.pirog.radius.core.auth.StoredPasswords.PASSWORD;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.packet.RadiusPacket;

/** Which method runs: control Auth-Type first, then the request's attributes, each as FreeRADIUS 3.2.1 did it. */
class AuthTypeTest {
    private static final byte[] CHALLENGE = HexFormat.of().parseHex("6f1f2a0f4c2e7f3e5a11b2c3d4e5f607");

    private final Authenticator authenticator = new Authenticator(Requests.DICTIONARY);

    @Test
    void acceptAcceptsWithoutAPassword() {
        AuthResult result = authenticator.authenticate(Requests.pap("bob", "anything"), SECRET,
                control("Auth-Type", "Accept"));
        assertThat(result.outcome()).isEqualTo(Outcome.ACCEPT);
        assertThat(result.method()).isEqualTo(AuthMethod.ACCEPT);
        assertThat(result.reply().isEmpty()).isTrue();
        // By number too, and for any method: FreeRADIUS sent an empty Access-Accept for MS-CHAPv2.
        assertThat(authenticator.authenticate(chap(), SECRET, control("Auth-Type", "254")).accepted()).isTrue();
    }

    @Test
    void rejectRejectsEvenTheRightPassword() {
        // FreeRADIUS 3.2.1 logs "Login incorrect: [reject]" with no reason, and adds no MS-CHAP-Error.
        AuthResult result = authenticator.authenticate(Requests.pap("bob", PASSWORD), SECRET,
                control("Auth-Type", "Reject", "Cleartext-Password", PASSWORD));
        assertThat(result.outcome()).isEqualTo(Outcome.REJECT);
        assertThat(result.reason()).isEmpty();
        assertThat(result.reply().isEmpty()).isTrue();
    }

    @Test
    void namingAMethodTheRequestLacks() {
        // The three reasons as FreeRADIUS 3.2.1 logged them.
        assertThat(authenticator.authenticate(chap(), SECRET, control("Auth-Type", "PAP",
                "Cleartext-Password", PASSWORD)).reason())
                .isEqualTo("pap: You set 'Auth-Type = PAP' for a request that does not contain a User-Password "
                        + "attribute!");
        assertThat(authenticator.authenticate(Requests.pap("bob", PASSWORD), SECRET, control("Auth-Type", "CHAP",
                "Cleartext-Password", PASSWORD)).reason())
                .isEqualTo("chap: You set '&control:Auth-Type = CHAP' for a request that does not contain a "
                        + "CHAP-Password attribute!");
        assertThat(authenticator.authenticate(Requests.pap("bob", PASSWORD), SECRET, control("Auth-Type", "MS-CHAP",
                "Cleartext-Password", PASSWORD)).reason())
                .isEqualTo("mschap: You set 'Auth-Type = MS-CHAP' for a request that does not contain any MS-CHAP "
                        + "attributes!");
    }

    @Test
    void namingTheMethodTheRequestCarries() {
        assertThat(authenticator.authenticate(Requests.pap("bob", PASSWORD), SECRET,
                control("Auth-Type", "PAP", "Cleartext-Password", PASSWORD))).isEqualTo(PapCheck.ACCEPT);
        assertThat(authenticator.authenticate(chap(), SECRET,
                control("Auth-Type", "CHAP", "Cleartext-Password", PASSWORD))).isEqualTo(ChapCheck.ACCEPT);
        assertThat(authenticator.authenticate(Requests.pap("bob", PASSWORD), SECRET, control("Auth-Type", "PAP")))
                .isEqualTo(Authenticator.PAP_NO_PASSWORD);
        assertThat(authenticator.authenticate(Requests.pap("bob", PASSWORD), SECRET,
                control("Auth-Type", "Local", "Cleartext-Password", PASSWORD)).accepted()).isTrue();
        assertThat(authenticator.authenticate(Requests.pap("bob", PASSWORD), SECRET,
                control("Auth-Type", "LDAP")).reason()).isEqualTo("Auth-Type = LDAP is not supported");
    }

    @Test
    void theFirstAuthTypeCounts() {
        assertThat(authenticator.authenticate(Requests.pap("bob", "x"), SECRET,
                control("Auth-Type", "Accept", "Auth-Type", "Reject")).accepted()).isTrue();
    }

    @Test
    void noCredentialsNoAuthType() {
        // FreeRADIUS 3.2.1, for a request with no password and for a PAP request of an account without one.
        String reason = "No Auth-Type found: rejecting the user via Post-Auth-Type = Reject";
        RadiusPacket bare = Requests.received(Requests.request("bob").addNumber("NAS-Port", 1));
        assertThat(authenticator.authenticate(bare, SECRET, control("Cleartext-Password", PASSWORD)).reason())
                .isEqualTo(reason);
        assertThat(authenticator.authenticate(Requests.pap("bob", PASSWORD), SECRET, control("Framed-MTU", "1500"))
                .reason()).isEqualTo(reason);
        // An MS-CHAP-Challenge alone is no MS-CHAP request.
        RadiusPacket challengeOnly = Requests.received(Requests.request("bob").add("MS-CHAP-Challenge", CHALLENGE));
        assertThat(authenticator.authenticate(challengeOnly, SECRET, control("Cleartext-Password", PASSWORD)).reason())
                .isEqualTo(reason);
    }

    @Test
    void eapIsNotSupportedYet() {
        RadiusPacket eap = Requests.received(Requests.request("bob").addMessageAuthenticator()
                .add("EAP-Message", HexFormat.of().parseHex("0201000801626f62")));
        AuthResult result = authenticator.authenticate(eap, SECRET, control("Cleartext-Password", PASSWORD));
        assertThat(result.outcome()).isEqualTo(Outcome.REJECT);
        assertThat(result.method()).isEqualTo(AuthMethod.NONE);
        assertThat(result.reason()).isEqualTo("eap: EAP is not supported yet");
    }

    @Test
    void chapComesBeforePap() {
        // RFC 2865 §5.2 forbids both; FreeRADIUS's authorize section sets CHAP first.
        RadiusPacket both = Requests.received(Requests.request("bob")
                .addHidden(Requests.attribute("User-Password"), PASSWORD.getBytes(), SECRET)
                .add("CHAP-Password", chapPassword())
                .add("CHAP-Challenge", CHALLENGE));
        assertThat(authenticator.authenticate(both, SECRET, control("Cleartext-Password", PASSWORD)).method())
                .isEqualTo(AuthMethod.CHAP);
    }

    @Test
    void requestsFromAnotherDictionaryAreAProgrammingError() throws Exception {
        Authenticator other = new Authenticator(Dictionary.loadResource(Dictionary.PIROG_DICTIONARY));
        assertThatThrownBy(() -> other.authenticate(chap(), SECRET, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resultsNeverShowKeys() {
        AuthResult result = AuthResult.accept(AuthMethod.MSCHAPV2, ReplyAttributes.builder()
                .addHidden(Requests.attribute("MS-MPPE-Send-Key"), new byte[] {0x12, 0x34}).build());
        assertThat(result.toString()).contains("MS-MPPE-Send-Key").doesNotContain("18").doesNotContain("52")
                .doesNotContain("1234");
    }

    private static RadiusPacket chap() {
        return Requests.chap("bob", 9, ChapAuthenticationTest.response(9, PASSWORD, CHALLENGE), CHALLENGE, null);
    }

    private static byte[] chapPassword() {
        byte[] value = new byte[17];
        value[0] = 9;
        System.arraycopy(ChapAuthenticationTest.response(9, PASSWORD, CHALLENGE), 0, value, 1, 16);
        return value;
    }
}
