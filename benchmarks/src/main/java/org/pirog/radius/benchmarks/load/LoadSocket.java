package org.pirog.radius.benchmarks.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.crypto.MessageAuthenticator;
import org.pirog.radius.codec.crypto.ResponseAuthenticator;

/**
 * One UDP socket of the generator and its lanes. Everything runs on the socket's event loop: a reply is
 * verified, counted and its lane's next request written in the same read; the batch is flushed once in
 * {@code channelReadComplete}, so it leaves in one sendmmsg. A sweep every 10 ms counts requests unanswered
 * after the timeout as lost and quarantines their Identifier for one more timeout, so that a late reply is
 * recognised as late rather than mistaken for a wrong answer to a newer request.
 */
final class LoadSocket extends ChannelInboundHandlerAdapter {
    private static final int IDENTIFIERS = 256;
    private static final long SWEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final Workload workload;
    private final RunControl control;
    private final InetSocketAddress server;
    private final long timeoutNanos;
    private final boolean requireMessageAuthenticator;
    private final Lane[] lanes;
    private final @Nullable Lane[] byIdentifier = new Lane[IDENTIFIERS];
    private final long[] quarantinedUntil = new long[IDENTIFIERS];
    private final int[] free = new int[IDENTIFIERS];
    private int freeHead;
    private int freeCount = IDENTIFIERS;
    private final ArrayDeque<Lane> parked = new ArrayDeque<>();
    private final byte[] packet = new byte[4096];
    private final SplittableRandom random;
    private final int userStride;
    private int nextUser;
    private final SocketResult result = new SocketResult();
    private @Nullable Channel channel;
    private @Nullable ScheduledFuture<?> sweeper;
    private boolean inRead;
    private boolean flushNeeded;
    private int outstanding;
    private volatile boolean idle;

