package org.pirog.radius.backend.postgres;

import static org.pirog.radius.backend.postgres.schema.Tables.RADACCT;
import static org.pirog.radius.backend.postgres.schema.Tables.RADIPPOOL;
import static org.pirog.radius.backend.postgres.schema.Tables.RADPOSTAUTH;

import com.zaxxer.hikari.HikariDataSource;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.pirog.radius.backend.postgres.accounting.RadacctWriter;
import org.pirog.radius.backend.postgres.accounting.StaleSessions;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.core.accounting.AccountingRecord;
import org.pirog.radius.core.backend.AccessRequest;
import org.pirog.radius.core.backend.Authorization;
import org.pirog.radius.core.backend.Backend;
import org.pirog.radius.core.backend.BackendException;
import org.pirog.radius.core.backend.Lease;
import org.pirog.radius.core.backend.LeaseRequest;
import org.pirog.radius.core.backend.Threading;
import org.pirog.radius.core.policy.Expansion;
import org.pirog.radius.core.policy.PolicyContext;
import org.pirog.radius.core.policy.PolicyItem;

/**
 * Accounts, sessions and address leases in FreeRADIUS's rlm_sql tables.
 *
 * <p>Authorize reads radcheck, radreply, radusergroup, radgroupcheck and radgroupreply as rlm_sql does (see
 * {@link SqlAuthorize}). Accounting writes radacct with FreeRADIUS's default queries by group commit (many records
 * per transaction, see {@link RadacctWriter}); each stage completes after the commit that holds its row, and
 * {@link StaleSessions} closes sessions whose NAS went silent. Leases are radippool rows taken with {@code FOR UPDATE SKIP LOCKED}, so that several servers on one
 * database never lease an address twice; sessions' accounting extends and frees them as sqlippool does.
 *
 * <p>Threading: {@link Threading#BLOCKING}; every query goes through one jOOQ {@link DSLContext} over HikariCP.
 */
public final class PostgresBackend implements Backend {
    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    private final SqlAuthorize authorize;
    private final Duration leaseTime;
    private final Clock clock;
    private final RadacctWriter radacct;
    private final StaleSessions staleSessions;

    PostgresBackend(HikariDataSource dataSource, DSLContext dsl, SqlAuthorize authorize, Duration leaseTime,
            RadacctWriter radacct, StaleSessions staleSessions, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.authorize = Objects.requireNonNull(authorize, "authorize");
        this.leaseTime = Objects.requireNonNull(leaseTime, "leaseTime");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.radacct = Objects.requireNonNull(radacct, "radacct");
        this.staleSessions = Objects.requireNonNull(staleSessions, "staleSessions");
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
        PolicyContext context = new PolicyContext(request.packet(), request.source().getAddress(),
                request.received(), clock.getZone());
        String userName = request.userName();
        try {
            if (!authorize.apply(dsl, userName, context)) {
                return null;
            }
        } catch (DataAccessException e) {
            throw new BackendException("authorize " + userName + ": " + e.getMessage(), e);
        }
        return Authorization.of(userName, plain(context.control().items()), plain(context.reply().items()));
    }

    /** The SPI hands out values as plain text: expanded for this request, percent signs no longer doubled. */
    private static List<PolicyItem> plain(List<PolicyItem> items) {
        List<PolicyItem> plain = new ArrayList<>(items.size());
        for (PolicyItem item : items) {
            String value = Expansion.unescape(item.value());
            plain.add(value.equals(item.value()) ? item : item.withValue(value));
        }
        return plain;
    }

