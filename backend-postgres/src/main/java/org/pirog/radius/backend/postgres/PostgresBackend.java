package org.pirog.radius.backend.postgres;

import static org.pirog.radius.backend.postgres.schema.Tables.NASRELOAD;
import static org.pirog.radius.backend.postgres.schema.Tables.RADACCT;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.core.accounting.AccountingRecord;
import org.pirog.radius.core.backend.AccessRequest;
import org.pirog.radius.core.backend.Authorization;
import org.pirog.radius.backend.postgres.accounting.RadacctWriter;
import org.pirog.radius.backend.postgres.accounting.StaleSessions;
import org.pirog.radius.backend.postgres.authorize.SqlAuthorize;
import org.pirog.radius.backend.postgres.postauth.PostAuthWriter;
import org.pirog.radius.backend.postgres.authorize.TableChanges;
import org.pirog.radius.backend.postgres.nas.NasClients;
import org.pirog.radius.core.backend.Backend;
import org.pirog.radius.core.backend.BackendException;
import org.pirog.radius.core.backend.ClientSource;
import org.pirog.radius.core.backend.Lease;
import org.pirog.radius.core.backend.LeaseRequest;
import org.pirog.radius.core.backend.Threading;
import org.pirog.radius.backend.postgres.pool.SqlIpPool;
import org.pirog.radius.core.policy.Expansion;
import org.pirog.radius.core.policy.PolicyContext;

/**
 * Accounts, sessions, address leases and clients in FreeRADIUS's rlm_sql tables.
 *
 * <p>Authorize reads radcheck, radreply, radusergroup, radgroupcheck and radgroupreply as rlm_sql does, cached
 * (see {@link SqlAuthorize}); the {@code nas} table's rows are clients ({@link NasClients}). Both follow changes
 * made by anyone within a second, through the triggers' notifications ({@link TableChanges}). Accounting writes
 * radacct with FreeRADIUS's default queries by group commit (many records per transaction, see
 * {@link RadacctWriter}); each stage completes after the commit that holds its row, and {@link StaleSessions}
 * closes sessions whose NAS went silent. Leases are radippool rows taken with {@code FOR UPDATE SKIP LOCKED}, so that several servers on one
 * database never lease an address twice; sessions' accounting extends and frees them as sqlippool does.
 *
 * <p>Threading: {@link Threading#BLOCKING}; every query goes through one jOOQ {@link DSLContext} over HikariCP.
 */
public final class PostgresBackend implements Backend {
    private static final String NAS_REBOOT = "NAS-Reboot";

    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    private final SqlAuthorize authorize;
    private final NasClients nasClients;
    private final TableChanges changes;
    private final SqlIpPool pool;
    private final Clock clock;
    private final RadacctWriter radacct;
    private final StaleSessions staleSessions;
    private final PostAuthWriter postAuth;

    /** Starts listening for changes ({@code changes}, to which {@code authorize} and {@code nasClients} subscribe). */
    PostgresBackend(HikariDataSource dataSource, DSLContext dsl, SqlAuthorize authorize, NasClients nasClients,
            TableChanges changes, SqlIpPool pool, RadacctWriter radacct, StaleSessions staleSessions,
            PostAuthWriter postAuth, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.authorize = Objects.requireNonNull(authorize, "authorize");
        this.nasClients = Objects.requireNonNull(nasClients, "nasClients");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.radacct = Objects.requireNonNull(radacct, "radacct");
        this.staleSessions = Objects.requireNonNull(staleSessions, "staleSessions");
        this.postAuth = Objects.requireNonNull(postAuth, "postAuth");
        changes.subscribe(authorize);
        changes.subscribe(nasClients);
        changes.start();
    }

    /** Whether the tables' changes are being heard, so that authorize rows are cached (for tests and metrics). */
    public boolean listening() {
        return authorize.listening();
    }

    /** Users whose authorize rows are cached now (for tests and metrics). */
    public long cachedUsers() {
        return authorize.cachedUsers();
    }

