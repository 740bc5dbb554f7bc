package org.pirog.radius.codec.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.pirog.radius.codec.chap.Chap;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.Dictionary;

/** The example packets of RFC 2865 §7, whose shared secret is {@code xyzzy5461}. */
class Rfc2865ExamplesTest {
    private static final SharedSecret SECRET = SharedSecret.of("xyzzy5461");
    private static final Dictionary DICTIONARY = Dictionary.pirog();
    private static final RadiusPacketDecoder DECODER = new RadiusPacketDecoder(DICTIONARY);
    private static final byte[] ARCTANGENT = "arctangent".getBytes(StandardCharsets.US_ASCII);

    /** §7.1: user nemo, password arctangent, telnet to a host. */
    static final byte[] TELNET_REQUEST = Hex.bytes("""
            01 00 00 38 0f 40 3f 94 73 97 80 57 bd 83 d5 cb
            98 f4 22 7a 01 06 6e 65 6d 6f 02 12 0d be 70 8d
            93 d4 13 ce 31 96 e4 3f 78 2a 0a ee 04 06 c0 a8
            01 10 05 06 00 00 00 03""");
    static final byte[] TELNET_ACCEPT = Hex.bytes("""
            02 00 00 26 86 fe 22 0e 76 24 ba 2a 10 05 f6 bf
            9b 55 e0 b2 06 06 00 00 00 01 0f 06 00 00 00 00
            0e 06 c0 a8 01 03""");
    /**
     * §7.2: user flopsy, framed PPP, authenticated with CHAP: the Request Authenticator is the CHAP Challenge and
     * CHAP-Password carries CHAP ID 22 and the response.
     */
    static final byte[] CHAP_REQUEST = Hex.bytes("""
            01 01 00 47 2a ee 86 f0 8d 0d 55 96 9c a5 97 8e
            0d 33 67 a2 01 08 66 6c 6f 70 73 79 03 13 16 e9
            75 57 c3 16 18 58 95 f2 93 ff 63 44 07 72 75 04
            06 c0 a8 01 10 05 06 00 00 00 14 06 06 00 00 00
            02 07 06 00 00 00 01""");
    /**
     * §7.2's Access-Accept, octet for octet as printed. Its Framed-Routing octets are {@code 0a 06 00 00 00 02}
     * (Listen), although the RFC's annotation below the dump says "Framed-Routing (10) = None (0)". The printed
     * Response Authenticator is the MD5 over the dump, value 2; with value 0 it would be
     * {@code e8 6f a2 fe 28 70 33 ad 2f 6d 5c a3 f7 41 5d a2} instead. So the annotation is the mistake, not the
     * octets: do not "correct" the octet to 0.
     */
    static final byte[] CHAP_ACCEPT = Hex.bytes("""
            02 01 00 38 15 ef bc 7d ab 26 cf a3 dc 34 d9 c0
            3c 86 01 a4 06 06 00 00 00 02 07 06 00 00 00 01
            08 06 ff ff ff fe 0a 06 00 00 00 02 0d 06 00 00
            00 01 0c 06 00 00 05 dc""");
    /** §7.3: user mopsy, whose NAS sends the dummy password "challenge" for a challenge-response card. */
    static final byte[] CARD_REQUEST = Hex.bytes("""
            01 02 00 39 f3 a4 7a 1f 6a 6d 76 71 0b 94 7a b9
            30 41 a0 39 01 07 6d 6f 70 73 79 02 12 33 65 75
            73 77 82 89 b5 70 88 5e 15 08 48 25 c5 04 06 c0
            a8 01 10 05 06 00 00 00 07""");
    /** §7.3: the server's Access-Challenge to mopsy, with a Reply-Message and the State to send back. */
    static final byte[] CHALLENGE = Hex.bytes("""
            0b 02 00 4e 36 f3 c8 76 4a e8 c7 11 57 40 3c 0c
            71 ff 9c 45 12 30 43 68 61 6c 6c 65 6e 67 65 20
            33 32 37 36 39 34 33 30 2e 20 20 45 6e 74 65 72
            20 72 65 73 70 6f 6e 73 65 20 61 74 20 70 72 6f
            6d 70 74 2e 18 0a 33 32 37 36 39 34 33 30""");

    private static AttributeDefinition named(String name) {
        AttributeDefinition definition = DICTIONARY.attribute(name);
        assertThat(definition).as(name).isNotNull();
        return definition;
    }

    @Test
    void decodesTheTelnetRequestAndRevealsItsPassword() throws Exception {
        RadiusPacket request = DECODER.decode(TELNET_REQUEST);

        assertThat(request.code()).isSameAs(PacketCode.ACCESS_REQUEST);
        assertThat(request.identifier()).isZero();
        assertThat(request.attributeCount()).isEqualTo(4);
        assertThat(request.stringValue(request.indexOf(named("User-Name")))).isEqualTo("nemo");
        assertThat(request.copyValue(request.indexOf(named("NAS-IP-Address"))))
                .isEqualTo(InetAddress.getByName("192.168.1.16").getAddress());
        assertThat(request.intValue(request.indexOf(named("NAS-Port")))).isEqualTo(3);
        byte[] password = new byte[128];
        int length = request.unhide(request.indexOf(named("User-Password")), SECRET, null, password, 0);
        assertThat(new String(password, 0, length, StandardCharsets.UTF_8)).isEqualTo("arctangent");
    }

