package org.pirog.radius.core.auth;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.mschap.MppeKeys;
import org.pirog.radius.codec.mschap.MsChapV2;
import org.pirog.radius.codec.packet.RadiusPacket;

/**
 * MS-CHAPv2 (RFC 2759) as RADIUS carries it (RFC 2548): MS-CHAP-Challenge holds the 16-octet authenticator
 * challenge, MS-CHAP2-Response the Ident, Flags, 16-octet peer challenge, 8 reserved octets and the 24-octet
 * NT-Response. It needs the NT hash: an NT-Password, or the hash of a cleartext password.
 *
 * <p>On success the reply carries MS-CHAP2-Success (Ident + "S=" + 40 hex digits, RFC 2759 §8.7) and the
 * MPPE-128 start keys of RFC 3079 §3.4. MS-MPPE-Send-Key is the key the NAS — the PPP authenticator, e.g. pppd
 * with {@code require-mppe-128} — sends with: the server's send key, which is the client's receive key (Magic3);
 * MS-MPPE-Recv-Key the other one (RFC 2548 §2.4.2, §2.4.3). Getting them the wrong way round lets the link come up
 * and then lose every packet.
 */
final class MsChapV2Check {
    static final AuthResult WRONG_CHALLENGE =
            AuthResult.reject(AuthMethod.MSCHAPV2, "mschap: MS-CHAP-Challenge has the wrong format");
    static final AuthResult WRONG_RESPONSE =
            AuthResult.reject(AuthMethod.MSCHAPV2, "mschap: MS-CHAP2-Response has the wrong format");
    static final AuthResult NO_USER_NAME =
            AuthResult.reject(AuthMethod.MSCHAPV2, "mschap: We require a User-Name for MS-CHAPv2");
    static final String NO_NT_PASSWORD = "mschap: FAILED: No NT-Password.  Cannot perform authentication";
    static final String INCORRECT = "mschap: MS-CHAP2-Response is incorrect";

    private static final int RESPONSE_LENGTH = 50;
    private static final int PEER_CHALLENGE = 2;
    private static final int NT_RESPONSE = 26;

    private MsChapV2Check() {
    }

    /** Checks the MS-CHAP2-Response at {@code response} against {@code ntPassword}, if the account has one. */
    static AuthResult check(RadiusPacket request, int response, @Nullable KnownGoodPassword ntPassword,
            AuthAttributes attributes, PerThread t) {
        int challenge = request.indexOf(attributes.msChapChallenge);
        if (challenge < 0 || request.valueLength(challenge) != MsChapV2.CHALLENGE_LENGTH) {
            return WRONG_CHALLENGE;
        }
        if (request.valueLength(response) != RESPONSE_LENGTH) {
            return WRONG_RESPONSE;
        }
        int userName = request.indexOf(attributes.userName);
        if (userName < 0) {
            return NO_USER_NAME;
        }
        byte[] r = t.response;
        request.copyValue(response, r, 0);
        int ident = r[0] & 0xFF;
        if (ntPassword == null) {
            return MsChapReplies.reject(AuthMethod.MSCHAPV2, NO_NT_PASSWORD, ident, attributes, t);
        }
        byte[] authChallenge = t.value;
        request.copyValue(challenge, authChallenge, 0);
        int nameLength = request.copyValue(userName, t.userName, 0);
        // RFC 2759 §4: the challenge hash covers the account name without a "DOMAIN\" prefix.
        int nameStart = MsChapV2.userNameStart(t.userName, 0, nameLength);
        int accountLength = nameLength - nameStart;
        byte[] ntHash = ntPassword.ntHash();
        if (!MsChapV2.verifyNtResponse(authChallenge, 0, r, PEER_CHALLENGE, t.userName, nameStart, accountLength,
                ntPassword.ntKeySchedule(), r, NT_RESPONSE)) {
            return MsChapReplies.reject(AuthMethod.MSCHAPV2, INCORRECT, ident, attributes, t);
        }
        byte[] success = new byte[1 + MsChapV2.AUTHENTICATOR_RESPONSE_LENGTH];
        success[0] = (byte) ident;
        MsChapV2.authenticatorResponse(ntHash, 0, r, NT_RESPONSE, r, PEER_CHALLENGE, authChallenge, 0, t.userName,
                nameStart, accountLength, success, 1);
        byte[] ntResponse = Arrays.copyOfRange(r, NT_RESPONSE, RESPONSE_LENGTH);
        ReplyAttributes.Builder reply = ReplyAttributes.builder()
                .add(attributes.msChap2Success, success)
                .addHidden(attributes.msMppeRecvKey, MppeKeys.serverRecvKey(ntHash, ntResponse))
                .addHidden(attributes.msMppeSendKey, MppeKeys.serverSendKey(ntHash, ntResponse));
        return AuthResult.accept(AuthMethod.MSCHAPV2, MsChapReplies.addEncryption(reply, attributes).build());
    }
}
