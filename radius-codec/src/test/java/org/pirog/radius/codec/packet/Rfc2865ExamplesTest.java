package org.pirog.radius.codec.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.Dictionary;

/** The example packets of RFC 2865 §7, whose shared secret is {@code xyzzy5461}. */
class Rfc2865ExamplesTest {
    private static final SharedSecret SECRET = SharedSecret.of("xyzzy5461");
    private static final Dictionary DICTIONARY = Dictionary.pirog();
    private static final RadiusPacketDecoder DECODER = new RadiusPacketDecoder(DICTIONARY);

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
    /** §7.2: user flopsy with CHAP, framed PPP. */
    static final byte[] CHAP_REQUEST = Hex.bytes("""
            01 01 00 47 2a ee 86 f0 8d 0d 55 96 9c a5 97 8e
            0d 33 67 a2 01 08 66 6c 6f 70 73 79 03 13 16 e9
            75 57 c3 16 18 58 95 f2 93 ff 63 44 07 72 75 04
            06 c0 a8 01 10 05 06 00 00 00 14 06 06 00 00 00
            02 07 06 00 00 00 01""");
    static final byte[] CHAP_ACCEPT = Hex.bytes("""
            02 01 00 38 15 ef bc 7d ab 26 cf a3 dc 34 d9 c0
            3c 86 01 a4 06 06 00 00 00 02 07 06 00 00 00 01
            08 06 ff ff ff fe 0a 06 00 00 00 00 0d 06 00 00
            00 01 0c 06 00 00 05 dc""");
    /** §7.3: an Access-Challenge with Reply-Message and State. */
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
    void decodesTheChapExchange() throws Exception {
        RadiusPacket request = DECODER.decode(CHAP_REQUEST);
        RadiusPacket accept = DECODER.decode(CHAP_ACCEPT);

        assertThat(request.stringValue(request.indexOf(named("User-Name")))).isEqualTo("flopsy");
        byte[] chapPassword = request.copyValue(request.indexOf(named("CHAP-Password")));
        assertThat(chapPassword).hasSize(17);
        assertThat(chapPassword[0]).isEqualTo((byte) 22);
        assertThat(request.intValue(request.indexOf(named("NAS-Port")))).isEqualTo(20);
        assertThat(request.intValue(request.indexOf(named("Service-Type")))).isEqualTo(2);
        assertThat(request.intValue(request.indexOf(named("Framed-Protocol")))).isEqualTo(1);

        assertThat(accept.copyValue(accept.indexOf(named("Framed-IP-Address"))))
                .containsExactly(0xff, 0xff, 0xff, 0xfe);
        assertThat(accept.intValue(accept.indexOf(named("Framed-MTU")))).isEqualTo(1500);
        RadiusPacket built = request.replyBuilder(PacketCode.ACCESS_ACCEPT)
                .addNumber("Service-Type", 2)
                .addNumber("Framed-Protocol", 1)
                .addAddress("Framed-IP-Address", InetAddress.getByName("255.255.255.254"))
                .addNumber("Framed-Routing", 0)
                .addNumber("Framed-Compression", 1)
                .addNumber("Framed-MTU", 1500)
                .build();
        // The Response Authenticator is checked against §7.1's Accept; here the attributes and header must match.
        byte[] encoded = RadiusPacketEncoder.encode(built, SECRET);
        assertThat(Arrays.copyOfRange(encoded, 20, encoded.length))
                .isEqualTo(Arrays.copyOfRange(CHAP_ACCEPT, 20, CHAP_ACCEPT.length));
        assertThat(Arrays.copyOf(encoded, 4)).isEqualTo(Arrays.copyOf(CHAP_ACCEPT, 4));
        assertThat(new RadiusPacketDecoder(DICTIONARY).decode(encoded).hasValidResponseAuthenticator(request, SECRET))
                .isTrue();
    }

    @Test
    void decodesTheChallenge() throws Exception {
        RadiusPacket challenge = DECODER.decode(CHALLENGE);

        assertThat(challenge.code()).isSameAs(PacketCode.ACCESS_CHALLENGE);
        assertThat(challenge.stringValue(challenge.indexOf(named("Reply-Message"))))
                .isEqualTo("Challenge 32769430.  Enter response at prompt.");
        assertThat(challenge.stringValue(challenge.indexOf(named("State")))).isEqualTo("32769430");
    }

    @Test
    void everyExampleRebuildsFromItsAttributesToTheSameOctets() throws Exception {
        for (byte[] example : new byte[][] {TELNET_REQUEST, TELNET_ACCEPT, CHAP_REQUEST, CHAP_ACCEPT, CHALLENGE}) {
            RadiusPacket packet = DECODER.decode(example);
            assertThat(PacketRebuilder.rebuild(packet).toByteArray()).isEqualTo(example);
        }
    }
}