    @Test
    void hidesThePasswordExactlyAsTheRfcDoes() throws Exception {
        RadiusPacket rfc = DECODER.decode(TELNET_REQUEST);
        RadiusPacket built = RadiusPacket.builder(DICTIONARY, PacketCode.ACCESS_REQUEST, 0)
                .authenticator(rfc.authenticator())
                .addString("User-Name", "nemo")
                .addHidden(named("User-Password"), "arctangent".getBytes(StandardCharsets.UTF_8), SECRET)
                .addAddress("NAS-IP-Address", InetAddress.getByName("192.168.1.16"))
                .addNumber("NAS-Port", 3)
                .build();

        assertThat(RadiusPacketEncoder.encode(built, SECRET)).isEqualTo(TELNET_REQUEST);
    }

    @Test
    void verifiesAndReproducesTheTelnetAccept() throws Exception {
        RadiusPacket request = DECODER.decode(TELNET_REQUEST);
        RadiusPacket accept = DECODER.decode(TELNET_ACCEPT);

        assertThat(accept.hasValidResponseAuthenticator(request, SECRET)).isTrue();
        assertThat(accept.hasValidResponseAuthenticator(request, SharedSecret.of("xyzzy5462"))).isFalse();

        RadiusPacket built = request.replyBuilder(PacketCode.ACCESS_ACCEPT)
                .addNumber("Service-Type", 1)
                .addNumber("Login-Service", 0)
                .addAddress("Login-IP-Host", InetAddress.getByName("192.168.1.3"))
                .build();
        assertThat(RadiusPacketEncoder.encode(built, SECRET)).isEqualTo(TELNET_ACCEPT);
    }

    @Test
    void decodesTheChapRequestAndVerifiesItsResponse() throws Exception {
        RadiusPacket request = DECODER.decode(CHAP_REQUEST);

        assertThat(request.code()).isSameAs(PacketCode.ACCESS_REQUEST);
        assertThat(request.identifier()).isEqualTo(1);
        assertThat(request.attributeCount()).isEqualTo(6);
        assertThat(request.stringValue(request.indexOf(named("User-Name")))).isEqualTo("flopsy");
        assertThat(request.copyValue(request.indexOf(named("NAS-IP-Address"))))
                .isEqualTo(InetAddress.getByName("192.168.1.16").getAddress());
        assertThat(request.intValue(request.indexOf(named("NAS-Port")))).isEqualTo(20);
        assertThat(request.intValue(request.indexOf(named("Service-Type")))).isEqualTo(2);
        assertThat(request.intValue(request.indexOf(named("Framed-Protocol")))).isEqualTo(1);

        byte[] chapPassword = request.copyValue(request.indexOf(named("CHAP-Password")));
        assertThat(chapPassword).hasSize(Chap.PASSWORD_ATTRIBUTE_LENGTH);
        assertThat(chapPassword[0]).isEqualTo((byte) 22);
        // §7.2 never names flopsy's password; the response shows it is §7.1's "arctangent". No CHAP-Challenge
        // attribute, so the Request Authenticator is the challenge (§5.3).
        byte[] challenge = request.authenticator();
        assertThat(Chap.verify(chapPassword, 0, ARCTANGENT, 0, ARCTANGENT.length, challenge, 0, challenge.length))
                .isTrue();
        byte[] wrong = "arctangenT".getBytes(StandardCharsets.US_ASCII);
        assertThat(Chap.verify(chapPassword, 0, wrong, 0, wrong.length, challenge, 0, challenge.length)).isFalse();
    }

    @Test
    void verifiesAndReproducesTheChapAccept() throws Exception {
        RadiusPacket request = DECODER.decode(CHAP_REQUEST);
        RadiusPacket accept = DECODER.decode(CHAP_ACCEPT);

        assertThat(accept.code()).isSameAs(PacketCode.ACCESS_ACCEPT);
        assertThat(accept.identifier()).isEqualTo(1);
        assertThat(accept.attributeCount()).isEqualTo(6);
        assertThat(accept.intValue(accept.indexOf(named("Service-Type")))).isEqualTo(2);
        assertThat(accept.intValue(accept.indexOf(named("Framed-Protocol")))).isEqualTo(1);
        assertThat(accept.copyValue(accept.indexOf(named("Framed-IP-Address"))))
                .isEqualTo(InetAddress.getByName("255.255.255.254").getAddress());
        AttributeDefinition framedRouting = named("Framed-Routing");
        // The octets say Listen (2), the annotation None (0): see CHAP_ACCEPT.
        assertThat(framedRouting.valueName(accept.intValue(accept.indexOf(framedRouting)))).isEqualTo("Listen");
        assertThat(accept.intValue(accept.indexOf(named("Framed-Compression")))).isEqualTo(1);
        assertThat(accept.intValue(accept.indexOf(named("Framed-MTU")))).isEqualTo(1500);

        assertThat(accept.hasValidResponseAuthenticator(request, SECRET)).isTrue();
        assertThat(accept.hasValidResponseAuthenticator(request, SharedSecret.of("xyzzy5462"))).isFalse();
        assertThat(accept.hasValidResponseAuthenticator(DECODER.decode(TELNET_REQUEST), SECRET)).isFalse();

        RadiusPacket built = request.replyBuilder(PacketCode.ACCESS_ACCEPT)
                .addNumber("Service-Type", 2)
                .addNumber("Framed-Protocol", 1)
                .addAddress("Framed-IP-Address", InetAddress.getByName("255.255.255.254"))
                .addNumber("Framed-Routing", 2)
                .addNumber("Framed-Compression", 1)
                .addNumber("Framed-MTU", 1500)
                .build();
        assertThat(RadiusPacketEncoder.encode(built, SECRET)).isEqualTo(CHAP_ACCEPT);
    }

