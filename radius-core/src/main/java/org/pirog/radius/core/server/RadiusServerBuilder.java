package org.pirog.radius.core.server;

import io.netty.channel.Channel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.core.backend.Backend;
import org.pirog.radius.core.backend.BackendException;
import org.pirog.radius.core.backend.ClientSource;
import org.pirog.radius.core.nas.Nas;
import org.pirog.radius.core.nas.NasTable;

/** Configures and starts a {@link RadiusServer}. */
public final class RadiusServerBuilder {
    private Dictionary dictionary = Dictionary.pirog();
    private final List<Nas> clients = new ArrayList<>();
    private @Nullable Backend backend;
    private final List<InetSocketAddress[]> listeners = new ArrayList<>();
    private ServerSettings settings = ServerSettings.DEFAULTS;
    private @Nullable Duration drainTimeout;

    RadiusServerBuilder() {
    }

    /** The dictionary packets are decoded with; Pirog's own by default. */
    public RadiusServerBuilder dictionary(Dictionary value) {
        this.dictionary = Objects.requireNonNull(value, "dictionary");
        return this;
    }

    public RadiusServerBuilder client(Nas nas) {
        clients.add(Objects.requireNonNull(nas, "nas"));
        return this;
    }

    public RadiusServerBuilder clients(List<Nas> list) {
        clients.addAll(list);
        return this;
    }

    /**
     * The account store. When it defines clients ({@link Backend#clients()}), they are added after those given
     * here (the first definition of a network wins) and reloaded whenever the backend signals a change.
     */
    public RadiusServerBuilder backend(Backend value) {
        this.backend = Objects.requireNonNull(value, "backend");
        return this;
    }

    /**
     * Listens for authentication on {@code auth} and for accounting on the next port, as FreeRADIUS does with
     * {@code -p}; port 0 picks free ports for both. May be called for several addresses (IPv4 and IPv6).
     */
    public RadiusServerBuilder listen(InetSocketAddress auth) {
        int acctPort = auth.getPort() == 0 ? 0 : auth.getPort() + 1;
        return listen(auth, new InetSocketAddress(auth.getAddress(), acctPort));
    }

    /** Listens for authentication on {@code auth} and for accounting on {@code acct}. */
    public RadiusServerBuilder listen(InetSocketAddress auth, InetSocketAddress acct) {
        listeners.add(new InetSocketAddress[] {auth, acct});
        return this;
    }

    public RadiusServerBuilder settings(ServerSettings value) {
        this.settings = Objects.requireNonNull(value, "settings");
        return this;
    }

    /** How long {@link RadiusServer#close()} waits for requests in flight; {@code max_request_time} by default. */
    public RadiusServerBuilder drainTimeout(Duration value) {
        this.drainTimeout = Objects.requireNonNull(value, "drainTimeout");
        return this;
    }

    /** Binds the listeners (1812/1813 on every address by default) and starts answering. */
    public RadiusServer start() throws IOException {
        Backend chosen = Objects.requireNonNull(backend, "a backend is required: builder().backend(…)");
        List<InetSocketAddress[]> addresses = listeners.isEmpty() ? defaultListeners() : listeners;
        ClientSource clientSource = chosen.clients();
        BackendClients backendClients = null;
        NasTable nasTable = NasTable.of(clients);
        if (clientSource != null) {
            backendClients = new BackendClients(clients, clientSource, settings);
            try {
                nasTable = backendClients.load();
            } catch (BackendException e) {
                throw new IOException("cannot read the backend's clients: " + e.getMessage(), e);
            }
        }
        ServerCounters counters = new ServerCounters();
        AttributeDefinition proxyState = Objects.requireNonNull(dictionary.attribute("Proxy-State"),
                "the dictionary must define Proxy-State");
        ExecutorService blocking = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("radius-backend-", 0)
                .factory());
        RequestDispatcher dispatcher = new RequestDispatcher(
                new AccessProcessor(dictionary, chosen, settings, counters),
                new AccountingProcessor(chosen, proxyState, counters),
                new StatusServerResponder(proxyState, counters));
        RequestPipeline pipeline = new RequestPipeline(dictionary, nasTable, settings, counters, dispatcher,
                blocking);
        UdpListeners transport = new UdpListeners(settings.threads());
        List<Channel> auth = new ArrayList<>();
        List<Channel> acct = new ArrayList<>();
        try {
            for (InetSocketAddress[] pair : addresses) {
                auth.addAll(bind(transport, pair[0], () -> new UdpRequestHandler(pipeline, ListenerKind.AUTH, settings)));
                acct.addAll(bind(transport, pair[1], () -> new UdpRequestHandler(pipeline, ListenerKind.ACCT, settings)));
            }
        } catch (IOException | RuntimeException e) {
            for (Channel channel : auth) {
                channel.close();
            }
            for (Channel channel : acct) {
                channel.close();
            }
            transport.group().shutdownGracefully();
            blocking.shutdown();
            throw e;
        }
        RadiusServer server = new RadiusServer(transport, auth, acct, pipeline, counters, chosen, blocking,
                drainTimeout != null ? drainTimeout : settings.maxRequestTime());
        if (backendClients != null) {
            backendClients.attach(server);
        }
        return server;
    }

    private static List<Channel> bind(UdpListeners transport, InetSocketAddress address,
            java.util.function.Supplier<UdpRequestHandler> handlers) throws IOException {
        try {
            return transport.bind(address, handlers);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while binding " + address, e);
        } catch (Exception e) {
            // Netty rethrows the socket's checked exception (Address already in use) undeclared.
            throw new IOException("cannot listen on " + address.getAddress().getHostAddress() + " port "
                    + address.getPort() + ": " + e.getMessage(), e);
        }
    }

    private static List<InetSocketAddress[]> defaultListeners() {
        // "::" receives IPv4 too (as mapped addresses) on a dual-stack host.
        InetAddress any = new InetSocketAddress(0).getAddress();
        return List.<InetSocketAddress[]>of(new InetSocketAddress[] {
            new InetSocketAddress(any, 1812), new InetSocketAddress(any, 1813)
        });
    }
}
