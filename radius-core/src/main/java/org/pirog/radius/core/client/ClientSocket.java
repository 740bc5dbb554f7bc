package org.pirog.radius.core.client;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.packet.MalformedPacketException;
import org.pirog.radius.codec.packet.PacketCode;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.codec.packet.RadiusPacketEncoder;

/**
 * One UDP socket of a client and the up to 256 requests in flight on it, one per Identifier (RFC 2865 §3: the
 * Identifier, with the source address and port, is what tells requests apart). All state is confined to the
 * socket's event loop, so nothing here locks. Requests that find no free Identifier wait in a bounded FIFO queue
 * and start as replies or timeouts free one.
 *
 * <p>Identifiers are handed out first-freed, first-reused, so a freed one rests while the other 255 are used:
 * a late reply to a timed-out request is then unlikely to meet a new request with the same Identifier, and if it
 * does, the Response Authenticator (computed over the new request's authenticator) does not verify and the
 * reply is dropped.
 */
final class ClientSocket extends ChannelInboundHandlerAdapter {
    private static final int IDENTIFIERS = 256;

    private record Queued(RadiusPacket request, CompletableFuture<RadiusPacket> future) {
    }

    private final ClientConfig config;
    private final @Nullable PendingRequest[] pending = new PendingRequest[IDENTIFIERS];
    /** Free Identifiers as a ring: {@code free[head]} is the next one handed out. */
    private final int[] free = new int[IDENTIFIERS];
    private int head;
    private int freeCount = IDENTIFIERS;
    private final ArrayDeque<Queued> queue = new ArrayDeque<>();
    private @Nullable Channel channel;
    private boolean inReadBatch;
    private boolean flushNeeded;
    private boolean closed;

    ClientSocket(ClientConfig config) {
        this.config = config;
        int start = ThreadLocalRandom.current().nextInt(IDENTIFIERS);
        for (int i = 0; i < IDENTIFIERS; i++) {
            free[i] = (start + i) & (IDENTIFIERS - 1);
        }
    }

    void bound(Channel boundChannel) {
        this.channel = boundChannel;
    }

    /** From any thread: sends {@code request} on this socket, or queues it, and completes {@code future}. */
    void submit(RadiusPacket request, CompletableFuture<RadiusPacket> future) {
        EventLoop loop = eventLoop();
        if (loop.inEventLoop()) {
            start(request, future);
            return;
        }
        try {
            loop.execute(() -> start(request, future));
        } catch (RejectedExecutionException shutDown) {
            future.completeExceptionally(new ClosedChannelException());
        }
    }

    /** From any thread: fails everything pending or queued and closes the socket. */
    void close() {
        EventLoop loop = eventLoop();
        if (loop.inEventLoop()) {
            closeNow();
        } else {
            try {
                loop.submit(this::closeNow).awaitUninterruptibly();
            } catch (RejectedExecutionException alreadyShutDown) {
                // the loop is gone, and with it the channel; nothing can still complete
            }
        }
    }

    private void start(RadiusPacket request, CompletableFuture<RadiusPacket> future) {
        if (future.isDone()) {
            return; // cancelled by the caller while it waited
        }
        if (closed) {
            future.completeExceptionally(new ClosedChannelException());
            return;
        }
        if (freeCount == 0) {
            if (queue.size() >= config.maxQueuedPerSocket()) {
                future.completeExceptionally(new RejectedExecutionException("all 256 Identifiers of the socket are"
                        + " in use and " + queue.size() + " requests already wait for one"));
            } else {
                queue.add(new Queued(request, future));
            }
            return;
        }
        int identifier = free[head];
        head = (head + 1) & (IDENTIFIERS - 1);
        freeCount--;
        PendingRequest inFlight;
        try {
            byte[] signed = RadiusPacketEncoder.encode(request.withIdentifier(identifier), config.secret());
            inFlight = new PendingRequest(future, signed, config.decoder().decode(signed), System.nanoTime());
        } catch (MalformedPacketException | RuntimeException e) {
            releaseIdentifier(identifier);
            future.completeExceptionally(e);
            return;
        }
        pending[identifier] = inFlight;
        config.counters().requests.increment();
        inFlight.timeoutNanos = config.policy().firstTimeoutNanos(jitter());
        transmit(inFlight);
        schedule(inFlight);
    }

    private void transmit(PendingRequest request) {
        Channel ch = channel();
        ByteBuf octets = ch.alloc().directBuffer(request.signed.length).writeBytes(request.signed);
        request.transmissions++;
        if (inReadBatch) {
            ch.write(new DatagramPacket(octets, config.server()), ch.voidPromise());
            flushNeeded = true; // one sendmmsg for the whole batch, in channelReadComplete
        } else {
            ch.writeAndFlush(new DatagramPacket(octets, config.server()), ch.voidPromise());
        }
    }

    private void schedule(PendingRequest request) {
        long left = config.policy().maxDuration().toNanos() - (System.nanoTime() - request.firstSentNanos);
        long delay = Math.max(0, Math.min(request.timeoutNanos, left));
        request.timer = eventLoop().schedule(() -> onTimeout(request), delay, TimeUnit.NANOSECONDS);
    }

