package org.pirog.radius.core.server;

import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.packet.PacketCode;
import org.pirog.radius.codec.packet.RadiusPacketBuilder;

/**
 * RFC 5997: answers Status-Server with Access-Accept on the authentication port and Accounting-Response on the
 * accounting port, each with a Message-Authenticator. It asks no backend: it says the server is alive.
 */
final class StatusServerResponder {
    private final AttributeDefinition proxyState;
    private final ServerCounters counters;

    StatusServerResponder(AttributeDefinition proxyState, ServerCounters counters) {
        this.proxyState = proxyState;
        this.counters = counters;
    }

    Outcome respond(RequestTask task) {
        counters.statusServer.increment();
        PacketCode code = task.kind() == ListenerKind.AUTH ? PacketCode.ACCESS_ACCEPT : PacketCode.ACCOUNTING_RESPONSE;
        RadiusPacketBuilder reply = Replies.start(task.packet(), code);
        return Outcome.reply(Replies.finish(task.packet(), reply, proxyState, task.nas()));
    }
}
