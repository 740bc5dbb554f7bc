package org.pirog.radius.core.server;

import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.packet.PacketCode;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.codec.packet.RadiusPacketBuilder;
import org.pirog.radius.codec.packet.RadiusPacketEncoder;
import org.pirog.radius.core.nas.Nas;

/** Starting and finishing replies the way every reply must look. */
final class Replies {
    private Replies() {
    }

    /**
     * A reply builder; for Access-Accept/Reject/Challenge and replies to Status-Server the Message-Authenticator
     * comes first (BlastRADIUS: a forged prefix then cannot precede it).
     */
    static RadiusPacketBuilder start(RadiusPacket request, PacketCode code) {
        RadiusPacketBuilder reply = request.replyBuilder(code);
        if (code != PacketCode.ACCOUNTING_RESPONSE || request.code() == PacketCode.STATUS_SERVER) {
            reply.addMessageAuthenticator();
        }
        return reply;
    }

    /** Copies Proxy-State in order (RFC 2865 §5.33), signs and encodes the reply. */
    static byte[] finish(RadiusPacket request, RadiusPacketBuilder reply, AttributeDefinition proxyState, Nas nas) {
        for (int i = request.indexOf(proxyState); i >= 0; i = request.indexOf(proxyState, i + 1)) {
            reply.add(proxyState, request.copyValue(i));
        }
        return RadiusPacketEncoder.encode(reply.build(), nas.secret());
    }
}
