package org.pirog.radius.core.server;

import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;

/**
 * Where the replies to one receiving socket go: UDP today, a TCP or TLS connection tomorrow. The pipeline knows
 * nothing else of the transport.
 */
interface ReplyChannel {

    /** Sends a reply; may be called from any thread. */
    void send(byte[] datagram, InetSocketAddress recipient);

    /** The address the request was received on (for {@code -X} output). */
    InetSocketAddress localAddress();

    /** The event loop that owns the socket (and its {@link DuplicateCache}). */
    EventExecutor executor();
}
