package org.pirog.radius.core.auth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.packet.MalformedPacketException;
import org.pirog.radius.codec.packet.PacketCode;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.codec.packet.RadiusPacketBuilder;
import org.pirog.radius.codec.packet.RadiusPacketDecoder;
import org.pirog.radius.codec.packet.RadiusPacketEncoder;
import org.pirog.radius.core.policy.Operator;
import org.pirog.radius.core.policy.PolicyItem;

/**
 * Access-Requests as a NAS sends them (built, encoded, and decoded again as the server receives them), and control
 * lists as a backend returns them, for the tests.
 */
final class Requests {
    static final Dictionary DICTIONARY = Dictionary.pirog();
    static final SharedSecret SECRET = SharedSecret.of("xyzzy5461");

    private Requests() {
    }

    static RadiusPacketBuilder request(String userName) {
        return RadiusPacket.builder(DICTIONARY, PacketCode.ACCESS_REQUEST, 7).addString("User-Name", userName);
    }

    /** PAP (RFC 2865 §5.2): User-Password hidden with the secret and the random Request Authenticator. */
    static RadiusPacket pap(String userName, String password) {
        return pap(userName, password.getBytes(StandardCharsets.UTF_8));
    }

    static RadiusPacket pap(String userName, byte[] password) {
        return received(request(userName).addHidden(attribute("User-Password"), password, SECRET));
    }

    /** The request as the server decodes it from the wire. */
    static RadiusPacket received(RadiusPacketBuilder request) {
        try {
            return new RadiusPacketDecoder(DICTIONARY).decode(RadiusPacketEncoder.encode(request.build(), SECRET));
        } catch (MalformedPacketException e) {
            throw new AssertionError(e);
        }
    }

    /** CHAP (RFC 2865 §5.3): Ident + MD5(Ident + password + challenge), the challenge in CHAP-Challenge or not. */
    static RadiusPacket chap(String userName, int chapId, byte[] chapResponse16, byte @Nullable [] challenge,
            byte @Nullable [] authenticator) {
        byte[] chapPassword = new byte[17];
        chapPassword[0] = (byte) chapId;
        System.arraycopy(chapResponse16, 0, chapPassword, 1, 16);
        RadiusPacketBuilder builder = request(userName).add("CHAP-Password", chapPassword);
        if (challenge != null) {
            builder.add("CHAP-Challenge", challenge);
        }
        if (authenticator != null) {
            builder.authenticator(authenticator);
        }
        return received(builder);
    }

    /** MS-CHAPv2 (RFC 2548): MS-CHAP-Challenge and MS-CHAP2-Response (Ident, Flags, peer challenge, 0s, NT-Response). */
    static RadiusPacket msChapV2(String userName, byte[] challenge16, int ident, byte[] peerChallenge16,
            byte[] ntResponse24) {
        byte[] response = new byte[50];
        response[0] = (byte) ident;
        System.arraycopy(peerChallenge16, 0, response, 2, 16);
        System.arraycopy(ntResponse24, 0, response, 26, 24);
        return received(request(userName).add("MS-CHAP-Challenge", challenge16).add("MS-CHAP2-Response", response));
    }

    /** MS-CHAPv1 (RFC 2548): MS-CHAP-Challenge and MS-CHAP-Response (Ident, Flags, LM-Response, NT-Response). */
    static RadiusPacket msChapV1(String userName, byte[] challenge8, int ident, int flags, byte[] lmResponse24,
            byte[] ntResponse24) {
        byte[] response = new byte[50];
        response[0] = (byte) ident;
        response[1] = (byte) flags;
        System.arraycopy(lmResponse24, 0, response, 2, 24);
        System.arraycopy(ntResponse24, 0, response, 26, 24);
        return received(request(userName).add("MS-CHAP-Challenge", challenge8).add("MS-CHAP-Response", response));
    }

    static AttributeDefinition attribute(String name) {
        AttributeDefinition definition = DICTIONARY.attribute(name);
        if (definition == null) {
            throw new IllegalArgumentException(name);
        }
        return definition;
    }

    static PolicyItem item(String attribute, String value) {
        return PolicyItem.of(attribute(attribute), Operator.ASSIGN, value);
    }

    /** Control items from attribute, value pairs. */
    static List<PolicyItem> control(String... attributesAndValues) {
        List<PolicyItem> items = new ArrayList<>();
        for (int i = 0; i < attributesAndValues.length; i += 2) {
            items.add(item(attributesAndValues[i], attributesAndValues[i + 1]));
        }
        return List.copyOf(items);
    }
}