    /** The shared jOOQ context, for tests and later components (caches, clients from {@code nas}). */
    public DSLContext dsl() {
        return dsl;
    }

    @Override
    public Threading threading() {
        return Threading.BLOCKING;
    }

    @Override
    public @Nullable Authorization authorize(AccessRequest request) throws BackendException {
        PolicyContext context = context(request);
        String userName = request.userName();
        try {
            if (!authorize.apply(userName, context)) {
                return null;
            }
        } catch (DataAccessException e) {
            throw new BackendException("authorize " + userName + ": " + e.getMessage(), e);
        }
        return authorization(userName, context);
    }

    /** The cached users' answer on the event loop: most logins never leave it (see {@link Backend}). */
    @Override
    public @Nullable Authorization authorizeFromMemory(AccessRequest request) {
        PolicyContext context = context(request);
        return switch (authorize.applyFromMemory(request.userName(), context)) {
            case YES -> authorization(request.userName(), context);
            case NO -> null;
            case NOT_IN_MEMORY -> NOT_IN_MEMORY;
        };
    }

    private PolicyContext context(AccessRequest request) {
        return new PolicyContext(request.packet(), request.source().getAddress(), request.received(),
                clock.getZone());
    }

    private static Authorization authorization(String userName, PolicyContext context) {
        return Authorization.of(userName, Expansion.plain(context.control().items()),
                Expansion.plain(context.reply().items()));
    }


    @Override
    public CompletionStage<Void> account(AccountingRecord record) {
        return radacct.submit(record);
    }

    /** The accounting writer, for its counters. */
    public RadacctWriter radacct() {
        return radacct;
    }

    /** The stale-session closer (it also runs on its own timer). */
    public StaleSessions staleSessions() {
        return staleSessions;
    }

    @Override
    public @Nullable Lease allocate(LeaseRequest request) throws BackendException {
        try {
            return pool.allocate(dsl, request);
        } catch (DataAccessException e) {
            throw new BackendException("allocate from " + request.pool() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void release(Lease lease) throws BackendException {
        try {
            pool.release(dsl, lease);
        } catch (DataAccessException e) {
            throw new BackendException("release " + lease + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int openSessions(String userName) throws BackendException {
        try {
            // rlm_sql's simul_count_query: open rows, but not those that started before their NAS last rebooted.
            return dsl.fetchCount(RADACCT.leftJoin(NASRELOAD).on(NASRELOAD.NASIPADDRESS.eq(RADACCT.NASIPADDRESS)),
                    RADACCT.USERNAME.eq(userName)
                            .and(RADACCT.ACCTSTOPTIME.isNull())
                            .and(RADACCT.ACCTSTARTTIME.gt(NASRELOAD.RELOADTIME).or(NASRELOAD.RELOADTIME.isNull())));
        } catch (DataAccessException e) {
            throw new BackendException("open sessions of " + userName + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void postAuth(AccessRequest request, boolean accepted) {
        // Queued, never awaited: the reply does not wait for its log row (see PostAuthWriter).
        postAuth.submit(new PostAuthWriter.Row(request.userName(), accepted ? "Access-Accept" : "Access-Reject",
                // FreeRADIUS's default query writes '' for an absent attribute.
                Objects.requireNonNullElse(SqlAuthorize.text(request.packet(), "Called-Station-Id"), ""),
                Objects.requireNonNullElse(SqlAuthorize.text(request.packet(), "Calling-Station-Id"), ""),
                request.received()));
    }

    /** The radpostauth writer, for its counters. */
    public PostAuthWriter postAuth() {
        return postAuth;
    }

    /** The clients of the {@code nas} table, reloaded whenever it changes. */
    @Override
    public ClientSource clients() {
        return nasClients;
    }

    @Override
    public void close() throws InterruptedException {
        changes.close();
        authorize.close();
        nasClients.close();
        staleSessions.close();
        radacct.close();
        postAuth.close();
        dataSource.close();
    }
}
