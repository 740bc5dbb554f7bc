package org.pirog.radius.backend.memory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.backend.memory.pool.AddressRange;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.core.backend.BackendContext;
import org.pirog.radius.core.config.ConfigError;
import org.pirog.radius.core.config.ConfigItem;
import org.pirog.radius.core.config.ConfigSection;
import org.pirog.radius.core.policy.Expansion;
import org.pirog.radius.core.policy.PolicyException;

/**
 * The {@code backend memory { … }} section of the main configuration:
 * <pre>
 * backend memory {
 *     users = ${confdir}/users          # the FreeRADIUS users file; "" for none; default: users
 *     detail = ${confdir}/radacct/%{Packet-Src-IP-Address}/detail-%Y%m%d   # optional detail file
 *     lease_timeout = 60                # seconds an address leased at Access-Accept waits for accounting
 *     pool main {
 *         range = 10.0.0.10-10.0.0.200  # inclusive; as many range lines as needed
 *         range = 10.0.1.1-10.0.1.254
 *     }
 * }
 * </pre>
 * Relative paths are relative to the configuration directory.
 *
 * @param users        the users file, or null for none
 * @param usersItem    where {@code users} was set, or null for the default
 * @param detail       the detail file name template, or null for none
 * @param leaseTimeout how long an offered address waits for its session's accounting
 * @param pools        the pools, in order
 */
record MemorySettings(@Nullable Path users, @Nullable ConfigItem usersItem, @Nullable Expansion detail,
        Duration leaseTimeout, List<PoolSettings> pools) {

    static final Duration DEFAULT_LEASE_TIMEOUT = Duration.ofSeconds(60);

    /** One {@code pool NAME { range = … }} section. */
    record PoolSettings(String name, List<AddressRange> ranges) {
    }

    /** Reads the section; problems go to {@code errors}, each with its file and line. */
    static MemorySettings read(BackendContext context, List<ConfigError> errors) {
        ConfigSection section = context.settings();
        Path users = context.resolve("users");
        ConfigItem usersItem = null;
        Expansion detail = null;
        Duration leaseTimeout = DEFAULT_LEASE_TIMEOUT;
        for (ConfigItem item : section.items()) {
            switch (item.name()) {
                case "users" -> {
                    usersItem = item;
                    users = item.value().isEmpty() ? null : context.resolve(item.value());
                }
                case "detail" -> detail = detail(item, context.dictionary(), errors);
                case "lease_timeout" -> leaseTimeout = seconds(item, errors);
                default -> errors.add(item.error("unknown setting; the memory backend knows users, detail,"
                        + " lease_timeout and pool sections"));
            }
        }
        List<PoolSettings> pools = new ArrayList<>();
        Map<String, ConfigSection> seen = new HashMap<>();
        for (ConfigSection sub : section.sections()) {
            if (!sub.name().equals("pool")) {
                errors.add(sub.error("unknown section; the memory backend knows pool NAME { range = … }"));
                continue;
            }
            PoolSettings pool = pool(sub, errors);
            if (pool == null) {
                continue;
            }
            ConfigSection earlier = seen.putIfAbsent(pool.name(), sub);
            if (earlier != null) {
                errors.add(sub.error("pool " + pool.name() + " is defined twice (also at " + earlier.file() + "["
                        + earlier.line() + "])"));
                continue;
            }
            pools.add(pool);
        }
        overlaps(pools, seen, errors);
        return new MemorySettings(users, usersItem, detail, leaseTimeout, pools);
    }

    private static @Nullable Expansion detail(ConfigItem item, Dictionary dictionary, List<ConfigError> errors) {
        if (item.value().isEmpty()) {
            return null;
        }
        try {
            return Expansion.parse(item.value(), dictionary);
        } catch (PolicyException e) {
            errors.add(item.error(e.getMessage()));
            return null;
        }
    }

    private static Duration seconds(ConfigItem item, List<ConfigError> errors) {
        try {
            long seconds = Long.parseLong(item.value().strip());
            if (seconds >= 1) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(item.error("\"" + item.value() + "\" is no number of seconds (at least 1)"));
        return DEFAULT_LEASE_TIMEOUT;
    }

    private static @Nullable PoolSettings pool(ConfigSection section, List<ConfigError> errors) {
        String name = section.label();
        if (name == null || name.isEmpty()) {
            errors.add(section.error("a pool needs a name: pool NAME { range = first-last }"));
            return null;
        }
        List<AddressRange> ranges = new ArrayList<>();
        for (ConfigItem item : section.items()) {
            if (!item.name().equals("range")) {
                errors.add(item.error("unknown setting; a pool knows range = first-last"));
                continue;
            }
            try {
                ranges.add(AddressRange.parse(item.value()));
            } catch (IllegalArgumentException e) {
                errors.add(item.error(e.getMessage()));
            }
        }
        for (ConfigSection sub : section.sections()) {
            errors.add(sub.error("unknown section inside pool " + name));
        }
        if (ranges.isEmpty()) {
            errors.add(section.error("pool " + name + " has no range = first-last"));
            return null;
        }
        return new PoolSettings(name, ranges);
    }

    /** An address in two pools, or twice in one, could be leased twice. */
    private static void overlaps(List<PoolSettings> pools, Map<String, ConfigSection> where,
            List<ConfigError> errors) {
        for (int p = 0; p < pools.size(); p++) {
            for (int q = p; q < pools.size(); q++) {
                List<AddressRange> a = pools.get(p).ranges();
                List<AddressRange> b = pools.get(q).ranges();
                for (int i = 0; i < a.size(); i++) {
                    for (int j = p == q ? i + 1 : 0; j < b.size(); j++) {
                        if (a.get(i).overlaps(b.get(j))) {
                            errors.add(where.get(pools.get(q).name()).error("range " + b.get(j) + " of pool "
                                    + pools.get(q).name() + " overlaps " + a.get(i) + " of pool "
                                    + pools.get(p).name()));
                        }
                    }
                }
            }
        }
    }
}
