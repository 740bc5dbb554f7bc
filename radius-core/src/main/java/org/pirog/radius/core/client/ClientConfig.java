package org.pirog.radius.core.client;

import java.net.InetSocketAddress;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.packet.RadiusPacketDecoder;

/** What every socket of one client shares; immutable apart from the counters. */
record ClientConfig(InetSocketAddress server, SharedSecret secret, RadiusPacketDecoder decoder,
        RetransmissionPolicy policy, boolean requireMessageAuthenticator, int maxQueuedPerSocket, Counters counters) {
}
