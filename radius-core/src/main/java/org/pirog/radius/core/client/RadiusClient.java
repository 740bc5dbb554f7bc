package org.pirog.radius.core.client;

import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.packet.PacketCode;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.codec.packet.RadiusPacketBuilder;
import org.pirog.radius.codec.packet.RadiusPacketDecoder;
import org.pirog.radius.core.transport.UdpTransport;

/**
 * A RADIUS client over UDP to one server and shared secret: Access, Accounting, Status-Server, CoA and
 * Disconnect requests alike. Thread-safe; build one per server and keep it.
 *
 * <p>{@link #send} gives the request a free Identifier, signs it, sends it and resends the same octets on the
 * {@link RetransmissionPolicy} (RFC 5080 §2.2.1) until a reply comes from the server's address with that
 * Identifier and a valid Response Authenticator and Message-Authenticator. Replies that fail these checks are
 * dropped and counted ({@link #counters()}); the request keeps waiting for the real one.
 *
 * <p>Capacity: one socket carries at most 256 requests at once, one per Identifier. A client has
 * {@linkplain Builder#sockets(int) several sockets} (requests go round-robin), and a request that finds its
 * socket full waits in that socket's FIFO queue, bounded by {@link Builder#maxQueued(int)}, until a reply or a
 * timeout frees an Identifier. Past that bound {@code send} fails with {@code RejectedExecutionException}.
 *
 * <p>The futures complete on the socket's event loop: a dependent stage without an executor runs there and must
 * not block. Cancelling a future stops its retransmissions and frees its Identifier at its next timer, at the
 * latest. Closing the client fails what is still in flight with {@link ClosedChannelException}.
 */
public final class RadiusClient implements AutoCloseable {
    private final InetSocketAddress server;
    private final SharedSecret secret;
    private final Dictionary dictionary;
    private final Counters counters;
    private final EventLoopGroup group;
    private final boolean ownsGroup;
    private final ClientSocket[] sockets;
    private final AtomicInteger nextSocket = new AtomicInteger();
    private volatile boolean closed;

