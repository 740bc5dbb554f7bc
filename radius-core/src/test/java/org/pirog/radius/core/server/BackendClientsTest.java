package org.pirog.radius.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.core.accounting.AccountingRecord;
import org.pirog.radius.core.backend.AccessRequest;
import org.pirog.radius.core.backend.Authorization;
import org.pirog.radius.core.backend.Backend;
import org.pirog.radius.core.backend.BackendException;
import org.pirog.radius.core.backend.ClientSource;
import org.pirog.radius.core.backend.Lease;
import org.pirog.radius.core.backend.LeaseRequest;
import org.pirog.radius.core.backend.Threading;
import org.pirog.radius.core.nas.BlastRadiusMode;
import org.pirog.radius.core.nas.Nas;
import org.pirog.radius.core.nas.NasNetwork;

/** A backend's clients: merged after the configured ones (first definition wins), swapped on each change. */
class BackendClientsTest {

    @Test
    void theFirstDefinitionOfANetworkWins() throws Exception {
        Nas conf = nas("conf", "192.0.2.1", 32);
        Nas sameHost = nas("row", "192.0.2.1", 32);
        Nas network = nas("net", "192.0.2.0", 24);
        Nas twice = nas("twice", "192.0.2.0", 24);
        assertThat(BackendClients.merge(List.of(conf), List.of(sameHost, network, twice)).clients())
                .containsExactly(conf, network);
    }

    @Test
    void aRunningServerTakesTheBackendsClientsAndFollowsTheirChanges() throws Exception {
        FakeSource source = new FakeSource();
        source.clients = List.of(nas("row", "192.0.2.9", 32));
        Backend backend = new WithClients(new FixtureBackend(Threading.INLINE), source);
        try (RadiusServer server = RadiusServer.builder()
                .client(nas("conf", "192.0.2.1", 32))
                .backend(backend)
                .listen(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))
                .start()) {
            assertThat(server.clients().clients()).extracting(Nas::name).containsExactly("conf", "row");
            assertThat(source.requireMa).isEqualTo(BlastRadiusMode.AUTO);

            source.clients = List.of(nas("other", "198.51.100.0", 24));
            source.fire();
            assertThat(server.clients().clients()).extracting(Nas::name).containsExactly("conf", "other");

            source.failing = true;
            source.fire();
            assertThat(server.clients().clients()).as("kept on failure").extracting(Nas::name)
                    .containsExactly("conf", "other");
        }
    }

    private static Nas nas(String name, String address, int prefix) throws Exception {
        return Nas.of(name, new NasNetwork(InetAddress.getByName(address), prefix), SharedSecret.of("s"));
    }

    private static final class FakeSource implements ClientSource {
        final List<Runnable> listeners = new ArrayList<>();
        volatile List<Nas> clients = List.of();
        volatile boolean failing;
        volatile @Nullable BlastRadiusMode requireMa;

        @Override
        public List<Nas> clients(BlastRadiusMode requireMessageAuthenticator, BlastRadiusMode limitProxyState)
                throws BackendException {
            requireMa = requireMessageAuthenticator;
            if (failing) {
                throw new BackendException("database down");
            }
            return clients;
        }

        @Override
        public void onChange(Runnable listener) {
            listeners.add(listener);
        }

        void fire() {
            for (Runnable listener : listeners) {
                listener.run();
            }
        }
    }

    /** A backend that defines clients. */
    private record WithClients(Backend delegate, ClientSource source) implements Backend {
        @Override
        public Threading threading() {
            return delegate.threading();
        }

        @Override
        public @Nullable Authorization authorize(AccessRequest request) throws BackendException {
            return delegate.authorize(request);
        }

        @Override
        public CompletionStage<Void> account(AccountingRecord record) {
            return delegate.account(record);
        }

        @Override
        public @Nullable Lease allocate(LeaseRequest request) throws BackendException {
            return delegate.allocate(request);
        }

        @Override
        public void release(Lease lease) throws BackendException {
            delegate.release(lease);
        }

        @Override
        public int openSessions(String userName) throws BackendException {
            return delegate.openSessions(userName);
        }

        @Override
        public ClientSource clients() {
            return source;
        }
    }
}
