package org.pirog.radius.core.server;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollChannelOption;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.pirog.radius.core.transport.UdpTransport;

/**
 * The server's sockets: with epoll, SO_REUSEPORT and one socket per event loop on every listen address, so that
 * the kernel spreads datagrams over the cores; with NIO, one socket per address. Receive settings (recvmmsg
 * batches) come from {@link UdpTransport}, which the client shares.
 */
final class UdpListeners {
    private static final int SOCKET_BUFFER = 4 * 1024 * 1024;

    private final boolean epoll;
    private final EventLoopGroup group;
    private final int sockets;

    UdpListeners(int threads) {
        this.epoll = UdpTransport.isEpollAvailable();
        int count = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.group = new MultiThreadIoEventLoopGroup(count, new PirogThreadFactory("radius-loop"),
                UdpTransport.ioHandlerFactory());
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
            // 4 MB: the default 208 KB drops bursts at window 256 (performance.md).
            Bootstrap bootstrap = UdpTransport.datagramBootstrap(group, address.getAddress(), SOCKET_BUFFER)
                    .option(ChannelOption.SO_SNDBUF, SOCKET_BUFFER)
                    .handler(handlers.get());
            if (epoll) {
                bootstrap.option(EpollChannelOption.SO_REUSEPORT, true);
            }
            Channel channel = bootstrap.bind(target).sync().channel();
            channels.add(channel);
            // Port 0 picks a port once; the other sockets of the listener share it.
            target = (InetSocketAddress) channel.localAddress();
        }
        return channels;
    }
}
