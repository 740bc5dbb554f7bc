package org.pirog.radius.core.server;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.pirog.radius.core.backend.Backend;
import org.pirog.radius.core.nas.NasTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running RADIUS server: UDP listeners for authentication and accounting (Status-Server on both), the request
 * pipeline and a backend. Made with {@link #builder()}; {@link #close()} stops reading, lets the requests in
 * flight finish, then releases the sockets, threads and backend.
 *
 * <pre>{@code
 * RadiusServer server = RadiusServer.builder()
 *         .client(Nas.of("pppd", NasNetwork.host(InetAddress.getByName("192.0.2.1")), SharedSecret.of("s3cret")))
 *         .backend(myBackend)
 *         .listen(new InetSocketAddress("0.0.0.0", 1812))
 *         .start();
 * }</pre>
 */
public final class RadiusServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RadiusServer.class);

    private final UdpListeners transport;
    private final List<Channel> authChannels;
    private final List<Channel> acctChannels;
    private final RequestPipeline pipeline;
    private final ServerCounters counters;
    private final Backend backend;
    private final ExecutorService blockingExecutor;
    private final Duration drainTimeout;
    private volatile boolean closed;

    RadiusServer(UdpListeners transport, List<Channel> authChannels, List<Channel> acctChannels,
            RequestPipeline pipeline, ServerCounters counters, Backend backend, ExecutorService blockingExecutor,
            Duration drainTimeout) {
        this.transport = transport;
        this.authChannels = List.copyOf(authChannels);
        this.acctChannels = List.copyOf(acctChannels);
        this.pipeline = pipeline;
        this.counters = counters;
        this.backend = backend;
        this.blockingExecutor = blockingExecutor;
        this.drainTimeout = drainTimeout;
    }

    public static RadiusServerBuilder builder() {
        return new RadiusServerBuilder();
    }

    /** The addresses the authentication listeners are bound to (one per listen address). */
    public List<InetSocketAddress> authAddresses() {
        return distinctAddresses(authChannels);
    }

    /** The addresses the accounting listeners are bound to. */
    public List<InetSocketAddress> acctAddresses() {
        return distinctAddresses(acctChannels);
    }

    public ServerCounters counters() {
        return counters;
    }

    /** Requests received and not yet answered, abandoned or dropped. */
    public int requestsInFlight() {
        return pipeline.inFlight();
    }

    /** Whether the native epoll transport is in use (else NIO). */
    public boolean isEpoll() {
        return transport.isEpoll();
    }

    /** Replaces the clients without a restart; requests in progress finish with their old client. */
    public void clients(NasTable clients) {
        pipeline.clients(clients);
    }

    public NasTable clients() {
        return pipeline.clients();
    }

    /** Stops reading, waits (up to the drain timeout) for requests in flight, then releases everything. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Channel> all = new ArrayList<>(authChannels);
        all.addAll(acctChannels);
        for (Channel channel : all) {
            channel.config().setAutoRead(false);
        }
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        while (pipeline.inFlight() > 0 && System.nanoTime() - deadline < 0) {
            sleepBriefly();
        }
        if (pipeline.inFlight() > 0) {
            log.warn("Stopping with {} requests still in flight", pipeline.inFlight());
        }
        for (Channel channel : all) {
            channel.close().awaitUninterruptibly();
        }
        transport.group().shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        blockingExecutor.shutdown();
        try {
            backend.close();
        } catch (Exception e) {
            log.warn("Backend did not close cleanly: {}", e.toString());
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<InetSocketAddress> distinctAddresses(List<Channel> channels) {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (Channel channel : channels) {
            InetSocketAddress address = (InetSocketAddress) channel.localAddress();
            if (!addresses.contains(address)) {
                addresses.add(address);
            }
        }
        return addresses;
    }
}
