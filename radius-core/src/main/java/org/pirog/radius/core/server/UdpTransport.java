package org.pirog.radius.core.server;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Native epoll where the platform has it — SO_REUSEPORT with one socket per event loop, so that the kernel
 * spreads datagrams over cores, and recvmmsg/sendmmsg batches — and NIO with one socket per address elsewhere.
 */
final class UdpTransport {
    private static final int MAX_DATAGRAM = 4096;
    /** Lets recvmmsg read up to 32 datagrams per call (performance.md: with 2 KB Netty reads one at a time). */
    private static final int READ_BUFFER = 32 * MAX_DATAGRAM;
    private static final int SOCKET_BUFFER = 4 * 1024 * 1024;

    private final boolean epoll;
    private final EventLoopGroup group;
    private final int sockets;

    UdpTransport(int threads) {
        this.epoll = Epoll.isAvailable();
        int count = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        IoHandlerFactory factory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.group = new MultiThreadIoEventLoopGroup(count, new PirogThreadFactory("radius-loop"), factory);
        this.sockets = epoll ? count : 1;
    }

    boolean isEpoll() {
        return epoll;
    }

    EventLoopGroup group() {
        return group;
    }

    /** Binds the sockets of one listener; the handlers are made per socket. Returns the bound channels. */
    List<Channel> bind(InetSocketAddress address, Supplier<UdpRequestHandler> handlers) throws InterruptedException {
        List<Channel> channels = new ArrayList<>(sockets);
        InetSocketAddress target = address;
        for (int i = 0; i < sockets; i++) {
            Bootstrap bootstrap = new Bootstrap()
                    .group(group)
                    .option(ChannelOption.SO_RCVBUF, SOCKET_BUFFER)
                    .option(ChannelOption.SO_SNDBUF, SOCKET_BUFFER)
                    .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(READ_BUFFER))
                    .handler(handlers.get());
            if (epoll) {
                bootstrap.channel(EpollDatagramChannel.class)
                        .option(EpollChannelOption.SO_REUSEPORT, true)
                        .option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, MAX_DATAGRAM);
            } else {
                bootstrap.channel(NioDatagramChannel.class);
            }
            Channel channel = bootstrap.bind(target).sync().channel();
            channels.add(channel);
            // Port 0 picks a port once; the other sockets of the listener share it.
            target = (InetSocketAddress) channel.localAddress();
        }
        return channels;
    }
}
