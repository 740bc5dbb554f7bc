package org.pirog.radius.benchmarks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.packet.PacketCode;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.codec.packet.RadiusPacketEncoder;

/**
 * The Access-Request pppd's radius plugin sends for MS-CHAPv2, signed with a Message-Authenticator. Challenge,
 * response, user and password are RFC 2759 §9.2's, so that the MS-CHAPv2 check succeeds.
 */
final class PppdRequest {
    static final SharedSecret SECRET = SharedSecret.of("testing123");
    static final String USER = "User";
    static final String PASSWORD = "clientPass";
    static final byte[] AUTHENTICATOR_CHALLENGE = hex("5B5D7C7D7B3F2F3E3C2C602132262628");
    static final byte[] PEER_CHALLENGE = hex("21402324255E262A28295F2B3A337C7E");
    static final byte[] NT_RESPONSE = hex("82309ECD8D708B5EA08FAA3981CD83544233114A3D85D6DF");

    private PppdRequest() {
    }

    /** The signed datagram. */
    static byte[] datagram(Dictionary dictionary) {
        byte[] response = new byte[50];
        response[0] = 1; // Ident
        System.arraycopy(PEER_CHALLENGE, 0, response, 2, 16);
        System.arraycopy(NT_RESPONSE, 0, response, 26, 24);
        try {
            RadiusPacket packet = RadiusPacket.builder(dictionary, PacketCode.ACCESS_REQUEST, 42)
                    .addMessageAuthenticator()
                    .addNumber("Service-Type", 2)
                    .addNumber("Framed-Protocol", 1)
                    .addString("User-Name", USER)
                    .add("MS-CHAP-Challenge", AUTHENTICATOR_CHALLENGE)
                    .add("MS-CHAP2-Response", response)
                    .addString("Calling-Station-Id", "203.0.113.45")
                    .addAddress("NAS-IP-Address", InetAddress.getByName("192.0.2.1"))
                    .addNumber("NAS-Port", 7)
                    .addNumber("NAS-Port-Type", 5)
                    .addString("NAS-Identifier", "pptpd")
                    .build();
            return RadiusPacketEncoder.encode(packet, SECRET);
        } catch (UnknownHostException impossible) {
            throw new AssertionError(impossible);
        }
    }

    private static byte[] hex(String digits) {
        return HexFormat.of().parseHex(digits);
    }
}
