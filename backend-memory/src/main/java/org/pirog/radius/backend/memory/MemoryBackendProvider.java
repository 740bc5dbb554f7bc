package org.pirog.radius.backend.memory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pirog.radius.backend.memory.detail.DetailWriter;
import org.pirog.radius.backend.memory.pool.AddressPool;
import org.pirog.radius.backend.memory.pool.AddressPools;
import org.pirog.radius.backend.memory.pool.AddressRange;
import org.pirog.radius.backend.memory.users.UsersEntry;
import org.pirog.radius.backend.memory.users.UsersFile;
import org.pirog.radius.backend.memory.users.UsersFileReader;
import org.pirog.radius.core.backend.BackendContext;
import org.pirog.radius.core.backend.BackendProvider;
import org.pirog.radius.core.config.ConfigError;
import org.pirog.radius.core.config.ConfigException;
import org.pirog.radius.core.policy.CheckItem;
import org.pirog.radius.core.policy.Expansion;
import org.pirog.radius.core.policy.PolicyItem;
import org.pirog.radius.core.policy.ReplyItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the {@code memory} backend from {@code backend memory { … }} (see {@link MemorySettings}). */
public final class MemoryBackendProvider implements BackendProvider {
    private static final Logger LOG = LoggerFactory.getLogger(MemoryBackendProvider.class);
    private static final int FRAMED_IP_ADDRESS = 8;
    private static final int POOL_NAME = 1073;

    private final Clock clock;

    /** The provider {@link java.util.ServiceLoader} makes: the system clock and time zone. */
    public MemoryBackendProvider() {
        this(Clock.systemDefaultZone());
    }

    public MemoryBackendProvider(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public MemoryBackend create(BackendContext context) throws ConfigException {
        List<ConfigError> errors = new ArrayList<>();
        MemorySettings settings = MemorySettings.read(context, errors);
        UsersFile users = new UsersFile(List.of());
        Path usersPath = settings.users();
        if (usersPath != null) {
            if (!Files.isRegularFile(usersPath)) {
                errors.add(settings.usersItem() != null
                        ? settings.usersItem().error("no such file " + usersPath + " (users = \"\" for none)")
                        : new ConfigError(usersPath.toString(), 0,
                                "no such file: the memory backend reads users from it unless users = \"\""));
            } else {
                try {
                    users = UsersFileReader.read(usersPath, context.dictionary());
                } catch (ConfigException e) {
                    errors.addAll(e.errors());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        Set<Long> fixed = fixedAddresses(users);
        List<AddressPool> pools = new ArrayList<>();
        for (MemorySettings.PoolSettings pool : settings.pools()) {
            pools.add(new AddressPool(pool.name(), pool.ranges(), fixed, settings.leaseTimeout(), clock));
        }
        warnAboutUnknownPools(users, settings);
        DetailWriter detail = settings.detail() == null ? null
                : new DetailWriter(settings.detail(), context.configDirectory(), clock.getZone());
        return new MemoryBackend(users, new AddressPools(pools), detail, clock);
    }

    /** Framed-IP-Address values of reply items: fixed addresses, which no pool may lease. */
    private static Set<Long> fixedAddresses(UsersFile users) {
        Set<Long> fixed = new HashSet<>();
        for (UsersEntry entry : users.entries()) {
            for (ReplyItem reply : entry.rule().reply()) {
                PolicyItem item = reply.item();
                if (item.attribute().vendorId() == 0 && item.attribute().number() == FRAMED_IP_ADDRESS
                        && item.attribute().parent() == null && item.value().indexOf('%') < 0) {
                    try {
                        fixed.add(AddressRange.parse(item.value()).first());
                    } catch (IllegalArgumentException e) {
                        // The value was checked when the file was read; nothing else to skip.
                    }
                }
            }
        }
        return fixed;
    }

    private static void warnAboutUnknownPools(UsersFile users, MemorySettings settings) {
        Set<String> known = new HashSet<>();
        for (MemorySettings.PoolSettings pool : settings.pools()) {
            known.add(pool.name());
        }
        for (UsersEntry entry : users.entries()) {
            for (CheckItem check : entry.rule().check()) {
                PolicyItem item = check.item();
                if (item.attribute().vendorId() == 0 && item.attribute().number() == POOL_NAME
                        && item.value().indexOf('%') < 0 && !known.contains(Expansion.unescape(item.value()))) {
                    LOG.warn("{}[{}]: Pool-Name {} of {} names no pool of the memory backend", entry.file(),
                            entry.line(), Expansion.unescape(item.value()), entry.name());
                }
            }
        }
    }
}
