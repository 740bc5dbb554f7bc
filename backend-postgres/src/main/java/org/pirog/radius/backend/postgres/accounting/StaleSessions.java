package org.pirog.radius.backend.postgres.accounting;

import static org.pirog.radius.backend.postgres.schema.Tables.RADACCT;
import static org.pirog.radius.backend.postgres.schema.Tables.RADIPPOOL;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.Result;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.pirog.radius.backend.postgres.pool.LeaseStatements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes sessions whose NAS went silent: an open radacct row with no update for {@code staleAfter} times its
 * interim interval (acctinterval, else the configured default) is closed with acctterminatecause
 * {@value #CAUSE}, stop time = its last update (the last moment the session was known alive) and the session time up
 * to then, and the radippool lease of its address and user is freed. Without this, a NAS that dies without sending
 * Stop or Accounting-On leaves sessions open for ever, and Simultaneous-Use refuses the user.
 *
 * <p>{@value #CAUSE} (RFC 2866 §5.10 value 2) is what the session looks like from the server: the carrier went and
 * no Stop came. (daloRADIUS-style clean-up scripts differ; FreeRADIUS itself has no timer, only radzap / checkrad.)
 * Rows are taken {@value #BATCH} at a time with {@code FOR UPDATE SKIP LOCKED}, so several servers on one
 * database can run it at once. The lease update is a plain radippool statement for now (the pool code is moving to
 * its own package).
 */
public final class StaleSessions implements AutoCloseable {
    static final String CAUSE = "Lost-Carrier";
    private static final int BATCH = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(StaleSessions.class);

    private final DSLContext dsl;
    private final int staleAfter;
    private final Duration defaultInterval;
    private final ScheduledExecutorService timer;

    /**
     * @param staleAfter      how many interim intervals without an update make a session stale
     * @param defaultInterval the interval of rows without acctinterval (no Interim-Update seen yet)
     * @param period          how often to look; zero for never (tests call {@link #closeStale()})
     */
    public StaleSessions(DSLContext dsl, int staleAfter, Duration defaultInterval, Duration period) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.staleAfter = staleAfter;
        this.defaultInterval = Objects.requireNonNull(defaultInterval, "defaultInterval");
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("pirog-radacct-stale").factory());
        if (!period.isZero()) {
            timer.scheduleWithFixedDelay(this::run, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void run() {
        try {
            int closed = closeStale();
            if (closed > 0) {
                LOG.info("closed {} stale radacct session(s) as {}", closed, CAUSE);
            }
        } catch (RuntimeException e) {
            LOG.warn("closing stale radacct sessions failed: {}", e.getMessage());
        }
    }

    /** Closes every stale session now; returns how many. */
    public int closeStale() {
        int total = 0;
        while (true) {
            int closed = dsl.transactionResult(configuration -> closeBatch(DSL.using(configuration)));
            total += closed;
            if (closed < BATCH) {
                return total;
            }
        }
    }

    private int closeBatch(DSLContext tx) {
        Field<OffsetDateTime> lastSeen = DSL.coalesce(RADACCT.ACCTUPDATETIME, RADACCT.ACCTSTARTTIME);
        Field<Long> interval = DSL.coalesce(DSL.nullif(RADACCT.ACCTINTERVAL, 0L), DSL.val(defaultInterval.toSeconds()));
        var stale = DSL.select(RADACCT.RADACCTID).from(RADACCT)
                .where(RADACCT.ACCTSTOPTIME.isNull())
                .and(lastSeen.lt(DSL.field("now() - make_interval(secs => {0} * {1})", SQLDataType.TIMESTAMPWITHTIMEZONE,
                        DSL.val((double) staleAfter), interval)))
                .limit(BATCH)
                .forUpdate().skipLocked();
        Result<Record3<String, String, String>> closed = tx.update(RADACCT)
                .set(RADACCT.ACCTSTOPTIME, lastSeen)
                .set(RADACCT.ACCTSESSIONTIME, DSL.field("cast(extract(epoch from ({0} - {1})) as bigint)",
                        SQLDataType.BIGINT, lastSeen, RADACCT.ACCTSTARTTIME))
                .set(RADACCT.ACCTTERMINATECAUSE, CAUSE)
                .where(RADACCT.RADACCTID.in(stale))
                .returningResult(DSL.field("host({0})", String.class, RADACCT.FRAMEDIPADDRESS), RADACCT.USERNAME,
                        DSL.field("host({0})", String.class, RADACCT.NASIPADDRESS))
                .fetch();
        for (Record3<String, String, String> session : closed) {
            if (session.value1() == null) {
                continue;
            }
            LeaseStatements.free(tx, session.value1(), session.value2())
                    .and(RADIPPOOL.EXPIRY_TIME.gt(DSL.field("localtimestamp(0)", SQLDataType.LOCALDATETIME(0))))
                    .execute();
        }
        return closed.size();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