    private RadiusClient(Builder builder, InetSocketAddress server, SharedSecret secret) {
        this.server = server;
        this.secret = secret;
        this.dictionary = builder.dictionary;
        this.counters = new Counters();
        this.ownsGroup = builder.eventLoopGroup == null;
        this.group = builder.eventLoopGroup != null ? builder.eventLoopGroup
                : UdpTransport.newEventLoopGroup(builder.ioThreads, "radius-client");
        int perSocket = builder.maxQueued == 0 ? 0 : Math.max(1, builder.maxQueued / builder.sockets);
        ClientConfig config = new ClientConfig(server, secret, new RadiusPacketDecoder(dictionary), builder.policy,
                builder.requireMessageAuthenticator, perSocket, counters);
        this.sockets = new ClientSocket[builder.sockets];
        InetAddress local = builder.localAddress != null ? builder.localAddress
                : UdpTransport.wildcardFor(server.getAddress());
        try {
            for (int i = 0; i < sockets.length; i++) {
                ClientSocket socket = new ClientSocket(config);
                ChannelFuture bound = UdpTransport.datagramBootstrap(group, server.getAddress(),
                        builder.receiveBufferSize).handler(socket).bind(local, 0).awaitUninterruptibly();
                if (!bound.isSuccess()) {
                    throw bindFailure(local, bound.cause());
                }
                socket.bound(bound.channel());
                sockets[i] = socket;
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sends {@code request} and completes with the verified reply, or with {@link RadiusTimeoutException} when
     * the retransmission policy runs out. The request's Identifier is replaced by a free one; its Authenticator
     * field is what {@link org.pirog.radius.codec.packet.RadiusPacketEncoder} expects (random for Access-Request
     * and Status-Server, as the builder makes it), and Message-Authenticator, if present, is signed here.
     *
     * @throws IllegalArgumentException if the code is not a request's, or a Status-Server lacks the
     *                                  Message-Authenticator RFC 5997 §3 requires
     */
    public CompletableFuture<RadiusPacket> send(RadiusPacket request) {
        PacketCode code = request.code();
        if (code.kind() != PacketCode.Kind.REQUEST_RANDOM && code.kind() != PacketCode.Kind.REQUEST_HASHED) {
            throw new IllegalArgumentException(code + " is not a request a client sends");
        }
        if (code == PacketCode.STATUS_SERVER && request.messageAuthenticatorIndex() < 0) {
            throw new IllegalArgumentException("RFC 5997 §3: a Status-Server must carry a Message-Authenticator");
        }
        CompletableFuture<RadiusPacket> future = new CompletableFuture<>();
        if (closed) {
            future.completeExceptionally(new ClosedChannelException());
            return future;
        }
        int index = Math.floorMod(nextSocket.getAndIncrement(), sockets.length);
        sockets[index].submit(request, future);
        return future;
    }

    /**
     * A builder for a PAP Access-Request from this client: Message-Authenticator first (as BlastRADIUS advice
     * asks), User-Name, and User-Password hidden with this client's secret (RFC 2865 §5.2). Add NAS attributes
     * as needed, then {@link #send} the built packet.
     */
    public RadiusPacketBuilder papRequest(String userName, String password) {
        RadiusPacketBuilder builder = RadiusPacket.builder(dictionary, PacketCode.ACCESS_REQUEST, 0)
                .addMessageAuthenticator()
                .addString(standard(1, "User-Name"), userName);
        return builder.addHidden(standard(2, "User-Password"), password.getBytes(StandardCharsets.UTF_8), secret);
    }

    /** A Status-Server request (RFC 5997) with its Message-Authenticator, ready to {@link #send}. */
    public RadiusPacket statusServer() {
        return RadiusPacket.builder(dictionary, PacketCode.STATUS_SERVER, 0).addMessageAuthenticator().build();
    }

    public InetSocketAddress server() {
        return server;
    }

    public Dictionary dictionary() {
        return dictionary;
    }

    public ClientCounters counters() {
        return counters.snapshot();
    }

    /** Fails what is in flight, closes the sockets and, if the client made its event loops, shuts them down. */
    @Override
    public void close() {
        closed = true;
        for (ClientSocket socket : sockets) {
            if (socket != null) {
                socket.close();
            }
        }
        if (ownsGroup) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    private AttributeDefinition standard(int number, String name) {
        AttributeDefinition definition = dictionary.attribute(0, number);
        if (definition == null) {
            throw new IllegalStateException("the dictionary lacks " + name + " (" + number + ")");
        }
        return definition;
    }

    private static RuntimeException bindFailure(InetAddress local, @Nullable Throwable cause) {
        String message = "cannot bind a UDP socket on " + local.getHostAddress();
        return cause instanceof IOException io ? new UncheckedIOException(message, io)
                : new IllegalStateException(message, cause);
    }

    /** Settings of a {@link RadiusClient}; {@link #server} and {@link #secret} are required. */
    public static final class Builder {
        private @Nullable InetSocketAddress server;
        private @Nullable SharedSecret secret;
        private Dictionary dictionary = Dictionary.pirog();
        private RetransmissionPolicy policy = RetransmissionPolicy.RFC_5080;
        private int sockets = 1;
        private int ioThreads = 1;
        private @Nullable EventLoopGroup eventLoopGroup;
        private @Nullable InetAddress localAddress;
        private boolean requireMessageAuthenticator;
        private int maxQueued = 10_000;
        private int receiveBufferSize = 1 << 20;

        private Builder() {
        }

        /** The server's address and port; a host name is resolved now. */
        public Builder server(InetSocketAddress address) {
            this.server = address.isUnresolved() ? new InetSocketAddress(address.getHostString(), address.getPort())
                    : address;
            if (server.isUnresolved()) {
                throw new IllegalArgumentException("cannot resolve " + address.getHostString());
            }
            return this;
        }

        public Builder secret(SharedSecret value) {
            this.secret = value;
            return this;
        }

        /** For decoding replies and naming attributes; Pirog's own dictionary by default. */
        public Builder dictionary(Dictionary value) {
            this.dictionary = value;
            return this;
        }

        /** The whole retransmission policy at once; RFC 5080's recommended values by default. */
        public Builder retransmission(RetransmissionPolicy value) {
            this.policy = value;
            return this;
        }

        /** IRT: the wait after the first transmission (2 s by default). */
        public Builder timeout(Duration initial) {
            this.policy = policy.withInitialTimeout(initial);
            return this;
        }

        /** Retransmissions after the first transmission (4 by default, RFC 5080's MRC of 5 minus one). */
        public Builder retries(int count) {
            this.policy = policy.withMaxRetransmissions(count);
            return this;
        }

        /** MRT: the longest wait between transmissions (16 s by default). */
        public Builder maxRetransmissionTimeout(Duration value) {
            this.policy = policy.withMaxTimeout(value);
            return this;
        }

        /** MRD: a request fails at the latest this long after its first transmission (30 s by default). */
        public Builder maxRetransmissionDuration(Duration value) {
            this.policy = policy.withMaxDuration(value);
            return this;
        }

        /** UDP sockets, 256 requests in flight on each (1 by default). */
        public Builder sockets(int count) {
            if (count < 1 || count > 1024) {
                throw new IllegalArgumentException("sockets must be 1..1024, not " + count);
            }
            this.sockets = count;
            return this;
        }

        /** Event loops the client makes for itself when given no group (1 by default). */
        public Builder ioThreads(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("ioThreads must be positive, not " + count);
            }
            this.ioThreads = count;
            return this;
        }

        /**
         * Runs the sockets on the caller's event loops (epoll or NIO), which {@link #close()} leaves running.
         * By default the client makes its own.
         */
        public Builder eventLoopGroup(EventLoopGroup group) {
            this.eventLoopGroup = group;
            return this;
        }

        /** The local address to send from; the wildcard address of the server's family by default. */
        public Builder localAddress(InetAddress address) {
            this.localAddress = address;
            return this;
        }

        /**
         * Drops Access-Accept/Reject/Challenge replies that carry no Message-Authenticator (BlastRADIUS,
         * CVE-2024-3596). Off by default, as servers before the 2024 fixes do not always send one.
         */
        public Builder requireMessageAuthenticator(boolean value) {
            this.requireMessageAuthenticator = value;
            return this;
        }

        /** Requests that may wait for a free Identifier, over all sockets (10,000 by default). */
        public Builder maxQueued(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("maxQueued must be 0 or more, not " + count);
            }
            this.maxQueued = count;
            return this;
        }

        /** SO_RCVBUF in octets, 1 MiB by default (room for 256 replies at once); 0 keeps the system's. */
        public Builder receiveBufferSize(int octets) {
            this.receiveBufferSize = octets;
            return this;
        }

        /**
         * Binds the sockets and returns the running client.
         *
         * @throws UncheckedIOException when a socket cannot be bound
         */
        public RadiusClient build() {
            InetSocketAddress address = Objects.requireNonNull(server, "server is required");
            SharedSecret key = Objects.requireNonNull(secret, "secret is required");
            return new RadiusClient(this, address, key);
        }
    }
}
