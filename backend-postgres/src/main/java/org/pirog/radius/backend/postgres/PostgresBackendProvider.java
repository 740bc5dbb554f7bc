package org.pirog.radius.backend.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.backend.postgres.accounting.RadacctWriter;
import org.pirog.radius.backend.postgres.accounting.StaleSessions;
import org.pirog.radius.backend.postgres.authorize.SqlAuthorize;
import org.pirog.radius.backend.postgres.authorize.TableChanges;
import org.pirog.radius.backend.postgres.nas.NasClients;
import org.pirog.radius.backend.postgres.pool.SqlIpPool;
import org.pirog.radius.backend.postgres.postauth.PostAuthWriter;
import org.pirog.radius.core.backend.BackendCheck;
import org.pirog.radius.core.backend.BackendContext;
import org.pirog.radius.core.backend.BackendProvider;
import org.pirog.radius.core.config.ConfigError;
import org.pirog.radius.core.config.ConfigException;
import org.pirog.radius.core.config.ConfigSection;
import org.pirog.radius.core.policy.PolicyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@code postgres} backend from {@code backend postgres { … }} (see {@link PostgresSettings}): one
 * HikariCP pool, the schema migrated or adopted ({@link SchemaMigration}), one shared jOOQ {@link DSLContext}.
 */
