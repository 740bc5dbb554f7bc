package org.pirog.radius.benchmarks.load;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.pirog.radius.codec.crypto.MessageAuthenticator;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.mschap.MsChapV2;
import org.pirog.radius.codec.mschap.NtPasswordHash;
import org.pirog.radius.codec.packet.PacketCode;
import org.pirog.radius.codec.packet.RadiusPacket;

/**
 * MS-CHAPv2 Access-Requests as pppd's radius plugin sends them (RFC 2548 §2.3): MS-CHAP-Challenge and
 * MS-CHAP2-Response computed from the user's cleartext password (RFC 2759 §8), once per user at start-up, and
 * the MS-CHAP2-Success the server must return (Ident + {@code S=} authenticator response, RFC 2759 §8.7). The
 * challenges need not change per request: neither FreeRADIUS nor Pirog remembers them.
 */
final class MsChapV2Workload extends Workload {
    private static final int MS_CHAP2_SUCCESS = 26;

    private final byte[][] templates;
    private final int[] messageAuthenticatorOffset;
    private final byte[][] expectedSuccess;

    MsChapV2Workload(SharedSecret secret, UserPattern users, long seed) {
        super(secret, users);
        templates = new byte[users.count()][];
        messageAuthenticatorOffset = new int[users.count()];
        expectedSuccess = new byte[users.count()][];
        SplittableRandom random = new SplittableRandom(seed);
        InetAddress nas = InetAddress.getLoopbackAddress();
        for (int user = 0; user < users.count(); user++) {
            String name = users.name(user);
            byte[] ntHash = NtPasswordHash.of(users.password(user));
            byte[] authenticatorChallenge = randomOctets(random, 16);
            byte[] peerChallenge = randomOctets(random, 16);
            byte[] ntResponse = MsChapV2.generateNtResponse(authenticatorChallenge, peerChallenge, name, ntHash);
            byte ident = (byte) user;
            byte[] response = new byte[50]; // RFC 2548 §2.3.2: Ident, Flags, Peer-Challenge, Reserved, Response
            response[0] = ident;
            System.arraycopy(peerChallenge, 0, response, 2, 16);
            System.arraycopy(ntResponse, 0, response, 26, 24);
            byte[] wire = RadiusPacket.builder(DICTIONARY, PacketCode.ACCESS_REQUEST, 0)
                    .addMessageAuthenticator()
                    .addNumber("Service-Type", 2) // Framed-User
                    .addNumber("Framed-Protocol", 1) // PPP
                    .add("User-Name", users.nameOctets(user))
                    .add("MS-CHAP-Challenge", authenticatorChallenge)
                    .add("MS-CHAP2-Response", response)
                    .addAddress("NAS-IP-Address", nas)
                    .addNumber("NAS-Port", user)
                    .addNumber("NAS-Port-Type", 5) // Virtual
                    .build()
                    .toByteArray();
            templates[user] = wire;
            messageAuthenticatorOffset[user] = WireAttributes.valueOffset(wire, wire.length,
                    WireAttributes.MESSAGE_AUTHENTICATOR);
            byte[] success = new byte[1 + MsChapV2.AUTHENTICATOR_RESPONSE_LENGTH];
            success[0] = ident;
            byte[] text = MsChapV2.authenticatorResponse(ntHash, ntResponse, peerChallenge, authenticatorChallenge,
                    name).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(text, 0, success, 1, text.length);
            expectedSuccess[user] = success;
        }
    }

    @Override
    int expectedCode() {
        return PacketCode.ACCESS_ACCEPT.value();
    }

    @Override
    boolean isAccess() {
        return true;
    }

    @Override
    int write(Lane lane, int nextUser, int identifier, SplittableRandom random, byte[] out) {
        lane.user = nextUser;
        byte[] template = templates[nextUser];
        int length = template.length;
        System.arraycopy(template, 0, out, 0, length);
        out[1] = (byte) identifier;
        randomAuthenticator(random, out);
        int ma = messageAuthenticatorOffset[nextUser];
        MessageAuthenticator.compute(out, length, ma, null, 0, secret, out, ma);
        return length;
    }

    @Override
    Verdict checkContent(Lane lane, byte[] reply, int length) {
        int offset = WireAttributes.vendorValueOffset(reply, length, WireAttributes.MICROSOFT, MS_CHAP2_SUCCESS);
        if (offset == WireAttributes.MALFORMED) {
            return Verdict.MALFORMED;
        }
        byte[] expected = expectedSuccess[lane.user];
        if (offset < 0 || (reply[offset - 1] & 0xFF) - 2 != expected.length
                || !Arrays.equals(reply, offset, offset + expected.length, expected, 0, expected.length)) {
            return Verdict.BAD_MS_CHAP2_SUCCESS;
        }
        return Verdict.OK;
    }

    private static byte[] randomOctets(SplittableRandom random, int length) {
        byte[] octets = new byte[length];
        for (int i = 0; i < length; i++) {
            octets[i] = (byte) random.nextInt(256);
        }
        return octets;
    }
}
