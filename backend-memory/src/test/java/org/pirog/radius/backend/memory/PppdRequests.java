package org.pirog.radius.backend.memory;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.pirog.radius.codec.chap.Chap;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.mschap.MsChapV1;
import org.pirog.radius.codec.mschap.MsChapV2;
import org.pirog.radius.codec.mschap.NtPasswordHash;
import org.pirog.radius.codec.packet.PacketCode;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.codec.packet.RadiusPacketBuilder;

/** Access-Requests as a NAS sends them: PAP, CHAP, MS-CHAPv1 and MS-CHAPv2 the way pppd's radius plugin does. */
final class PppdRequests {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Dictionary dictionary;
    private final SharedSecret secret;

    PppdRequests(Dictionary dictionary, SharedSecret secret) {
        this.dictionary = dictionary;
        this.secret = secret;
    }

    RadiusPacketBuilder pap(String user, String password) {
        return base(user).addHidden(dictionary.attribute("User-Password"),
                password.getBytes(StandardCharsets.UTF_8), secret);
    }

    RadiusPacketBuilder chap(String user, String password) {
        byte[] challenge = random(16);
        byte[] response = new byte[Chap.PASSWORD_ATTRIBUTE_LENGTH];
        byte[] secretBytes = password.getBytes(StandardCharsets.UTF_8);
        response[0] = 7; // CHAP Identifier, then the 16-octet response (RFC 2865 §5.3)
        Chap.response(7, secretBytes, 0, secretBytes.length, challenge, 0, challenge.length, response, 1);
        return base(user).add(dictionary.attribute("CHAP-Password"), response)
                .add(dictionary.attribute("CHAP-Challenge"), challenge);
    }

    RadiusPacketBuilder msChapV1(String user, String password, byte[] challenge8) {
        byte[] response = new byte[50];
        response[0] = 1;
        response[1] = 1; // Flags: use the NT response (RFC 2548 §2.1.3)
        byte[] nt = MsChapV1.ntChallengeResponse(challenge8, NtPasswordHash.of(password));
        System.arraycopy(nt, 0, response, 26, 24);
        return base(user).add(dictionary.attribute("MS-CHAP-Challenge"), challenge8)
                .add(dictionary.attribute("MS-CHAP-Response"), response);
    }

    /** MS-CHAP2-Response (RFC 2548 §2.3.2): Ident, Flags, Peer-Challenge, 8 reserved, NT-Response. */
    RadiusPacketBuilder msChapV2(String user, String password, byte[] authenticatorChallenge, byte[] peerChallenge) {
        byte[] response = new byte[50];
        response[0] = 1;
        System.arraycopy(peerChallenge, 0, response, 2, 16);
        byte[] nt = MsChapV2.generateNtResponse(authenticatorChallenge, peerChallenge, user, NtPasswordHash.of(password));
        System.arraycopy(nt, 0, response, 26, 24);
        return base(user).add(dictionary.attribute("MS-CHAP-Challenge"), authenticatorChallenge)
                .add(dictionary.attribute("MS-CHAP2-Response"), response);
    }

    RadiusPacketBuilder accounting(int statusType, String user, String sessionId) {
        return RadiusPacket.builder(dictionary, PacketCode.ACCOUNTING_REQUEST, 0)
                .addNumber("Acct-Status-Type", statusType)
                .addString("User-Name", user)
                .addString("Acct-Session-Id", sessionId)
                .addAddress("NAS-IP-Address", java.net.InetAddress.getLoopbackAddress())
                .addNumber("NAS-Port", 1);
    }

    /** Accounting-On: the NAS (re)started, so every session it had is over. */
    RadiusPacketBuilder accountingOn() {
        return RadiusPacket.builder(dictionary, PacketCode.ACCOUNTING_REQUEST, 0)
                .addNumber("Acct-Status-Type", 7)
                .addString("Acct-Session-Id", "00000000")
                .addAddress("NAS-IP-Address", java.net.InetAddress.getLoopbackAddress());
    }

    static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private RadiusPacketBuilder base(String user) {
        // pppd's plugin: no Message-Authenticator, NAS-IP-Address, NAS-Port, Service-Type, Framed-Protocol.
        return RadiusPacket.builder(dictionary, PacketCode.ACCESS_REQUEST, 0)
                .addString("User-Name", user)
                .addAddress("NAS-IP-Address", java.net.InetAddress.getLoopbackAddress())
                .addNumber("NAS-Port", 0)
                .addNumber("Service-Type", 2)
                .addNumber("Framed-Protocol", 1)
                .addString("Calling-Station-Id", "198.51.100.7");
    }
}