public final class PostgresBackendProvider implements BackendProvider {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresBackendProvider.class);
    /** Users whose rows are read into the authorize cache at start: all of a small ISP's, a bounded start-up. */
    static final int PRELOADED_USERS = 100_000;
    /** How long start-up waits for the preload (100,000 users take a few seconds). */
    private static final Duration PRELOAD_WAIT = Duration.ofSeconds(30);
    /** radpostauth rows that may wait for their batch; beyond, rows are dropped (a log, not accounting). */
    private static final int POST_AUTH_QUEUE = 10_000;
    /** Most accounting records in one transaction. */
    private static final int RADACCT_BATCH = 500;
    /** NASes retransmit after a few seconds; a stage still waiting then has no use. */
    private static final Duration RADACCT_TIMEOUT = Duration.ofSeconds(10);
    /**
     * jOOQ's free edition names only the newest PostgreSQL as supported and warns once, at the first statement, on
     * any older one. Pirog's statements are tested on PostgreSQL 15 (Debian 12's), so that warning would only
     * alarm an operator. jOOQ reads a logger's threshold from this property; an operator's own value wins.
     */
    private static final String JOOQ_VERSION_WARNING =
            "org.jooq.log.org.jooq.impl.DefaultExecuteContext.logVersionSupport";

    static {
        if (System.getProperty(JOOQ_VERSION_WARNING) == null) {
            System.setProperty(JOOQ_VERSION_WARNING, "ERROR");
        }
    }

    private final Map<String, String> environment;
    private final Clock clock;

    /** The provider {@link java.util.ServiceLoader} makes: the process's environment, the system clock. */
    public PostgresBackendProvider() {
        this(System.getenv(), Clock.systemDefaultZone());
    }

    public PostgresBackendProvider(Map<String, String> environment, Clock clock) {
        this.environment = Map.copyOf(environment);
        this.clock = clock;
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public PostgresBackend create(BackendContext context) throws ConfigException {
        ConfigSection section = context.settings();
        PostgresSettings settings = settings(section);
        HikariDataSource dataSource = dataSource(settings, section);
        try {
            SchemaMigration.migrate(dataSource, settings.schema());
        } catch (SchemaException e) {
            dataSource.close();
            throw new ConfigException(section.file(), section.line(), e.getMessage());
        }
        DSLContext dsl = DSL.using(dataSource, SQLDialect.POSTGRES,
                new Settings().withExecuteLogging(false).withRenderSchema(false));
        String autovacuum = autovacuumWarning(dsl);
        if (autovacuum != null) {
            LOG.warn(autovacuum);
        }
        // Group commit needs few connections: each writer thread holds one per transaction.
        int writers = settings.accountingWriters();
        SqlIpPool pool;
        try {
            pool = new SqlIpPool(settings.leaseTime(), SqlIpPool.poolKey(settings.poolKey(), context.dictionary()),
                    context.dictionary(), clock.getZone());
        } catch (PolicyException e) {
            dataSource.close();
            throw new ConfigException(section.file(), section.line(), "pool_key \"" + settings.poolKey() + "\": "
                    + e.getMessage());
        }
        RadacctWriter radacct = new RadacctWriter(dsl, settings.leaseTime(), writers,
                Math.max(1, settings.accountingQueue() / writers), RADACCT_BATCH, RADACCT_TIMEOUT);
        Duration stalePeriod = settings.staleAfter() == 0 ? Duration.ZERO
                : Duration.ofSeconds(Math.min(60, settings.interimInterval().toSeconds()));
        StaleSessions stale = new StaleSessions(dsl, settings.staleAfter(), settings.interimInterval(), stalePeriod);
        TableChanges changes = new TableChanges(settings.url(), settings.user(), settings.password(),
                settings.schema());
        SqlAuthorize authorize = new SqlAuthorize(context.dictionary(), dsl, settings.cacheUsers(),
                (int) Math.min(settings.cacheUsers(), PRELOADED_USERS));
        PostgresBackend backend = new PostgresBackend(dataSource, dsl, authorize, new NasClients(dsl), changes, pool,
                radacct, stale, new PostAuthWriter(dsl, POST_AUTH_QUEUE), clock);
        awaitPreload(authorize);
        return backend;
    }

    /**
     * radiusd opens its ports once the backend is made: waiting here for the authorize cache's preload means that
     * a server that has started answers its first requests from the cache, instead of reading every user while the
     * NASes' first requests (all of them retransmitted after a restart) queue behind the preload. Bounded, because
     * a very large preload goes on in the background.
     */
    private static void awaitPreload(SqlAuthorize authorize) {
        try {
            if (!authorize.awaitPreload(PRELOAD_WAIT)) {
                LOG.info("authorize cache: preload still running after {} s; answering meanwhile, reading users"
                        + " not yet cached", PRELOAD_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * {@code radiusd -C}: the settings, a connection with them, and what start-up would do to the schema, found
     * without changing it. The {@code nas} table is a source of clients even while it is empty.
     */
    @Override
    public BackendCheck check(BackendContext context) throws ConfigException {
        ConfigSection section = context.settings();
        PostgresSettings settings = settings(section);
        try (HikariDataSource dataSource = dataSource(settings, section)) {
            List<String> notes = new ArrayList<>();
            notes.add(SchemaMigration.check(dataSource, settings.schema()));
            String autovacuum = autovacuumWarning(DSL.using(dataSource, SQLDialect.POSTGRES));
            if (autovacuum != null) {
                notes.add(autovacuum);
            }
            return new BackendCheck(true, notes);
        } catch (SchemaException e) {
            throw new ConfigException(section.file(), section.line(), e.getMessage());
        }
    }

    /**
     * A warning when the server runs without autovacuum: radacct's rows change all day, and without VACUUM and
     * ANALYZE its open-session indexes bloat and the plans of accounting's statements go stale.
     */
    static @Nullable String autovacuumWarning(DSLContext dsl) {
        if ("on".equals(dsl.fetchValue("show autovacuum"))) {
            return null;
        }
        return "autovacuum is off on this PostgreSQL: radacct's indexes will bloat and accounting slow down as it"
                + " grows; turn autovacuum on, or run VACUUM ANALYZE radacct often";
    }

    private PostgresSettings settings(ConfigSection section) throws ConfigException {
        List<ConfigError> errors = new ArrayList<>();
        PostgresSettings settings = PostgresSettings.read(section, environment, errors);
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return settings;
    }

    private static HikariDataSource dataSource(PostgresSettings settings, ConfigSection section)
            throws ConfigException {
        HikariConfig config = new HikariConfig();
        config.setPoolName("pirog-postgres");
        config.setJdbcUrl(settings.url());
        if (settings.user() != null) {
            config.setUsername(settings.user());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        config.setSchema(settings.schema());
        config.setMaximumPoolSize(settings.poolSize());
        // A NAS retransmits within seconds: waiting 30 s (the default) for a connection helps nobody, and the
        // pool's reconnect attempts back off up to a third of this, so a short timeout also recovers sooner after
        // PostgreSQL comes back.
        config.setConnectionTimeout(3_000);
        config.setValidationTimeout(1_000);
        // Start-up fails at once on a wrong URL or password, not at the first request.
        config.setInitializationFailTimeout(10_000);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new ConfigException(section.file(), section.line(), "cannot connect to " + settings.url() + ": "
                    + e.getMessage());
        }
    }
}
