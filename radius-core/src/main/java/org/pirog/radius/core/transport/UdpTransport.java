package org.pirog.radius.core.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Event loops and datagram channels for RADIUS over UDP. Epoll when {@link Epoll#isAvailable()}, NIO otherwise.
 *
 * <p>Why the receive settings: Netty's epoll channel only uses recvmmsg when {@code MAX_DATAGRAM_PAYLOAD_SIZE}
 * is set and the receive buffer holds several datagrams of that size; with the default 2048-octet buffer it
 * silently falls back to one recvmsg per datagram, which cost 15% in the measurements of the bare loop.
 */
public final class UdpTransport {
    /** RFC 2865 §3: no RADIUS packet is longer. */
    public static final int MAX_DATAGRAM = 4096;
    /** Datagrams one recvmmsg call may return. */
    public static final int DATAGRAMS_PER_READ = 32;

    private UdpTransport() {
    }

    /** Whether channels made here use epoll. */
    public static boolean isEpollAvailable() {
        return Epoll.isAvailable();
    }

    /** Epoll's I/O handler where available, else NIO's. */
    public static IoHandlerFactory ioHandlerFactory() {
        return Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    /** A group of {@code threads} event loops on daemon threads named {@code name-N}. */
    public static EventLoopGroup newEventLoopGroup(int threads, String name) {
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), ioHandlerFactory());
    }

    /**
     * A bootstrap for datagram channels of the address family of {@code peer} on {@code group}, with recvmmsg
     * batching on epoll and the given SO_RCVBUF (0 keeps the system's).
     */
    public static Bootstrap datagramBootstrap(EventLoopGroup group, InetAddress peer, int receiveBufferSize) {
        SocketProtocolFamily family = peer instanceof Inet6Address ? SocketProtocolFamily.INET6
                : SocketProtocolFamily.INET;
        Bootstrap bootstrap = new Bootstrap().group(group);
        if (isEpoll(group)) {
            bootstrap.channelFactory(() -> new EpollDatagramChannel(family))
                    .option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, MAX_DATAGRAM)
                    .option(ChannelOption.RCVBUF_ALLOCATOR,
                            new FixedRecvByteBufAllocator(MAX_DATAGRAM * DATAGRAMS_PER_READ));
        } else {
            bootstrap.channelFactory(() -> new NioDatagramChannel(family))
                    .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM));
        }
        if (receiveBufferSize > 0) {
            bootstrap.option(ChannelOption.SO_RCVBUF, receiveBufferSize);
        }
        return bootstrap;
    }

    /** The wildcard address of {@code peer}'s family, to bind a client socket to. */
    public static InetAddress wildcardFor(InetAddress peer) {
        try {
            return InetAddress.getByAddress(new byte[peer instanceof Inet6Address ? 16 : 4]);
        } catch (java.net.UnknownHostException impossible) {
            throw new AssertionError(impossible);
        }
    }

    private static boolean isEpoll(EventLoopGroup group) {
        return Epoll.isAvailable() && group instanceof IoEventLoopGroup io && io.isIoType(EpollIoHandler.class);
    }
}
