package org.pirog.radius.benchmarks.load;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.pirog.radius.codec.crypto.MessageAuthenticator;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.crypto.UserPasswordCipher;
import org.pirog.radius.codec.packet.PacketCode;
import org.pirog.radius.codec.packet.RadiusPacket;

/**
 * PAP Access-Requests as a NAS sends them: Message-Authenticator first, User-Name, User-Password, NAS and service
 * attributes. Each user's packet is prebuilt with the password in clear, zero-padded; per request the generator
 * draws a fresh Request Authenticator, hides the password in place and signs.
 */
final class PapWorkload extends Workload {
    private final byte[][] templates;
    private final int[] passwordOffset;
    private final int[] passwordLength;
    private final int[] messageAuthenticatorOffset;

    PapWorkload(SharedSecret secret, UserPattern users) {
        super(secret, users);
        templates = new byte[users.count()][];
        passwordOffset = new int[users.count()];
        passwordLength = new int[users.count()];
        messageAuthenticatorOffset = new int[users.count()];
        InetAddress nas = InetAddress.getLoopbackAddress();
        for (int user = 0; user < users.count(); user++) {
            byte[] password = users.password(user).getBytes(StandardCharsets.UTF_8);
            byte[] padded = Arrays.copyOf(password, UserPasswordCipher.hiddenLength(password.length));
            byte[] wire = RadiusPacket.builder(DICTIONARY, PacketCode.ACCESS_REQUEST, 0)
                    .addMessageAuthenticator()
                    .add("User-Name", users.nameOctets(user))
                    .add("User-Password", padded)
                    .addAddress("NAS-IP-Address", nas)
                    .addNumber("NAS-Port", user)
                    .addNumber("NAS-Port-Type", 5) // Virtual
                    .addNumber("Service-Type", 2) // Framed-User
                    .build()
                    .toByteArray();
            templates[user] = wire;
            passwordOffset[user] = WireAttributes.valueOffset(wire, wire.length, 2);
            passwordLength[user] = password.length;
            messageAuthenticatorOffset[user] = WireAttributes.valueOffset(wire, wire.length,
                    WireAttributes.MESSAGE_AUTHENTICATOR);
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
        int password = passwordOffset[nextUser];
        // RFC 2865 §5.2, in place: the template holds the zero-padded cleartext.
        UserPasswordCipher.hide(out, password, passwordLength[nextUser], secret, out, 4, out, password);
        int ma = messageAuthenticatorOffset[nextUser];
        MessageAuthenticator.compute(out, length, ma, null, 0, secret, out, ma);
        return length;
    }
}
