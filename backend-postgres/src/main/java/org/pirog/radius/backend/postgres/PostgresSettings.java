package org.pirog.radius.backend.postgres;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.core.config.ConfigError;
import org.pirog.radius.core.config.ConfigItem;
import org.pirog.radius.core.config.ConfigSection;

/**
 * The {@code backend postgres { … }} section of the main configuration:
 * <pre>
 * backend postgres {
 *     url = jdbc:postgresql://127.0.0.1:5432/radius   # required, here or in PIROG_DB_URL
 *     user = radius                                    # PIROG_DB_USER overrides it
 *     password = radpass                               # PIROG_DB_PASSWORD overrides it
 *     schema = public                                  # where the rlm_sql tables are; default public
 *     pool_size = 16                                   # connections; default 16
 *     lease_time = 3600                                # seconds a radippool lease lasts; default 3600
 *     pool_key = %{NAS-Port}                           # what makes a lease sticky (sqlippool's pool_key)
 *     interim_interval = 600                           # seconds between Interim-Updates of sessions that have
 *                                                      # sent none yet; default 600
 *     stale_after = 3                                  # open sessions without an update for this many interim
 *                                                      # intervals are closed as Lost-Carrier; 0 never; default 3
 *     accounting_queue = 10000                         # records waiting for their commit before new ones are
 *                                                      # refused (no response; the NAS retransmits); default 10000
 *     accounting_writers = 2                           # transactions writing radacct at once, each with one
 *                                                      # connection; at most half of pool_size; default 2
 *     cache_users = 1000000                            # users whose authorize rows are kept in memory; 0 reads
 *                                                      # them from the database for every request; default 1000000
 * }
 * </pre>
 * The environment variables win over the file, so that a password need not be written into it.
 *
 * @param url       the JDBC URL
 * @param user      the database user, or null to take the URL's
 * @param password  the password, or null to take the URL's
 * @param schema    the schema of the rlm_sql tables (and of Flyway's history)
 * @param poolSize  the number of pooled connections
 * @param leaseTime how long an address allocated at Access-Accept stays leased without accounting
 * @param poolKey         the template of radippool's pool_key: the same NAS and key get the same address again
 * @param interimInterval the interim interval assumed for open sessions that have sent no Interim-Update
 * @param staleAfter      intervals without an update after which an open session is closed (0: never)
 * @param accountingQueue accounting records that may wait for their commit
 * @param accountingWriters threads writing accounting, each holding one connection during its transaction
 * @param cacheUsers      the most users whose authorize rows are cached (0: none)
 */
