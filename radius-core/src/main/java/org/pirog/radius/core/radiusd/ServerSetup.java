package org.pirog.radius.core.radiusd;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.dictionary.DictionaryError;
import org.pirog.radius.codec.dictionary.DictionaryException;
import org.pirog.radius.core.backend.Backend;
import org.pirog.radius.core.backend.BackendCheck;
import org.pirog.radius.core.backend.BackendContext;
import org.pirog.radius.core.backend.BackendProvider;
import org.pirog.radius.core.config.ConfigError;
import org.pirog.radius.core.config.ConfigException;
import org.pirog.radius.core.nas.ClientsConf;
import org.pirog.radius.core.nas.Nas;
import org.pirog.radius.core.server.RadiusServer;
import org.pirog.radius.core.server.RadiusServerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything {@code radiusd} reads before it listens: the main configuration, the dictionary, the clients and
 * the backend (which reads its own files). Every error of every file is collected, so that {@code -C} reports
 * them all at once.
 */
final class ServerSetup {
    private static final Logger log = LoggerFactory.getLogger(ServerSetup.class);

    private final MainConfig config;
    private final Dictionary dictionary;
    private final List<Nas> clients;
    private final Backend backend;
    private final Path configDirectory;

    private ServerSetup(MainConfig config, Dictionary dictionary, List<Nas> clients, Backend backend,
            Path configDirectory) {
        this.config = config;
        this.dictionary = dictionary;
        this.clients = clients;
        this.backend = backend;
        this.configDirectory = configDirectory;
    }

    static ServerSetup load(RadiusdOptions options) throws ConfigException {
        ConfigFiles files = ConfigFiles.read(options);
        Backend backend = files.fromProvider(BackendProvider::create);
        files.requireClients(backend != null && backend.clients() != null);
        if (!files.errors.isEmpty()) {
            closeQuietly(backend);
            throw new ConfigException(files.errors);
        }
        return new ServerSetup(files.config, files.dictionary, files.clients, backend, files.dir);
    }

    /**
     * {@code radiusd -C}: reads and checks everything {@link #load} does, asking the backend to check its
     * configuration without starting it (so that checking never changes a database).
     *
     * @return the backend's notes for the operator
     */
    static List<String> check(RadiusdOptions options) throws ConfigException {
        ConfigFiles files = ConfigFiles.read(options);
        BackendCheck check = files.fromProvider(BackendProvider::check);
        files.requireClients(check != null && check.definesClients());
        if (!files.errors.isEmpty()) {
            throw new ConfigException(files.errors);
        }
        return check == null ? List.of() : check.notes();
    }

    /** {@link BackendProvider#create} or {@link BackendProvider#check}. */
    @FunctionalInterface
    private interface ProviderStep<T> {
        T apply(BackendProvider provider, BackendContext context) throws ConfigException;
    }

    /** The main configuration, dictionary and clients.conf, read; every error collected. */
    private static final class ConfigFiles {
        final Path dir;
        final MainConfig config;
        final List<ConfigError> errors = new ArrayList<>();
        final @Nullable Dictionary dictionary;
        final List<Nas> clients;
        final boolean clientsRead;

        private ConfigFiles(RadiusdOptions options) throws ConfigException {
            // Absolute, so that ${confdir} and the paths made from it do not depend on where they are resolved.
            dir = options.configDirectory().toAbsolutePath().normalize();
            if (!Files.isDirectory(dir)) {
                throw new ConfigException(dir.toString(), 0, "no such configuration directory (give one with -d)");
            }
            config = MainConfig.load(dir);
            dictionary = dictionary(config, dir, errors);
            int errorsBeforeClients = errors.size();
            clients = clients(config, errors);
            clientsRead = errors.size() == errorsBeforeClients;
        }

        static ConfigFiles read(RadiusdOptions options) throws ConfigException {
            return new ConfigFiles(options);
        }