    private void onTimeout(PendingRequest request) {
        int identifier = request.identifier();
        if (pending[identifier] != request) {
            return;
        }
        long elapsed = System.nanoTime() - request.firstSentNanos;
        RetransmissionPolicy policy = config.policy();
        if (request.future.isDone()) {
            finish(request);
        } else if (request.transmissions > policy.maxRetransmissions() || elapsed >= policy.maxDuration().toNanos()) {
            finish(request);
            config.counters().timeouts.increment();
            request.future.completeExceptionally(new RadiusTimeoutException(config.server(),
                    request.sent.code() + " Id " + identifier, request.transmissions, Duration.ofNanos(elapsed)));
        } else {
            // RFC 5080 §2.2.1: the same octets again, Identifier and Request Authenticator unchanged.
            transmit(request);
            config.counters().retransmissions.increment();
            request.timeoutNanos = policy.nextTimeoutNanos(request.timeoutNanos, jitter());
            schedule(request);
            return;
        }
        startQueued();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        inReadBatch = true;
        try {
            if (msg instanceof DatagramPacket datagram) {
                onDatagram(datagram.content(), datagram.sender());
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        inReadBatch = false;
        if (flushNeeded) {
            flushNeeded = false;
            ctx.flush();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // ICMP errors and the like on a datagram socket: the retransmission timer decides what they mean.
    }

    private void onDatagram(ByteBuf content, @Nullable InetSocketAddress sender) {
        Counters counters = config.counters();
        if (!config.server().equals(sender) || content.readableBytes() < RadiusPacket.MIN_LENGTH) {
            counters.unmatchedReplies.increment();
            return;
        }
        PendingRequest request = pending[content.getUnsignedByte(content.readerIndex() + 1)];
        if (request == null) {
            counters.unmatchedReplies.increment();
            return;
        }
        RadiusPacket reply;
        try {
            reply = config.decoder().decode(content);
        } catch (MalformedPacketException e) {
            counters.malformedReplies.increment();
            return;
        }
        if (!verifies(reply, request)) {
            counters.invalidReplies.increment(); // a forgery or a stale reply: keep waiting for the real one
            return;
        }
        finish(request);
        counters.replies.increment();
        request.future.complete(reply);
        startQueued();
    }

    private boolean verifies(RadiusPacket reply, PendingRequest request) {
        PacketCode requestCode = request.sent.code();
        if (!answers(requestCode, reply.code()) || !reply.hasValidResponseAuthenticator(request.sent, config.secret())) {
            return false;
        }
        if (reply.messageAuthenticatorIndex() >= 0) {
            return reply.hasValidMessageAuthenticator(config.secret(), request.requestAuthenticator);
        }
        // RFC 9765 (BlastRADIUS): a client may insist that every Access reply is signed.
        return !(config.requireMessageAuthenticator() && (requestCode == PacketCode.ACCESS_REQUEST
                || requestCode == PacketCode.STATUS_SERVER));
    }

    /** Whether {@code reply} is a code that may answer {@code request} (RFC 2865, 2866, 5176, 5997). */
    static boolean answers(PacketCode request, PacketCode reply) {
        if (reply.kind() != PacketCode.Kind.RESPONSE) {
            return false;
        }
        if (request == PacketCode.ACCESS_REQUEST) {
            return reply == PacketCode.ACCESS_ACCEPT || reply == PacketCode.ACCESS_REJECT
                    || reply == PacketCode.ACCESS_CHALLENGE;
        }
        if (request == PacketCode.ACCOUNTING_REQUEST) {
            return reply == PacketCode.ACCOUNTING_RESPONSE;
        }
        if (request == PacketCode.STATUS_SERVER) {
            return reply == PacketCode.ACCESS_ACCEPT || reply == PacketCode.ACCOUNTING_RESPONSE;
        }
        if (request == PacketCode.COA_REQUEST) {
            return reply == PacketCode.COA_ACK || reply == PacketCode.COA_NAK;
        }
        if (request == PacketCode.DISCONNECT_REQUEST) {
            return reply == PacketCode.DISCONNECT_ACK || reply == PacketCode.DISCONNECT_NAK;
        }
        return true; // a request code we do not know: any response may be its answer
    }

    private void finish(PendingRequest request) {
        int identifier = request.identifier();
        pending[identifier] = null;
        if (request.timer != null) {
            request.timer.cancel(false);
        }
        releaseIdentifier(identifier);
    }

    private void releaseIdentifier(int identifier) {
        free[(head + freeCount) & (IDENTIFIERS - 1)] = identifier;
        freeCount++;
    }

    private void startQueued() {
        while (freeCount > 0 && !queue.isEmpty()) {
            Queued next = queue.poll();
            start(next.request(), next.future());
        }
    }

    private void closeNow() {
        if (closed) {
            return;
        }
        closed = true;
        for (PendingRequest request : pending) {
            if (request != null) {
                finish(request);
                request.future.completeExceptionally(new ClosedChannelException());
            }
        }
        for (Queued queued; (queued = queue.poll()) != null; ) {
            queued.future().completeExceptionally(new ClosedChannelException());
        }
        channel().close();
    }

    private EventLoop eventLoop() {
        return channel().eventLoop();
    }

    private Channel channel() {
        Channel ch = channel;
        if (ch == null) {
            throw new IllegalStateException("socket not bound yet");
        }
        return ch;
    }

    private static double jitter() {
        return ThreadLocalRandom.current().nextDouble(-1.0, 1.0);
    }
}
