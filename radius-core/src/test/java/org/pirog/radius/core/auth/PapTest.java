package org.pirog.radius.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pirog.radius.core.auth.Requests.SECRET;
import static org.pirog.radius.core.auth.Requests.control;
import static org.pirog.radius.core.auth.Requests.pap;
import static org.pirog.radius.core.auth.StoredPasswords.PASSWORD;
import static org.pirog.radius.core.auth.StoredPasswords.WRONG;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.core.policy.Operator;
import org.pirog.radius.core.policy.PolicyItem;

/** PAP against every stored form, through an Access-Request whose User-Password is hidden as a NAS hides it. */
class PapTest {
    private final Authenticator authenticator = new Authenticator(Requests.DICTIONARY);

    @ParameterizedTest
    @FieldSource("org.pirog.radius.core.auth.StoredPasswords#ALL")
    void acceptsThePasswordAndRejectsAnother(StoredPasswords.Stored stored) {
        List<PolicyItem> control = control(stored.attribute(), stored.value());

        AuthResult accept = authenticator.authenticate(pap("bob", PASSWORD), SECRET, control);
        assertThat(accept.outcome()).isEqualTo(Outcome.ACCEPT);
        assertThat(accept.method()).isEqualTo(AuthMethod.PAP);
        assertThat(accept.reason()).isEmpty();
        assertThat(accept.reply().isEmpty()).isTrue();

        AuthResult reject = authenticator.authenticate(pap("bob", WRONG), SECRET, control);
        assertThat(reject.outcome()).isEqualTo(Outcome.REJECT);
        assertThat(reject.method()).isEqualTo(AuthMethod.PAP);
        assertThat(reject.reason()).isEqualTo(stored.reason());
    }

    @ParameterizedTest
    @FieldSource("org.pirog.radius.core.auth.StoredPasswords#ALL")
    void aPasswordThatOnlyStartsTheSameIsRejected(StoredPasswords.Stored stored) {
        // Crypt DES reads only 8 characters, so "hunter2-" would pass it, as it passes crypt(3).
        String prefix = stored.value().equals("pXa9Z.MTpp522") ? "hunter2" : "hunter2-piro";
        assertThat(authenticator.authenticate(pap("bob", prefix), SECRET,
                control(stored.attribute(), stored.value())).outcome()).isEqualTo(Outcome.REJECT);
    }

    @Test
    void userPasswordAsACheckItemIsTheCleartextPassword() {
        // Old users files: 'bob User-Password == "secret"'. FreeRADIUS 3.2.1 ignores it with a warning; Pirog
        // reads it as Cleartext-Password, as its dictionary says.
        for (Operator operator : List.of(Operator.EQUAL, Operator.ASSIGN)) {
            List<PolicyItem> control = List.of(PolicyItem.of(Requests.attribute("User-Password"), operator, PASSWORD));
            assertThat(authenticator.authenticate(pap("bob", PASSWORD), SECRET, control).accepted()).isTrue();
            assertThat(authenticator.authenticate(pap("bob", WRONG), SECRET, control).reason())
                    .isEqualTo(StoredPasswords.CLEARTEXT);
        }
    }

    @Test
    void comparisonsOtherThanEqualityAreNotStoredPasswords() {
        List<PolicyItem> control = List.of(
                PolicyItem.of(Requests.attribute("Cleartext-Password"), Operator.NOT_EQUAL, PASSWORD));
        assertThat(authenticator.authenticate(pap("bob", PASSWORD), SECRET, control))
                .isEqualTo(Authenticator.NO_AUTH_TYPE);
    }

    @Test
    void theFirstStoredPasswordIsTheOneChecked() {
        // FreeRADIUS 3.2.1, control NT-Password then LM-Password: "NT digest does not match".
        List<PolicyItem> control = control("NT-Password", "00000000000000000000000000000000",
                "Cleartext-Password", PASSWORD);
        assertThat(authenticator.authenticate(pap("bob", PASSWORD), SECRET, control).reason())
                .isEqualTo(StoredPasswords.digest("NT"));
    }

    @Test
    void passwordWithHeaderComesAfterTheOthersAndYieldsToACleartextPassword() {
        // FreeRADIUS 3.2.1: {md5} of the password next to a wrong Cleartext-Password is rejected as cleartext.
        List<PolicyItem> control = control("Password-With-Header", "{md5}F3Emh7PWqXuVFgAMn/kuyA==",
                "Cleartext-Password", "wrong-one");
        assertThat(authenticator.authenticate(pap("bob", PASSWORD), SECRET, control).reason())
                .isEqualTo(StoredPasswords.CLEARTEXT);
        List<PolicyItem> headerFirst = control("Password-With-Header", "{cleartext}wrong-one",
                "SHA-Password", "28d5c6d411d27d4992a4350337b38137438d719c");
        assertThat(authenticator.authenticate(pap("bob", PASSWORD), SECRET, headerFirst).accepted()).isTrue();
    }

    @Test
    void unknownHeadersMakeTheWholeValueTheCleartext() {
        // FreeRADIUS 3.2.1 rejects "{bogus}hunter2-pirog" for hunter2-pirog.
        List<PolicyItem> control = control("Password-With-Header", "{bogus}" + PASSWORD);
        assertThat(authenticator.authenticate(pap("bob", PASSWORD), SECRET, control).reason())
                .isEqualTo(StoredPasswords.CLEARTEXT);
        assertThat(authenticator.authenticate(pap("bob", "{bogus}" + PASSWORD), SECRET, control).accepted()).isTrue();
    }

