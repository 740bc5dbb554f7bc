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
import org.pirog.radius.codec.mschap.MppeKeys;
import org.pirog.radius.codec.mschap.MsChapV2;
import org.pirog.radius.codec.mschap.NtPasswordHash;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.core.policy.PolicyItem;

/**
 * MS-CHAPv2 end to end with the RFC 2759 §9.2 example (user "User", password "clientPass") and the MPPE keys of
 * RFC 3079 §3.5.3. FreeRADIUS 3.2.1, sent the same Access-Request with radclient, answered with exactly this
 * MS-CHAP2-Success, MS-MPPE-Send-Key 8b7cdc14… and MS-MPPE-Recv-Key d5f0e952…
 */
class MsChapV2AuthenticationTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final byte[] AUTH_CHALLENGE = HEX.parseHex("5B5D7C7D7B3F2F3E3C2C602132262628");
    private static final byte[] PEER_CHALLENGE = HEX.parseHex("21402324255E262A28295F2B3A337C7E");
    private static final byte[] NT_RESPONSE = HEX.parseHex("82309ECD8D708B5EA08FAA3981CD83544233114A3D85D6DF");
    private static final String NT_HASH = "44EBBA8D5312B8D611474411F56989AE";
    private static final String AUTHENTICATOR_RESPONSE = "S=407A5589115FD0D6209F510FE9C04566932CDA56";
    /** RFC 3079 §3.5.3 */
    private static final String MASTER_KEY = "FDECE3717A8C838CB388E527AE3CDD31";
    private static final String SEND_START_KEY_128 = "8B7CDC149B993A1BA118CB153F56DCCB";
    private static final String SEND_SESSION_KEY_128 = "405CB2247A7956E6E211007AE27B22D4";
    /** As FreeRADIUS 3.2.1 sent it, and RFC 3079 §3.4's Magic2 gives it. */
    private static final String RECV_START_KEY_128 = "D5F0E9521E3EA9589645E86051C82226";

    private final Authenticator authenticator = new Authenticator(Requests.DICTIONARY);

    @Test
    void rfc2759Example() {
        RadiusPacket request = Requests.msChapV2("User", AUTH_CHALLENGE, 1, PEER_CHALLENGE, NT_RESPONSE);
        AuthResult result = authenticator.authenticate(request, SECRET, control("Cleartext-Password", "clientPass"));

        assertThat(result.outcome()).isEqualTo(Outcome.ACCEPT);
        assertThat(result.method()).isEqualTo(AuthMethod.MSCHAPV2);
        assertThat(result.reply().names()).containsExactly("MS-CHAP2-Success", "MS-MPPE-Recv-Key", "MS-MPPE-Send-Key",
                "MS-MPPE-Encryption-Policy", "MS-MPPE-Encryption-Types");
        RadiusPacket reply = Replies.reply(request, result);
        byte[] success = Replies.value(reply, "MS-CHAP2-Success");
        assertThat(success[0]).isEqualTo((byte) 1);
        assertThat(new String(success, 1, success.length - 1, StandardCharsets.US_ASCII))
                .isEqualTo(AUTHENTICATOR_RESPONSE);
        assertThat(HEX.formatHex(Replies.unhidden(reply, "MS-MPPE-Send-Key", request))).isEqualTo(SEND_START_KEY_128);
        assertThat(HEX.formatHex(Replies.unhidden(reply, "MS-MPPE-Recv-Key", request))).isEqualTo(RECV_START_KEY_128);
        assertThat(Replies.value(reply, "MS-MPPE-Encryption-Policy")).containsExactly(0, 0, 0, 1);
        assertThat(Replies.value(reply, "MS-MPPE-Encryption-Types")).containsExactly(0, 0, 0, 6);
    }

    @Test
    void keyDirectionsAsPppdWithRequireMppe128UsesThem() {
        RadiusPacket request = Requests.msChapV2("User", AUTH_CHALLENGE, 1, PEER_CHALLENGE, NT_RESPONSE);
        RadiusPacket reply = Replies.reply(request,
                authenticator.authenticate(request, SECRET, control("NT-Password", NT_HASH)));
        byte[] nasSendKey = Replies.unhidden(reply, "MS-MPPE-Send-Key", request);
        byte[] nasRecvKey = Replies.unhidden(reply, "MS-MPPE-Recv-Key", request);
        // The NAS is the PPP server: what it sends with, the Windows client must receive with, and back.
        byte[] masterKey = HEX.parseHex(MASTER_KEY);
        assertThat(nasSendKey).isEqualTo(MppeKeys.asymmetricStartKey(masterKey, 16, false, false));
        assertThat(nasRecvKey).isEqualTo(MppeKeys.asymmetricStartKey(masterKey, 16, true, false));
        // RFC 3079 §3.5.3: the first 128-bit session key the NAS encrypts with.
        assertThat(HEX.formatHex(MppeKeys.initialSessionKey(nasSendKey, 128))).isEqualTo(SEND_SESSION_KEY_128);
        // pppd's radius plugin wants 16-octet keys, salted and hidden as 34 octets (RFC 2548 §2.4.2).
        assertThat(Replies.value(reply, "MS-MPPE-Send-Key")).hasSize(34);
    }

    @Test
    void theDomainIsNotPartOfTheChallengeHash() {
        // RFC 2759 §4; FreeRADIUS 3.2.1 accepted BIGCO\User with the example's response.
        RadiusPacket request = Requests.msChapV2("BIGCO\\User", AUTH_CHALLENGE, 1, PEER_CHALLENGE, NT_RESPONSE);
        AuthResult result = authenticator.authenticate(request, SECRET, control("Cleartext-Password", "clientPass"));
        assertThat(result.accepted()).isTrue();
        byte[] success = Replies.value(Replies.reply(request, result), "MS-CHAP2-Success");
        assertThat(new String(success, 1, 42, StandardCharsets.US_ASCII)).isEqualTo(AUTHENTICATOR_RESPONSE);
    }

    @Test
    void aWrongResponseGetsMsChapErrorInTheReject() {
        byte[] wrong = NT_RESPONSE.clone();
        wrong[23] ^= 1;
        RadiusPacket request = Requests.msChapV2("User", AUTH_CHALLENGE, 0x42, PEER_CHALLENGE, wrong);
        AuthResult result = authenticator.authenticate(request, SECRET, control("Cleartext-Password", "clientPass"));
        assertThat(result.outcome()).isEqualTo(Outcome.REJECT);
        assertThat(result.reason()).isEqualTo("mschap: MS-CHAP2-Response is incorrect");
        assertMsChapError(request, result, 0x42);
    }

    @ParameterizedTest
    @FieldSource("org.pirog.radius.core.auth.StoredPasswords#ALL")
    void needsAnNtHashOrACleartextPassword(StoredPasswords.Stored stored) {
        byte[] ntResponse = MsChapV2.generateNtResponse(AUTH_CHALLENGE, PEER_CHALLENGE, "bob",
                NtPasswordHash.of(PASSWORD));
        RadiusPacket request = Requests.msChapV2("bob", AUTH_CHALLENGE, 3, PEER_CHALLENGE, ntResponse);
        List<PolicyItem> control = control(stored.attribute(), stored.value());
        AuthResult result = authenticator.authenticate(request, SECRET, control);
        if (stored.reason().equals(StoredPasswords.CLEARTEXT) || stored.reason().equals(StoredPasswords.digest("NT"))) {
            assertThat(result.accepted()).isTrue();
            assertThat(result.reply().size()).isEqualTo(5);
        } else {
            // FreeRADIUS 3.2.1 for crypt, MD5, {md5} and no password at all, MS-CHAP-Error included.
            assertThat(result.reason()).isEqualTo("mschap: FAILED: No NT-Password.  Cannot perform authentication");
            assertMsChapError(request, result, 3);
        }
    }

    @Test
    void anNtPasswordIsPreferredToTheCleartext() {
        RadiusPacket request = Requests.msChapV2("User", AUTH_CHALLENGE, 1, PEER_CHALLENGE, NT_RESPONSE);
        assertThat(authenticator.authenticate(request, SECRET,
                control("Cleartext-Password", "not-it", "NT-Password", NT_HASH)).accepted()).isTrue();
    }

    @Test
    void malformedRequests() {
        RadiusPacket shortChallenge = Requests.msChapV2("User", new byte[8], 1, PEER_CHALLENGE, NT_RESPONSE);
        assertThat(authenticator.authenticate(shortChallenge, SECRET, control("NT-Password", NT_HASH)))
                .isEqualTo(MsChapV2Check.WRONG_CHALLENGE);
    }

    /** ident + "E=691 R=1 C=<32 hex> V=3 M=Authentication rejected", as FreeRADIUS 3.2.1 sends it. */
    static void assertMsChapError(RadiusPacket request, AuthResult result, int ident) {
        assertThat(result.reply().names()).containsExactly("MS-CHAP-Error");
        byte[] error = Replies.value(Replies.reply(request, result), "MS-CHAP-Error");
        assertThat(error[0]).isEqualTo((byte) ident);
        assertThat(new String(error, 1, error.length - 1, StandardCharsets.US_ASCII))
                .matches("E=691 R=1 C=[0-9a-f]{32} V=3 M=Authentication rejected");
    }
}
