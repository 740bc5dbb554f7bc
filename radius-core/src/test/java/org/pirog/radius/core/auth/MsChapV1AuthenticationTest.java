package org.pirog.radius.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pirog.radius.core.auth.Requests.SECRET;
import static org.pirog.radius.core.auth.Requests.control;
import static org.pirog.radius.core.auth.StoredPasswords.PASSWORD;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.pirog.radius.codec.mschap.LmPasswordHash;
import org.pirog.radius.codec.mschap.MsChapV1;
import org.pirog.radius.codec.mschap.NtPasswordHash;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.core.policy.PolicyItem;

/**
 * MS-CHAPv1 end to end with the RFC 2433 §B.2 example (password "MyPw"). The LM-Response is the one radius-codec's
 * tests computed with python3's DES; the NT-Key is MD4 of the NT hash.
 */
class MsChapV1AuthenticationTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final byte[] CHALLENGE = HEX.parseHex("102DB5DF085D3041");
    private static final String NT_HASH = "FC156AF7EDCD6C0EDDE3337D427F4EAC";
    private static final byte[] NT_RESPONSE = HEX.parseHex("4E9D3C8F9CFD385D5BF4D3246791956CA4C351AB409A3D61");
    private static final byte[] LM_RESPONSE = HEX.parseHex("91881D0152AB0C33C524135EC24A95EE64E23CDC2D33347D");
    private static final String NT_KEY = "874FB0693E18106A814481BC51CD7D37";
    private static final byte[] NONE = new byte[24];

    private final Authenticator authenticator = new Authenticator(Requests.DICTIONARY);

    @Test
    void rfc2433Example() {
        RadiusPacket request = Requests.msChapV1("bob", CHALLENGE, 5, 1, LM_RESPONSE, NT_RESPONSE);
        AuthResult result = authenticator.authenticate(request, SECRET, control("Cleartext-Password", "MyPw"));
        assertThat(result.outcome()).isEqualTo(Outcome.ACCEPT);
        assertThat(result.method()).isEqualTo(AuthMethod.MSCHAP);
        assertThat(result.reply().names()).containsExactly("MS-CHAP-MPPE-Keys", "MS-MPPE-Encryption-Policy",
                "MS-MPPE-Encryption-Types");
        RadiusPacket reply = Replies.reply(request, result);
        // RFC 2548 §2.4.1: LM-Key (zeros without an LM-Password, as FreeRADIUS sends), NT-Key, zero padding; hidden
        // like User-Password into 32 octets.
        assertThat(Replies.value(reply, "MS-CHAP-MPPE-Keys")).hasSize(32);
        assertThat(HEX.formatHex(Replies.unhidden(reply, "MS-CHAP-MPPE-Keys", request)))
                .isEqualTo("0000000000000000" + NT_KEY);
    }

    @Test
    void anLmPasswordGivesTheLmKey() {
        RadiusPacket request = Requests.msChapV1("bob", CHALLENGE, 5, 1, LM_RESPONSE, NT_RESPONSE);
        String lmHash = HEX.formatHex(LmPasswordHash.of("MyPw"));
        RadiusPacket reply = Replies.reply(request, authenticator.authenticate(request, SECRET,
                control("NT-Password", NT_HASH, "LM-Password", lmHash)));
        assertThat(HEX.formatHex(Replies.unhidden(reply, "MS-CHAP-MPPE-Keys", request)))
                .isEqualTo(lmHash.substring(0, 16) + NT_KEY);
    }

    @Test
    void ntKeyAsFreeRadiusSentIt() {
        // FreeRADIUS 3.2.1, radtest -t mschap for hunter2-pirog: MS-CHAP-MPPE-Keys = 0x0000000000000000 6bbfd234…
        byte[] challenge = HEX.parseHex("0123456789ABCDEF");
        byte[] ntResponse = MsChapV1.ntChallengeResponse(challenge, NtPasswordHash.of(PASSWORD));
        RadiusPacket request = Requests.msChapV1("bob", challenge, 0, 1, NONE, ntResponse);
        RadiusPacket reply = Replies.reply(request, authenticator.authenticate(request, SECRET,
                control("NT-Password", StoredPasswords.NT_HASH)));
        assertThat(HexFormat.of().formatHex(Replies.unhidden(reply, "MS-CHAP-MPPE-Keys", request)))
                .isEqualTo("0000000000000000" + "6bbfd234e66b75c92fc48b96e8648fd9");
    }

    @Test
    void lmResponseOnly() {
        // Flags 0: only the LM-Response counts (RFC 2433 §4).
        RadiusPacket request = Requests.msChapV1("bob", CHALLENGE, 5, 0, LM_RESPONSE, NONE);
        assertThat(authenticator.authenticate(request, SECRET, control("Cleartext-Password", "MyPw")).accepted())
                .isTrue();
        assertThat(authenticator.authenticate(request, SECRET,
                control("LM-Password", HEX.formatHex(LmPasswordHash.of("MyPw")))).accepted()).isTrue();
        AuthResult noLm = authenticator.authenticate(request, SECRET, control("NT-Password", NT_HASH));
        assertThat(noLm.reason()).isEqualTo("mschap: FAILED: No LM-Password.  Cannot perform authentication");
        assertMsChapError(request, noLm, 5);
    }

    @Test
    void aWrongResponseGetsMsChapErrorInTheReject() {
        byte[] wrong = NT_RESPONSE.clone();
        wrong[0] ^= 1;
        RadiusPacket request = Requests.msChapV1("bob", CHALLENGE, 9, 1, NONE, wrong);
        AuthResult result = authenticator.authenticate(request, SECRET, control("Cleartext-Password", "MyPw"));
        assertThat(result.outcome()).isEqualTo(Outcome.REJECT);
        assertThat(result.reason()).isEqualTo("mschap: MS-CHAP-Response is incorrect");
        assertMsChapError(request, result, 9);
    }

    @ParameterizedTest
    @FieldSource("org.pirog.radius.core.auth.StoredPasswords#ALL")
    void needsAnNtOrLmHashOrACleartextPassword(StoredPasswords.Stored stored) {
        // As Windows sends it: both responses, Flags 1.
        byte[] challenge = HEX.parseHex("F0E1D2C3B4A59687");
        RadiusPacket request = Requests.msChapV1("bob", challenge, 2, 1,
                MsChapV1.lmChallengeResponse(challenge, LmPasswordHash.of(PASSWORD)),
                MsChapV1.ntChallengeResponse(challenge, NtPasswordHash.of(PASSWORD)));
        List<PolicyItem> control = control(stored.attribute(), stored.value());
        AuthResult result = authenticator.authenticate(request, SECRET, control);
        String reason = stored.reason();
        if (reason.equals(StoredPasswords.CLEARTEXT) || reason.equals(StoredPasswords.digest("NT"))
                || reason.equals(StoredPasswords.digest("LM"))) {
            assertThat(result.accepted()).isTrue();
        } else {
            // FreeRADIUS 3.2.1 for crypt, MD5, {md5} and no password at all.
            assertThat(result.reason()).isEqualTo("mschap: FAILED: No NT-Password.  Cannot perform authentication");
            assertMsChapError(request, result, 2);
        }
    }

    /** ident + "E=691 R=1 C=<16 hex> V=2", as FreeRADIUS 3.2.1 sends it for MS-CHAPv1. */
    private static void assertMsChapError(RadiusPacket request, AuthResult result, int ident) {
        assertThat(result.reply().names()).containsExactly("MS-CHAP-Error");
        byte[] error = Replies.value(Replies.reply(request, result), "MS-CHAP-Error");
        assertThat(error[0]).isEqualTo((byte) ident);
        assertThat(new String(error, 1, error.length - 1, StandardCharsets.US_ASCII))
                .matches("E=691 R=1 C=[0-9a-f]{16} V=2");
    }
}
