package org.pirog.radius.codec.packet;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.pirog.radius.codec.dictionary.Dictionary;

/**
 * The Access-Request pppd's radius plugin sends for MS-CHAPv2 (with a Message-Authenticator, as newer plugins
 * do), built with fixed challenge and response octets.
 */
final class PppdPackets {
    private PppdPackets() {
    }

    static RadiusPacket msChapV2Request(Dictionary dictionary) {
        byte[] challenge = Hex.bytes("5B5D7C7D7B3F2F3E3C2C602132262628");
        byte[] response = Hex.bytes("""
                01 00 21402324255E262A28295F2B3A337C7E 0000000000000000
                82309ECD8D708B5EA08FAA3981CD83544233114A3D85D6DF""");
        try {
            return RadiusPacket.builder(dictionary, PacketCode.ACCESS_REQUEST, 42)
                    .addMessageAuthenticator()
                    .addNumber("Service-Type", 2)
                    .addNumber("Framed-Protocol", 1)
                    .addString("User-Name", "User")
                    .add("MS-CHAP-Challenge", challenge)
                    .add("MS-CHAP2-Response", response)
                    .addString("Calling-Station-Id", "203.0.113.45")
                    .addAddress("NAS-IP-Address", InetAddress.getByName("192.0.2.1"))
                    .addNumber("NAS-Port", 7)
                    .addNumber("NAS-Port-Type", 5)
                    .addString("NAS-Identifier", "pptpd")
                    .build();
        } catch (UnknownHostException impossible) {
            throw new AssertionError(impossible);
        }
    }
}