        /**
         * What {@code step} makes of the configured backend's provider; null when there is no such provider or no
         * dictionary, or when the backend's configuration has errors (added to {@link #errors}).
         */
        <T> @Nullable T fromProvider(ProviderStep<T> step) {
            BackendProvider provider = provider(config, errors);
            if (provider == null || dictionary == null) {
                return null;
            }
            try {
                return step.apply(provider, new BackendContext(dictionary, dir, config.backendSettings()));
            } catch (ConfigException e) {
                errors.addAll(e.errors());
                return null;
            }
        }

        /** An empty clients.conf is an error only when the backend defines no clients either. */
        void requireClients(boolean backendDefinesClients) {
            if (clientsRead && clients.isEmpty() && !backendDefinesClients) {
                errors.add(new ConfigError(config.clientsFile().toString(), 0, "defines no client"));
            }
        }
    }

    MainConfig config() {
        return config;
    }

    RadiusServerBuilder builder(List<InetSocketAddress[]> listeners) {
        RadiusServerBuilder builder = RadiusServer.builder()
                .dictionary(dictionary)
                .clients(clients)
                .backend(backend)
                .settings(config.settings());
        for (InetSocketAddress[] pair : listeners) {
            builder.listen(pair[0], pair[1]);
        }
        return builder;
    }

    void logReady(RadiusServer server) {
        log.info("Pirog {} with {} clients, backend {}, {} transport, configuration {}", Version.current(),
                server.clients().size(), config.backendName(), server.isEpoll() ? "epoll" : "NIO", configDirectory);
        for (InetSocketAddress address : server.authAddresses()) {
            log.info("Listening on auth address {} port {}", address.getAddress().getHostAddress(), address.getPort());
        }
        for (InetSocketAddress address : server.acctAddresses()) {
            log.info("Listening on acct address {} port {}", address.getAddress().getHostAddress(), address.getPort());
        }
        log.info("Ready to process requests");
    }

    void closeBackend() {
        closeQuietly(backend);
    }

    private static @Nullable Dictionary dictionary(MainConfig config, Path dir, List<ConfigError> errors) {
        if (config.dictionary().equals("pirog")) {
            return Dictionary.pirog();
        }
        try {
            return Dictionary.load(dir.resolve(config.dictionary()));
        } catch (DictionaryException e) {
            for (DictionaryError error : e.errors()) {
                errors.add(new ConfigError(error.file(), error.line(), error.message()));
            }
            return null;
        }
    }

    private static List<Nas> clients(MainConfig config, List<ConfigError> errors) {
        if (!Files.exists(config.clientsFile())) {
            errors.add(new ConfigError(config.clientsFile().toString(), 0,
                    "no such file: Pirog needs a clients.conf with at least one client"));
            return List.of();
        }
        try {
            // Empty is an error only when the backend defines no clients either (checked with the backend).
            return ClientsConf.read(config.clientsFile(), config.settings().requireMessageAuthenticator(),
                    config.settings().limitProxyState());
        } catch (ConfigException e) {
            errors.addAll(e.errors());
            return List.of();
        }
    }

    /** The provider the configuration names, found in lib/; else an error and null. */
    private static @Nullable BackendProvider provider(MainConfig config, List<ConfigError> errors) {
        List<String> known = new ArrayList<>();
        for (BackendProvider provider : ServiceLoader.load(BackendProvider.class)) {
            if (provider.name().equals(config.backendName())) {
                return provider;
            }
            known.add(provider.name());
        }
        errors.add(config.backendSettings().error("no backend named \"" + config.backendName() + "\" in lib/ (found: "
                + (known.isEmpty() ? "none" : String.join(", ", known)) + ")"));
        return null;
    }

    private static void closeQuietly(@Nullable Backend backend) {
        if (backend == null) {
            return;
        }
        try {
            backend.close();
        } catch (Exception e) {
            log.warn("Backend did not close cleanly: {}", e.toString());
        }
    }
}