public record PostgresSettings(String url, @Nullable String user, @Nullable String password, String schema,
        int poolSize, Duration leaseTime, String poolKey, Duration interimInterval, int staleAfter,
        int accountingQueue, int accountingWriters, long cacheUsers) {

    public static final String URL_VARIABLE = "PIROG_DB_URL";
    public static final String USER_VARIABLE = "PIROG_DB_USER";
    public static final String PASSWORD_VARIABLE = "PIROG_DB_PASSWORD";
    static final int DEFAULT_POOL_SIZE = 16;
    static final Duration DEFAULT_LEASE_TIME = Duration.ofHours(1);
    /** sqlippool's default pool_key. */
    static final String DEFAULT_POOL_KEY = org.pirog.radius.backend.postgres.pool.SqlIpPool.DEFAULT_POOL_KEY;
    static final Duration DEFAULT_INTERIM_INTERVAL = Duration.ofMinutes(10);
    static final int DEFAULT_STALE_AFTER = 3;
    static final int DEFAULT_ACCOUNTING_QUEUE = 10_000;
    /**
     * Measured (benchmarks/README.md): more writers make smaller batches, and on a database server with few cores
     * more statements and commits for the same records; 2 was the fastest there, 4 a third slower.
     */
    static final int DEFAULT_ACCOUNTING_WRITERS = 2;
    /** About 1 KB each for a user with a password and a few reply rows: a gigabyte at most. */
    static final long DEFAULT_CACHE_USERS = 1_000_000;
    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** Reads the section, then the environment's overrides; every problem goes to {@code errors}. */
    public static PostgresSettings read(ConfigSection section, Map<String, String> environment,
            List<ConfigError> errors) {
        String url = null;
        String user = null;
        String password = null;
        String schema = "public";
        int poolSize = DEFAULT_POOL_SIZE;
        Duration leaseTime = DEFAULT_LEASE_TIME;
        String poolKey = DEFAULT_POOL_KEY;
        Duration interimInterval = DEFAULT_INTERIM_INTERVAL;
        int staleAfter = DEFAULT_STALE_AFTER;
        int accountingQueue = DEFAULT_ACCOUNTING_QUEUE;
        int accountingWriters = DEFAULT_ACCOUNTING_WRITERS;
        ConfigItem writersItem = null;
        long cacheUsers = DEFAULT_CACHE_USERS;
        for (ConfigItem item : section.items()) {
            switch (item.name()) {
                case "url" -> url = url(item.value(), item, errors);
                case "user" -> user = item.value();
                case "password" -> password = item.value();
                case "schema" -> {
                    if (SCHEMA.matcher(item.value()).matches()) {
                        schema = item.value();
                    } else {
                        errors.add(item.error("\"" + item.value() + "\" is no schema name (lower case letters,"
                                + " digits and _)"));
                    }
                }
                // The schema migration at start holds a lock connection while Flyway works on others: at least 4.
                case "pool_size" -> poolSize = (int) number(item, 4, 1000, DEFAULT_POOL_SIZE, errors);
                case "lease_time" -> leaseTime = Duration.ofSeconds(
                        number(item, 1, Integer.MAX_VALUE, DEFAULT_LEASE_TIME.toSeconds(), errors));
                case "pool_key" -> poolKey = item.value();
                case "interim_interval" -> interimInterval = Duration.ofSeconds(
                        number(item, 1, Integer.MAX_VALUE, DEFAULT_INTERIM_INTERVAL.toSeconds(), errors));
                case "stale_after" -> staleAfter = (int) number(item, 0, 1000, DEFAULT_STALE_AFTER, errors);
                case "accounting_queue" -> accountingQueue = (int) number(item, 1, 10_000_000,
                        DEFAULT_ACCOUNTING_QUEUE, errors);
                case "accounting_writers" -> {
                    accountingWriters = (int) number(item, 1, 500, DEFAULT_ACCOUNTING_WRITERS, errors);
                    writersItem = item;
                }
                case "cache_users" -> cacheUsers = number(item, 0, 100_000_000, DEFAULT_CACHE_USERS, errors);
                default -> errors.add(item.error("unknown setting; the postgres backend knows url, user, password,"
                        + " schema, pool_size, lease_time, pool_key, interim_interval, stale_after, accounting_queue,"
                        + " accounting_writers and cache_users"));
            }
        }
        if (accountingWriters > poolSize / 2) {
            String message = "accounting_writers = " + accountingWriters + " would take more than half of pool_size = "
                    + poolSize + " connections (authorize, pools and post-auth need the rest)";
            errors.add(writersItem != null ? writersItem.error(message) : section.error(message));
            accountingWriters = Math.max(1, poolSize / 2);
        }
        for (ConfigSection sub : section.sections()) {
            errors.add(sub.error("unknown section; the postgres backend has none"));
        }
        String urlVariable = environment.get(URL_VARIABLE);
        if (urlVariable != null && !urlVariable.isEmpty()) {
            url = url(urlVariable, null, errors);
        }
        String userVariable = environment.get(USER_VARIABLE);
        if (userVariable != null && !userVariable.isEmpty()) {
            user = userVariable;
        }
        String passwordVariable = environment.get(PASSWORD_VARIABLE);
        if (passwordVariable != null) {
            password = passwordVariable;
        }
        if (url == null) {
            errors.add(section.error("no database: set url = jdbc:postgresql://host:port/database here or "
                    + URL_VARIABLE + " in the environment"));
            url = "";
        }
        return new PostgresSettings(url, emptyToNull(user), password, schema, poolSize, leaseTime, poolKey,
                interimInterval, staleAfter, accountingQueue, accountingWriters, cacheUsers);
    }

    private static @Nullable String url(String value, @Nullable ConfigItem item, List<ConfigError> errors) {
        if (value.startsWith("jdbc:postgresql:")) {
            return value;
        }
        String message = "\"" + value + "\" is no PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)";
        errors.add(item != null ? item.error(message) : new ConfigError(URL_VARIABLE, 0, message));
        return null;
    }

    private static long number(ConfigItem item, long min, long max, long fallback, List<ConfigError> errors) {
        try {
            long value = Long.parseLong(item.value().strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(item.error("\"" + item.value() + "\" is no number from " + min + " to " + max));
        return fallback;
    }

    private static @Nullable String emptyToNull(@Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    @Override
    public String toString() {
        // Never the password.
        return "PostgresSettings[url=" + url + ", user=" + user + ", schema=" + schema + ", poolSize=" + poolSize
                + ", leaseTime=" + leaseTime + ", poolKey=" + poolKey + ", interimInterval=" + interimInterval + ", staleAfter=" + staleAfter
                + ", accountingQueue=" + accountingQueue + ", accountingWriters=" + accountingWriters
                + ", cacheUsers=" + cacheUsers + "]";
    }
}