    @Test
    void unusableStoredValuesGiveRlmPapsReasons() {
        // Each reason as FreeRADIUS 3.2.1 logged it for the same value.
        assertReason(control("MD5-Password", "1771268"), "pap: \"known-good\" MD5 password has incorrect length");
        assertReason(control("NT-Password", "A19E4457D58627F57BC3DB0110B0"),
                "pap: \"known good\" NT-Password has incorrect length");
        assertReason(control("SHA2-Password", "abcdef"),
                "pap: \"known good\" digest length (6) does not match output length of any SHA-2 digests");
        assertReason(control("SSHA-Password", "abcdef"), "pap: \"known-good\" SSHA-Password has incorrect length");
        assertReason(control("PBKDF2-Password", "garbage"), "pap: PBKDF2-Password has no component separators");
        assertReason(control("PBKDF2-Password", "HMACSHA2+256:AAAD6A==:cGlyb2ctc2FsdC0xNmJ5dA==:d3OndPDEQziy2JyyaoRzt"
                + "AWwhtQ="), "pap: PBKDF2-Password hash component length is incorrect for hash type, expected 32, got 20");
        assertReason(control("Crypt-Password", "$9$xx"), StoredPasswords.CRYPT);
        // Not checked against FreeRADIUS: same wording as its other forms.
        assertReason(control("SSHA2-256-Password", "abcdef"),
                "pap: \"known-good\" SSHA2-256-Password has incorrect length, got 6 bytes, need at least 33 bytes");
        assertReason(control("NS-MTA-MD5-Password", "short"),
                "pap: \"known good\" NS-MTA-MD5-Password has incorrect length");
    }

    @Test
    void moreCryptForms() {
        // python3 crypt (libxcrypt): explicit rounds, UTF-8 password, bcrypt beyond its 72-octet limit.
        assertAccepts("Crypt-Password", "$5$rounds=10000$PirogSalt1234$oY6pwoxO5WUu3kSZpjEegA4/XD9W.r.MEObZ0D2e8V/",
                PASSWORD);
        assertAccepts("Crypt-Password", "$6$PirogSalt1234$P5xNNWQrqMscSPubYKiPXL373.rGFatXLpguq1/TC4Y9MRmD1znF4iJNXx"
                + "gDjbxEfsFT6ydwk.x3jbyKeIrzN0", "pässwörd-ünïcode");
        assertAccepts("Crypt-Password", "$2b$05$abcdefghijklmnopqrstuujf8SX2ahXLwp9w/B.Y5XdysS6yR576q", "x".repeat(80));
    }

    @Test
    void anEmptyPasswordIsRejected() {
        // Hidden as the NAS hides an empty password: one block of zero padding.
        RadiusPacket request = pap("bob", new byte[0]);
        assertThat(authenticator.authenticate(request, SECRET, control("Cleartext-Password", PASSWORD)))
                .isEqualTo(Authenticator.PAP_EMPTY);
    }

    @Test
    void aMalformedUserPasswordIsRejected() {
        RadiusPacket request = Requests.request("bob").add("User-Password", new byte[15]).build();
        assertThat(authenticator.authenticate(request, SECRET, control("Cleartext-Password", PASSWORD)))
                .isEqualTo(Authenticator.PAP_MALFORMED);
    }

    @Test
    void aPasswordThatIsNotUtf8CannotMatchAnNtHash() {
        RadiusPacket request = pap("bob", new byte[] {'a', (byte) 0xC3});
        assertThat(authenticator.authenticate(request, SECRET, control("NT-Password", StoredPasswords.NT_HASH)))
                .isEqualTo(PapCheck.NOT_UCS2);
    }

    @Test
    void theSecretMatters() {
        RadiusPacket request = pap("bob", PASSWORD);
        assertThat(authenticator.authenticate(request, SharedSecret.of("other"),
                control("Cleartext-Password", PASSWORD)).outcome()).isEqualTo(Outcome.REJECT);
    }

    @Test
    void slowHashesAreFlaggedForAWorkerThread() {
        RadiusPacket request = pap("bob", PASSWORD);
        assertThat(authenticator.runsSlowHash(request, control("Crypt-Password", "$1$Pirog123$CEwotUhOZ8oZnGJLXH1sB1")))
                .isTrue();
        assertThat(authenticator.runsSlowHash(request, control("Password-With-Header",
                "{x-pbkdf2}HMACSHA1:AAAD6A==:cGlyb2ctc2FsdC0xNmJ5dA==:d3OndPDEQziy2JyyaoRztAWwhtQ="))).isTrue();
        assertThat(authenticator.runsSlowHash(request, control("Cleartext-Password", PASSWORD))).isFalse();
        assertThat(authenticator.runsSlowHash(request, control("SSHA-Password",
                "69129e04a17c9c79aa9cc09ad395bcdbb4fa027a0102030405060708"))).isFalse();
        assertThat(authenticator.runsSlowHash(request, control("Auth-Type", "Accept",
                "Crypt-Password", "$1$Pirog123$CEwotUhOZ8oZnGJLXH1sB1"))).isFalse();
    }

    private void assertAccepts(String attribute, String value, String password) {
        List<PolicyItem> control = control(attribute, value);
        assertThat(authenticator.authenticate(pap("bob", password.getBytes(StandardCharsets.UTF_8)), SECRET, control)
                .accepted()).as(value).isTrue();
        assertThat(authenticator.authenticate(pap("bob", WRONG), SECRET, control).accepted()).as(value).isFalse();
    }

    private void assertReason(List<PolicyItem> control, String reason) {
        for (String password : List.of(PASSWORD, WRONG)) {
            AuthResult result = authenticator.authenticate(pap("bob", password), SECRET, control);
            assertThat(result.outcome()).isEqualTo(Outcome.REJECT);
            assertThat(result.reason()).isEqualTo(reason);
        }
    }
}
