package org.pirog.radius.core.radiusd;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.pirog.radius.core.config.ConfigError;
import org.pirog.radius.core.config.ConfigException;
import org.pirog.radius.core.config.ConfigItem;
import org.pirog.radius.core.config.ConfigParser;
import org.pirog.radius.core.config.ConfigSection;
import org.pirog.radius.core.nas.BlastRadiusMode;
import org.pirog.radius.core.server.ServerSettings;

/**
 * Pirog's main configuration file, {@code pirog.conf} in the configuration directory. It is optional: without it
 * the defaults apply (the memory backend, Pirog's own dictionaries, {@code clients.conf} and {@code users} beside
 * it, ports 1812/1813 on every address). See {@code conf/pirog.conf} in the distribution for every item.
 *
 * @param dictionary      {@code pirog} or the root file of a FreeRADIUS dictionary tree
 * @param clientsFile     the clients.conf to read
 * @param listeners       authentication and accounting address pairs
 * @param settings        request handling settings
 * @param backendName     the backend's name ({@code backend NAME { … }})
 * @param backendSettings that section, or an empty one
 */
record MainConfig(
        String dictionary,
        Path clientsFile,
        List<InetSocketAddress[]> listeners,
        ServerSettings settings,
        String backendName,
        ConfigSection backendSettings) {

    static final String FILE_NAME = "pirog.conf";

    static MainConfig load(Path configDirectory) throws ConfigException {
        Path file = configDirectory.resolve(FILE_NAME);
        ConfigSection root = Files.exists(file) ? ConfigParser.parse(file, configDirectory)
                : ConfigSection.empty(FILE_NAME);
        return new Reader(root, configDirectory).read();
    }

    /** Reads the items, collecting every error. */
    private static final class Reader {
        private final ConfigSection root;
        private final Path configDirectory;
        private final List<ConfigError> errors = new ArrayList<>();

        Reader(ConfigSection root, Path configDirectory) {
            this.root = root;
            this.configDirectory = configDirectory;
        }

        MainConfig read() throws ConfigException {
            String dictionary = root.value("dictionary", "pirog");
            Path clients = configDirectory.resolve(root.value("clients", "clients.conf"));
            List<InetSocketAddress[]> listeners = listeners();
            ServerSettings settings = settings();
            List<ConfigSection> backends = root.sections("backend");
            if (backends.size() > 1) {
                errors.add(backends.get(1).error("only one backend section is allowed"));
            }
            ConfigSection backend = backends.isEmpty() ? ConfigSection.empty("backend") : backends.get(0);
            String backendName = backend.label() == null ? "memory" : backend.label();
            if (!errors.isEmpty()) {
                throw new ConfigException(errors);
            }
            return new MainConfig(dictionary, clients, listeners, settings, backendName, backend);
        }

        private ServerSettings settings() {
            ConfigSection security = root.section("security");
            if (security == null) {
                security = ConfigSection.empty("security");
            }
            ServerSettings d = ServerSettings.DEFAULTS;
            return new ServerSettings(
                    BlastRadiusMode.read(security, "require_message_authenticator", d.requireMessageAuthenticator(),
                            errors),
                    BlastRadiusMode.read(security, "limit_proxy_state", d.limitProxyState(), errors),
                    seconds(security, "reject_delay", d.rejectDelay(), 0, 10),
                    seconds(root, "max_request_time", d.maxRequestTime(), 1, 120),
                    seconds(root, "cleanup_delay", d.cleanupDelay(), 0, 30),
                    (int) number(root, "max_requests", d.maxRequests(), 1, 10_000_000),
                    (int) number(security, "max_attributes", d.maxAttributes(), 1, 4096),
                    (int) number(root, "threads", d.threads(), 0, 1024),
                    yesNo(logSection(), "auth", d.logAuth()));
        }

        private ConfigSection logSection() {
            ConfigSection log = root.section("log");
            return log == null ? ConfigSection.empty("log") : log;
        }

        private boolean yesNo(ConfigSection section, String name, boolean fallback) {
            ConfigItem item = section.item(name);
            if (item == null) {
                return fallback;
            }
            BlastRadiusMode mode = BlastRadiusMode.parse(item.value());
            if (mode == null || mode == BlastRadiusMode.AUTO) {
                errors.add(item.error("expected yes or no, found \"" + item.value() + "\""));
                return fallback;
            }
            return mode == BlastRadiusMode.YES;
        }

        private List<InetSocketAddress[]> listeners() {
            List<InetSocketAddress[]> listeners = new ArrayList<>();
            for (ConfigSection listen : root.sections("listen")) {
                InetAddress address = address(listen);
                int auth = (int) number(listen, "auth_port", 1812, 0, 65535);
                int acct = (int) number(listen, "acct_port", auth == 0 ? 0 : auth + 1, 0, 65535);
                if (address != null) {
                    listeners.add(new InetSocketAddress[] {
                        new InetSocketAddress(address, auth), new InetSocketAddress(address, acct)
                    });
                }
            }
            return listeners;
        }

        private InetAddress address(ConfigSection listen) {
            ConfigItem item = listen.item("ipaddr");
            if (item == null) {
                item = listen.item("ipv4addr");
            }
            if (item == null) {
                item = listen.item("ipv6addr");
            }
            if (item == null || item.value().equals("*")) {
                return new InetSocketAddress(0).getAddress();
            }
            try {
                return InetAddress.getByName(item.value());
            } catch (UnknownHostException e) {
                errors.add(item.error("\"" + item.value() + "\" is not an IP address"));
                return null;
            }
        }

        private Duration seconds(ConfigSection section, String name, Duration fallback, long min, long max) {
            return Duration.ofSeconds(number(section, name, fallback.toSeconds(), min, max));
        }

        private long number(ConfigSection section, String name, long fallback, long min, long max) {
            ConfigItem item = section.item(name);
            if (item == null) {
                return fallback;
            }
            try {
                long value = Long.parseLong(item.value());
                if (value < min || value > max) {
                    errors.add(item.error("expected a number from " + min + " to " + max + ", found " + value));
                    return fallback;
                }
                return value;
            } catch (NumberFormatException e) {
                errors.add(item.error("expected a number, found \"" + item.value() + "\""));
                return fallback;
            }
        }
    }
}