    /** Queued for group commit (see {@link RadacctWriter}); completes after the commit that holds the row. */
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
        // sqlippool's allocate_find: the free address this user (then this Calling-Station-Id) had last, else the
        // one that expired longest ago; SKIP LOCKED lets concurrent allocations (other servers included) take
        // other rows instead of waiting.
        var candidate = DSL.select(RADIPPOOL.ID).from(RADIPPOOL)
                .where(RADIPPOOL.POOL_NAME.eq(request.pool()))
                .and(RADIPPOOL.EXPIRY_TIME.lt(DSL.field("localtimestamp(0)", SQLDataType.LOCALDATETIME(0))))
                .orderBy(RADIPPOOL.USERNAME.ne(request.userName()),
                        RADIPPOOL.CALLINGSTATIONID.ne(request.callingStationId()),
                        RADIPPOOL.EXPIRY_TIME)
                .limit(1)
                .forUpdate().skipLocked();
        try {
            Record1<String> leased = dsl.update(RADIPPOOL)
                    .set(RADIPPOOL.NASIPADDRESS, request.nas().network().address().getHostAddress())
                    .set(RADIPPOOL.USERNAME, request.userName())
                    .set(RADIPPOOL.CALLINGSTATIONID, request.callingStationId())
                    .set(RADIPPOOL.EXPIRY_TIME, leaseEnd())
                    .where(RADIPPOOL.ID.eq(candidate))
                    .returningResult(DSL.field("host({0})", String.class, RADIPPOOL.FRAMEDIPADDRESS))
                    .fetchOne();
            return leased == null ? null : new Lease(request.pool(), InetAddress.getByName(leased.value1()));
        } catch (DataAccessException | UnknownHostException e) {
            throw new BackendException("allocate from " + request.pool() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void release(Lease lease) throws BackendException {
        try {
            dsl.update(RADIPPOOL)
                    .set(RADIPPOOL.EXPIRY_TIME, expired())
                    .where(RADIPPOOL.POOL_NAME.eq(lease.pool()))
                    .and(RADIPPOOL.FRAMEDIPADDRESS.eq(inet(lease.address())))
                    .execute();
        } catch (DataAccessException e) {
            throw new BackendException("release " + lease + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int openSessions(String userName) throws BackendException {
        try {
            return dsl.fetchCount(RADACCT, RADACCT.USERNAME.eq(userName).and(RADACCT.ACCTSTOPTIME.isNull()));
        } catch (DataAccessException e) {
            throw new BackendException("open sessions of " + userName + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void postAuth(AccessRequest request, boolean accepted) throws BackendException {
        // FreeRADIUS's default also stores the password the user typed; Pirog never stores it.
        try {
            dsl.insertInto(RADPOSTAUTH)
                    .set(RADPOSTAUTH.USERNAME, request.userName())
                    .set(RADPOSTAUTH.REPLY, accepted ? "Access-Accept" : "Access-Reject")
                    .set(RADPOSTAUTH.CALLEDSTATIONID, SqlAuthorize.text(request.packet(), "Called-Station-Id"))
                    .set(RADPOSTAUTH.CALLINGSTATIONID, SqlAuthorize.text(request.packet(), "Calling-Station-Id"))
                    .set(RADPOSTAUTH.AUTHDATE, request.received().atOffset(ZoneOffset.UTC))
                    .execute();
        } catch (DataAccessException e) {
            throw new BackendException("post-auth " + request.userName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        staleSessions.close();
        radacct.close();
        dataSource.close();
    }

    private Field<java.time.LocalDateTime> leaseEnd() {
        return DSL.field("localtimestamp(0) + make_interval(secs => {0})", SQLDataType.LOCALDATETIME(0),
                DSL.val((double) leaseTime.toSeconds()));
    }

    /** One second in the past, as sqlippool's clear query writes it: free from now on, even within this second. */
    private static Field<java.time.LocalDateTime> expired() {
        return DSL.field("localtimestamp(0) - interval '1 second'", SQLDataType.LOCALDATETIME(0));
    }

    /** An inet parameter: the generated columns are of PostgreSQL's own type, bound as text and cast. */
    static Field<Object> inet(@Nullable InetAddress address) {
        return DSL.field("cast({0} as inet)", Object.class,
                DSL.val(address == null ? null : address.getHostAddress(), SQLDataType.VARCHAR));
    }
}
