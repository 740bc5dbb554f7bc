package org.pirog.radius.core.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The UDP adapter of the {@link RequestPipeline}: one per socket, on that socket's event loop. Replies written
 * while a read batch is being handled are flushed once at its end, so they leave in one {@code sendmmsg}.
 */
final class UdpRequestHandler extends ChannelInboundHandlerAdapter implements ReplyChannel {
    private final RequestPipeline pipeline;
    private final ListenerKind kind;
    private final DuplicateCache duplicates;
    private final long cleanupDelayNanos;
    private @Nullable ChannelHandlerContext context;
    private @Nullable ScheduledFuture<?> sweeper;
    private boolean reading;

    UdpRequestHandler(RequestPipeline pipeline, ListenerKind kind, ServerSettings settings) {
        this.pipeline = pipeline;
        this.kind = kind;
        this.cleanupDelayNanos = settings.cleanupDelay().toNanos();
        // Room for every request in flight plus a generous number of answered ones per socket.
        this.duplicates = new DuplicateCache(cleanupDelayNanos, Math.max(65_536, settings.maxRequests() * 4));
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        context = ctx;
        long period = Math.max(cleanupDelayNanos, TimeUnit.SECONDS.toNanos(1));
        sweeper = ctx.executor().scheduleAtFixedRate(() -> duplicates.sweep(System.nanoTime()), period, period,
                TimeUnit.NANOSECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (sweeper != null) {
            sweeper.cancel(false);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (!(message instanceof DatagramPacket datagram)) {
            ctx.fireChannelRead(message);
            return;
        }
        reading = true;
        try {
            pipeline.handle(datagram.content(), datagram.sender(), this, duplicates, kind);
        } finally {
            datagram.release();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        reading = false;
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A socket error (ICMP unreachable reported on the next read) must not close a listener.
        org.slf4j.LoggerFactory.getLogger(UdpRequestHandler.class).debug("Socket error on {}: {}", ctx.channel(),
                cause.toString());
    }

    @Override
    public void send(byte[] datagram, InetSocketAddress recipient) {
        ChannelHandlerContext ctx = context;
        if (ctx == null) {
            return;
        }
        if (!ctx.executor().inEventLoop()) {
            ctx.executor().execute(() -> send(datagram, recipient));
            return;
        }
        ByteBuf buffer = ctx.alloc().directBuffer(datagram.length).writeBytes(datagram);
        DatagramPacket packet = new DatagramPacket(buffer, recipient);
        if (reading) {
            ctx.write(packet, ctx.voidPromise());
        } else {
            ctx.writeAndFlush(packet, ctx.voidPromise());
        }
    }

    @Override
    public InetSocketAddress localAddress() {
        ChannelHandlerContext ctx = context;
        return ctx == null ? new InetSocketAddress(0) : (InetSocketAddress) ctx.channel().localAddress();
    }

    @Override
    public EventExecutor executor() {
        ChannelHandlerContext ctx = context;
        if (ctx == null) {
            throw new IllegalStateException("the listener is not active");
        }
        return ctx.executor();
    }
}
