package org.pirog.radius.benchmarks.load;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.util.internal.logging.InternalLoggerFactory;
import io.netty.util.internal.logging.JdkLoggerFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.core.transport.UdpTransport;

/**
 * The smallest correct RADIUS server for the generator: verifies each request's Message-Authenticator or Request
 * Authenticator, and answers Access-Accept (Message-Authenticator, MS-CHAP2-Success for MS-CHAPv2) or
 * Accounting-Response, without decoding, users file or logging. It shows what the generator can sustain, in the
 * manner of performance.md's bare loop. Runs for {@code --duration} seconds at most.
 *
 * <pre>java -cp benchmarks.jar org.pirog.radius.benchmarks.load.ReferenceResponder --listen 127.0.0.1:18212</pre>
 */
public final class ReferenceResponder implements AutoCloseable {
    private final EventLoopGroup group;
    private final Channel channel;
    private final ReferenceResponderHandler handler;

    private ReferenceResponder(InetSocketAddress listen, SharedSecret secret, int users) {
        this.group = UdpTransport.newEventLoopGroup(1, "reference-responder");
        this.handler = new ReferenceResponderHandler(secret, UserPattern.of(users));
        this.channel = UdpTransport.datagramBootstrap(group, listen.getAddress(), 4 << 20)
                .option(ChannelOption.SO_SNDBUF, 4 << 20)
                .handler(handler)
                .bind(listen)
                .syncUninterruptibly()
                .channel();
    }

    static ReferenceResponder start(InetSocketAddress listen, String secret, int users) {
        return new ReferenceResponder(listen, SharedSecret.of(secret), users);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** Requests answered and requests dropped because their authenticator did not verify. */
    long[] counts() throws InterruptedException {
        try {
            return channel.eventLoop().submit(() -> new long[] {handler.answered(), handler.dropped()}).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 100, TimeUnit.MILLISECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    public static void main(String[] args) throws InterruptedException {
        InternalLoggerFactory.setDefaultFactory(JdkLoggerFactory.INSTANCE);
        String listen = "127.0.0.1:18212";
        String secret = "testing123";
        int users = 10_000;
        long seconds = 600;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--listen" -> listen = args[i + 1];
                case "--secret" -> secret = args[i + 1];
                case "--users" -> users = Integer.parseInt(args[i + 1]);
                case "--duration" -> seconds = Long.parseLong(args[i + 1]);
                default -> {
                    System.err.println("options: --listen HOST:PORT --secret TEXT --users N --duration SECONDS");
                    System.exit(2);
                }
            }
        }
        int colon = listen.lastIndexOf(':');
        InetSocketAddress address = new InetSocketAddress(listen.substring(0, colon),
                Integer.parseInt(listen.substring(colon + 1)));
        try (ReferenceResponder responder = start(address, secret, users)) {
            System.out.println("reference responder on " + responder.address() + " for at most " + seconds + " s");
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            long[] counts = responder.counts();
            System.out.println("answered " + counts[0] + ", dropped " + counts[1]);
        }
    }
}
