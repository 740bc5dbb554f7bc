package org.pirog.radius.core.nas;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.core.config.ConfigError;
import org.pirog.radius.core.config.ConfigException;
import org.pirog.radius.core.config.ConfigItem;
import org.pirog.radius.core.config.ConfigParser;
import org.pirog.radius.core.config.ConfigSection;

/**
 * Reads the {@code client NAME { … }} sections of a FreeRADIUS {@code clients.conf}: {@code ipaddr} /
 * {@code ipv4addr} / {@code ipv6addr} (an address, a network in CIDR form, or a host name), the old
 * {@code netmask}, {@code secret}, {@code shortname}, {@code nas_type}, {@code require_message_authenticator} and
 * {@code limit_proxy_state}. A client without an address takes it from its name, as FreeRADIUS 2 files do.
 */
public final class ClientsConf {
    private final BlastRadiusMode defaultRequireMessageAuthenticator;
    private final BlastRadiusMode defaultLimitProxyState;
    private final List<ConfigError> errors = new ArrayList<>();

    private ClientsConf(BlastRadiusMode requireMessageAuthenticator, BlastRadiusMode limitProxyState) {
        this.defaultRequireMessageAuthenticator = requireMessageAuthenticator;
        this.defaultLimitProxyState = limitProxyState;
    }

    /** Reads the clients of {@code file}; the BlastRADIUS defaults apply where a client sets nothing. */
    public static List<Nas> read(Path file, BlastRadiusMode requireMessageAuthenticator, BlastRadiusMode limitProxyState)
            throws ConfigException {
        return from(ConfigParser.parse(file), requireMessageAuthenticator, limitProxyState);
    }

    /** The clients of a parsed file (or of the {@code client} sections of any section). */
    public static List<Nas> from(ConfigSection root, BlastRadiusMode requireMessageAuthenticator,
            BlastRadiusMode limitProxyState) throws ConfigException {
        ClientsConf reader = new ClientsConf(requireMessageAuthenticator, limitProxyState);
        List<Nas> clients = new ArrayList<>();
        for (ConfigSection section : root.sections("client")) {
            Nas nas = reader.client(section);
            if (nas != null) {
                clients.add(nas);
            }
        }
        if (!reader.errors.isEmpty()) {
            throw new ConfigException(reader.errors);
        }
        return clients;
    }

    private @Nullable Nas client(ConfigSection section) {
        String name = section.label();
        if (name == null) {
            errors.add(section.error("a client needs a name: client NAME { … }"));
            return null;
        }
        NasNetwork network = network(section, name);
        ConfigItem secret = section.item("secret");
        if (secret == null || secret.value().isEmpty()) {
            errors.add(section.error("no secret: every client needs \"secret = …\""));
        }
        BlastRadiusMode requireMa = BlastRadiusMode.read(section, "require_message_authenticator",
                defaultRequireMessageAuthenticator, errors);
        BlastRadiusMode limitProxyState = BlastRadiusMode.read(section, "limit_proxy_state", defaultLimitProxyState,
                errors);
        if (network == null || secret == null || secret.value().isEmpty()) {
            return null;
        }
        return new Nas(name, network, SharedSecret.of(secret.value()), section.value("shortname", name),
                section.value("nas_type", "other"), requireMa, limitProxyState);
    }

    private @Nullable NasNetwork network(ConfigSection section, String name) {
        ConfigItem item = section.item("ipaddr");
        if (item == null) {
            item = section.item("ipv4addr");
        }
        if (item == null) {
            item = section.item("ipv6addr");
        }
        String text = item == null ? name : item.value();
        ConfigError where = item == null ? section.error("") : item.error("");
        int slash = text.indexOf('/');
        String host = slash < 0 ? text : text.substring(0, slash);
        InetAddress address = address(host);
        if (address == null) {
            errors.add(new ConfigError(where.file(), where.line(), "client " + name + ": \"" + host
                    + "\" is not an IP address or a host name that resolves"));
            return null;
        }
        int bits = address.getAddress().length * 8;
        int prefix = slash < 0 ? prefixFromNetmask(section, bits) : parsePrefix(text.substring(slash + 1));
        if (prefix < 0 || prefix > bits) {
            errors.add(new ConfigError(where.file(), where.line(), "client " + name + ": bad prefix length in \""
                    + text + "\": expected 0 to " + bits));
            return null;
        }
        return new NasNetwork(address, prefix);
    }

    private int prefixFromNetmask(ConfigSection section, int bits) {
        ConfigItem netmask = section.item("netmask");
        return netmask == null ? bits : parsePrefix(netmask.value());
    }

    private static int parsePrefix(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static @Nullable InetAddress address(String host) {
        if (host.isEmpty() || host.equals("*")) {
            return null;
        }
        try {
            // Literals never touch DNS; a host name is resolved once, at start, as FreeRADIUS does.
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
