package org.pirog.radius.benchmarks.load;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.core.transport.UdpTransport;

/** One run of the generator, from precomputing the requests to the merged report. */
final class LoadRun {
    /** performance.md: the default 208 KB receive buffer drops replies at a window of 256. */
    private static final int SOCKET_BUFFER = 4 << 20;

    private LoadRun() {
    }

    static LoadReport run(LoadOptions options) throws IOException, InterruptedException {
        Workload workload = Workload.of(options.type(), SharedSecret.of(options.secret()),
                UserPattern.of(options.users()), options.seed());
        RunControl control = new RunControl(options.count(), !options.warmup().isZero());
        EventLoopGroup group = UdpTransport.newEventLoopGroup(options.threads(), "radius-load");
        LoadSocket[] sockets = new LoadSocket[options.sockets()];
        try {
            for (int i = 0; i < sockets.length; i++) {
                int lanes = options.window() / sockets.length + (i < options.window() % sockets.length ? 1 : 0);
                sockets[i] = new LoadSocket(i, sockets.length, lanes, workload, control, options.server(),
                        options.timeout().toNanos(), options.requireMessageAuthenticator(), options.seed());
                ChannelFuture bound = UdpTransport.datagramBootstrap(group, options.server().getAddress(),
                                SOCKET_BUFFER)
                        .option(ChannelOption.SO_SNDBUF, SOCKET_BUFFER)
                        .handler(sockets[i])
                        .bind(UdpTransport.wildcardFor(options.server().getAddress()), 0)
                        .awaitUninterruptibly();
                if (!bound.isSuccess()) {
                    throw new IOException("cannot bind a UDP socket", bound.cause());
                }
                LoadSocket socket = sockets[i];
                bound.channel().eventLoop().execute(() -> socket.start(bound.channel()));
            }
            if (!options.warmup().isZero()) {
                Thread.sleep(options.warmup().toMillis());
                control.startMeasuring();
            }
            long cpuStart = processCpuNanos();
            control.awaitEnd(options.duration().toNanos());
            control.stop();
            long cpuNanos = processCpuNanos() - cpuStart;
            long wallNanos = System.nanoTime() - control.measureStartNanos();
            awaitDrain(sockets, options.timeout().toNanos() + TimeUnit.MILLISECONDS.toNanos(100));
            SocketResult total = new SocketResult();
            for (LoadSocket socket : sockets) {
                total.add(socket.finishOnLoop());
            }
            long measured = total.lastReplyNanos == 0 ? 0 : total.lastReplyNanos - control.measureStartNanos();
            return new LoadReport(options, measured, total.sent, total.verdicts[Verdict.OK.ordinal()], total.lost,
                    total.verdicts, total.withoutMessageAuthenticator, total.stray, total.late, total.latency,
                    wallNanos <= 0 ? 0 : (double) cpuNanos / wallNanos);
        } finally {
            group.shutdownGracefully(0, 100, TimeUnit.MILLISECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    /** Waits until every socket has nothing outstanding, at most {@code nanos}: the run ends even if none answer. */
    private static void awaitDrain(LoadSocket[] sockets, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        while (System.nanoTime() - deadline < 0) {
            boolean idle = true;
            for (LoadSocket socket : sockets) {
                idle &= socket == null || socket.idle();
            }
            if (idle) {
                return;
            }
            Thread.sleep(5);
        }
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }
}