    LoadSocket(int index, int sockets, int lanesPerSocket, Workload workload, RunControl control,
            InetSocketAddress server, long timeoutNanos, boolean requireMessageAuthenticator, long seed) {
        this.workload = workload;
        this.control = control;
        this.server = server;
        this.timeoutNanos = timeoutNanos;
        this.requireMessageAuthenticator = requireMessageAuthenticator;
        this.random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (index + 1)));
        this.userStride = sockets;
        this.nextUser = index % workload.users.count();
        this.lanes = new Lane[lanesPerSocket];
        for (int i = 0; i < lanesPerSocket; i++) {
            lanes[i] = new Lane();
            lanes[i].session = (long) index * lanesPerSocket + i;
        }
        for (int i = 0; i < IDENTIFIERS; i++) {
            free[i] = i;
        }
    }

    /** On the event loop: fills the window and starts the sweep. */
    void start(Channel bound) {
        this.channel = bound;
        for (Lane lane : lanes) {
            issue(lane);
        }
        flushIfNeeded();
        sweeper = bound.eventLoop().scheduleAtFixedRate(this::sweep, SWEEP_NANOS, SWEEP_NANOS,
                TimeUnit.NANOSECONDS);
    }

    /** Whether the run is stopped and nothing is outstanding; readable from any thread. */
    boolean idle() {
        return idle;
    }

    /** After the run, from any thread: {@link #finish()} on the socket's event loop. */
    SocketResult finishOnLoop() throws InterruptedException {
        try {
            return channel().eventLoop().submit(this::finish).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the socket failed to finish", e.getCause());
        }
    }

    /** On the event loop, after the run: counts what is still outstanding as lost and closes the socket. */
    private SocketResult finish() {
        if (sweeper != null) {
            sweeper.cancel(false);
        }
        for (Lane lane : lanes) {
            if (lane.identifier >= 0 && lane.measured) {
                result.lost++;
            }
        }
        if (channel != null) {
            channel.close();
        }
        return result;
    }

    private void issue(Lane lane) {
        RunControl.Admission admission = control.admit();
        if (admission == RunControl.Admission.STOP) {
            return;
        }
        if (freeCount == 0) {
            parked.add(lane); // every Identifier is out or quarantined: wait for the sweep to free one
            return;
        }
        int identifier = free[freeHead];
        freeHead = (freeHead + 1) & (IDENTIFIERS - 1);
        freeCount--;
        int length = workload.write(lane, nextUser(), identifier, random, packet);
        System.arraycopy(packet, 4, lane.authenticator, 0, 16);
        lane.identifier = identifier;
        lane.measured = admission == RunControl.Admission.MEASURED;
        byIdentifier[identifier] = lane;
        outstanding++;
        if (lane.measured) {
            result.sent++;
        }
        Channel ch = channel();
        ByteBuf datagram = ch.alloc().directBuffer(length).writeBytes(packet, 0, length);
        lane.sentNanos = System.nanoTime();
        ch.write(new DatagramPacket(datagram, server), ch.voidPromise());
        flushNeeded = true;
    }

    private int nextUser() {
        int user = nextUser;
        nextUser += userStride;
        if (nextUser >= workload.users.count()) {
            nextUser -= workload.users.count();
        }
        return user;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        inRead = true;
        try {
            if (msg instanceof DatagramPacket datagram) {
                onReply(datagram.content(), datagram.sender());
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        inRead = false;
        flushIfNeeded();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // ICMP port unreachable and the like while the server is down: the sweep counts those requests lost.
    }

    private void onReply(ByteBuf content, @Nullable InetSocketAddress sender) {
        int length = content.readableBytes();
        if (length < 20 || length > packet.length || !server.equals(sender)) {
            result.stray++;
            return;
        }
        content.getBytes(content.readerIndex(), packet, 0, length);
        int identifier = packet[1] & 0xFF;
        Lane lane = byIdentifier[identifier];
        if (lane == null) {
            if (quarantinedUntil[identifier] != 0) {
                result.late++;
            } else {
                result.stray++;
            }
            return;
        }
        long now = System.nanoTime();
        Verdict verdict = verify(lane, length);
        byIdentifier[identifier] = null;
        release(identifier);
        outstanding--;
        lane.identifier = -1;
        if (lane.measured) {
            result.verdicts[verdict.ordinal()]++;
            if (verdict == Verdict.OK) {
                result.latency.recordValue(Math.min(now - lane.sentNanos, result.latency.getHighestTrackableValue()));
                result.lastReplyNanos = now;
            }
        }
        workload.completed(lane);
        issue(lane);
        idle = outstanding == 0 && control.stopped();
    }

    private Verdict verify(Lane lane, int received) {
        int length = ((packet[2] & 0xFF) << 8) | (packet[3] & 0xFF);
        if (length < 20 || length > received) {
            return Verdict.MALFORMED;
        }
        if ((packet[0] & 0xFF) != workload.expectedCode()) {
            return Verdict.UNEXPECTED_CODE;
        }
        if (!ResponseAuthenticator.verify(packet, length, lane.authenticator, 0, workload.secret)) {
            return Verdict.BAD_RESPONSE_AUTHENTICATOR;
        }
        int ma = WireAttributes.valueOffset(packet, length, WireAttributes.MESSAGE_AUTHENTICATOR);
        if (ma == WireAttributes.MALFORMED) {
            return Verdict.MALFORMED;
        }
        if (ma >= 0) {
            if ((packet[ma - 1] & 0xFF) != 18
                    || !MessageAuthenticator.verify(packet, length, ma, lane.authenticator, 0, workload.secret)) {
                return Verdict.BAD_MESSAGE_AUTHENTICATOR;
            }
        } else if (lane.measured) {
            result.withoutMessageAuthenticator++;
            if (requireMessageAuthenticator && workload.isAccess()) {
                return Verdict.MISSING_MESSAGE_AUTHENTICATOR;
            }
        }
        return workload.checkContent(lane, packet, length);
    }

    private void sweep() {
        long now = System.nanoTime();
        for (int identifier = 0; identifier < IDENTIFIERS; identifier++) {
            Lane lane = byIdentifier[identifier];
            if (lane != null && now - lane.sentNanos > timeoutNanos) {
                byIdentifier[identifier] = null;
                quarantinedUntil[identifier] = now + timeoutNanos;
                outstanding--;
                lane.identifier = -1;
                if (lane.measured) {
                    result.lost++;
                }
                workload.completed(lane);
                parked.add(lane);
            } else if (lane == null && quarantinedUntil[identifier] != 0 && now - quarantinedUntil[identifier] > 0) {
                quarantinedUntil[identifier] = 0;
                release(identifier);
            }
        }
        for (int n = parked.size(); n > 0 && freeCount > 0; n--) {
            issue(parked.poll());
        }
        if (control.stopped()) {
            parked.clear();
        }
        flushIfNeeded();
        idle = outstanding == 0 && control.stopped();
    }

    private void release(int identifier) {
        free[(freeHead + freeCount) & (IDENTIFIERS - 1)] = identifier;
        freeCount++;
    }

    private void flushIfNeeded() {
        if (flushNeeded && !inRead) {
            flushNeeded = false;
            channel().flush();
        }
    }

    private Channel channel() {
        Channel ch = channel;
        if (ch == null) {
            throw new IllegalStateException("socket not started");
        }
        return ch;
    }
}
