package org.pirog.radius.core.auth;

import static org.pirog.radius.core.auth.Requests.SECRET;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.packet.PacketCode;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.codec.packet.RadiusPacketBuilder;

/** The reply a server builds from a result, read back the way a NAS reads it. */
final class Replies {
    private Replies() {
    }

    static RadiusPacket reply(RadiusPacket request, AuthResult result) {
        RadiusPacketBuilder builder = request.replyBuilder(
                result.accepted() ? PacketCode.ACCESS_ACCEPT : PacketCode.ACCESS_REJECT);
        result.addReplyAttributes(builder, SECRET);
        return builder.build();
    }

    static byte @Nullable [] value(RadiusPacket reply, String attribute) {
        int i = reply.indexOf(Requests.attribute(attribute));
        return i < 0 ? null : reply.copyValue(i);
    }

    /** A hidden attribute revealed with the secret and the request's authenticator, as the NAS does. */
    static byte[] unhidden(RadiusPacket reply, String attribute, RadiusPacket request) {
        int i = reply.indexOf(Requests.attribute(attribute));
        byte[] out = new byte[256];
        int length = reply.unhide(i, SECRET, request.authenticator(), out, 0);
        if (length < 0) {
            throw new AssertionError(attribute + " is malformed");
        }
        return Arrays.copyOf(out, length);
    }
}