    @Test
    void theAcceptAsAnnotatedWouldNotVerify() throws Exception {
        // The packet the annotation describes (Framed-Routing = None) does not match the printed authenticator.
        byte[] annotated = CHAP_ACCEPT.clone();
        annotated[20 + 3 * 6 + 5] = 0; // the last octet of the fourth attribute, Framed-Routing
        RadiusPacket accept = DECODER.decode(annotated);

        assertThat(accept.intValue(accept.indexOf(named("Framed-Routing")))).isZero();
        assertThat(accept.hasValidResponseAuthenticator(DECODER.decode(CHAP_REQUEST), SECRET)).isFalse();
    }

    @Test
    void decodesTheCardRequestAndRevealsItsDummyPassword() throws Exception {
        RadiusPacket request = DECODER.decode(CARD_REQUEST);

        assertThat(request.code()).isSameAs(PacketCode.ACCESS_REQUEST);
        assertThat(request.identifier()).isEqualTo(2);
        assertThat(request.attributeCount()).isEqualTo(4);
        assertThat(request.stringValue(request.indexOf(named("User-Name")))).isEqualTo("mopsy");
        assertThat(request.copyValue(request.indexOf(named("NAS-IP-Address"))))
                .isEqualTo(InetAddress.getByName("192.168.1.16").getAddress());
        assertThat(request.intValue(request.indexOf(named("NAS-Port")))).isEqualTo(7);
        byte[] password = new byte[128];
        int length = request.unhide(request.indexOf(named("User-Password")), SECRET, null, password, 0);
        assertThat(new String(password, 0, length, StandardCharsets.UTF_8)).isEqualTo("challenge");

        RadiusPacket built = RadiusPacket.builder(DICTIONARY, PacketCode.ACCESS_REQUEST, 2)
                .authenticator(request.authenticator())
                .addString("User-Name", "mopsy")
                .addHidden(named("User-Password"), "challenge".getBytes(StandardCharsets.UTF_8), SECRET)
                .addAddress("NAS-IP-Address", InetAddress.getByName("192.168.1.16"))
                .addNumber("NAS-Port", 7)
                .build();
        assertThat(RadiusPacketEncoder.encode(built, SECRET)).isEqualTo(CARD_REQUEST);
    }

    @Test
    void verifiesAndReproducesTheChallenge() throws Exception {
        RadiusPacket request = DECODER.decode(CARD_REQUEST);
        RadiusPacket challenge = DECODER.decode(CHALLENGE);

        assertThat(challenge.code()).isSameAs(PacketCode.ACCESS_CHALLENGE);
        assertThat(challenge.identifier()).isEqualTo(2);
        assertThat(challenge.attributeCount()).isEqualTo(2);
        assertThat(challenge.stringValue(challenge.indexOf(named("Reply-Message"))))
                .isEqualTo("Challenge 32769430.  Enter response at prompt.");
        assertThat(challenge.copyValue(challenge.indexOf(named("State"))))
                .isEqualTo("32769430".getBytes(StandardCharsets.US_ASCII));

        assertThat(challenge.hasValidResponseAuthenticator(request, SECRET)).isTrue();
        assertThat(challenge.hasValidResponseAuthenticator(request, SharedSecret.of("xyzzy5462"))).isFalse();

        RadiusPacket built = request.replyBuilder(PacketCode.ACCESS_CHALLENGE)
                .addString("Reply-Message", "Challenge 32769430.  Enter response at prompt.")
                .add("State", "32769430".getBytes(StandardCharsets.US_ASCII))
                .build();
        assertThat(RadiusPacketEncoder.encode(built, SECRET)).isEqualTo(CHALLENGE);
    }

    @Test
    void everyExampleRebuildsFromItsAttributesToTheSameOctets() throws Exception {
        for (byte[] example : new byte[][] {TELNET_REQUEST, TELNET_ACCEPT, CHAP_REQUEST, CHAP_ACCEPT, CARD_REQUEST, CHALLENGE}) {
            RadiusPacket packet = DECODER.decode(example);
            assertThat(PacketRebuilder.rebuild(packet).toByteArray()).isEqualTo(example);
        }
    }
}
