package org.pirog.radius.backend.postgres.accounting;

import static org.pirog.radius.backend.postgres.schema.Tables.NASRELOAD;
import static org.pirog.radius.backend.postgres.schema.Tables.RADACCT;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.backend.postgres.ArrayStatement;
import org.pirog.radius.backend.postgres.Inet;
import org.pirog.radius.backend.postgres.pool.LeaseStatements;
import org.pirog.radius.core.accounting.AcctStatusType;

/**
 * What Accounting-Requests write, with the semantics of FreeRADIUS 3.2's default PostgreSQL accounting queries
 * (mods-config/sql/main/postgresql/queries.conf; rlm_sql runs a status type's queries in order until one changes a
 * row), for each record as if it ran alone, whatever the records written together with it:
 * <ul>
 * <li>Start: insert the session; on a conflicting acctuniqueid refresh start/update time and connectinfo_start of
 *     the row while it is open, else (the Stop came first) of the closed row.
 * <li>Interim-Update: update the open row (addresses, session time, acctinterval since the last update, octets);
 *     if there is none, the Start was lost: insert the row (start = update = the event), ignoring a conflict.
 * <li>Stop: close the open row; if there is none insert it closed with start = event − Acct-Session-Time; if that
 *     conflicts (a retransmitted Stop) update the closed row with the same values again.
 * <li>Accounting-On/Off: close every open row of the NAS started no later than the event, session time up to the
 *     event, cause Acct-Terminate-Cause or {@code NAS-Reboot}.
 * </ul>
 * So a retransmission changes nothing and octets are absolute counters, never added: nothing is counted twice.
 *
 * <p>Beyond the radacct queries, in the same transaction: Accounting-On/Off records the NAS's reload time in
 * {@code nasreload} (FreeRADIUS's "lightweight" alternative, which Simultaneous-Use reads) and frees the NAS's
 * radippool leases; Start/Interim extend and Stop frees the session's lease, as sqlippool's accounting queries do.
 * (The lease statements themselves are the pool package's {@code LeaseStatements}.)
 */
final class RadacctStatements {
    static final String NAS_REBOOT = "NAS-Reboot";

    private static final Condition START = RadacctRows.STATUS.eq(DSL.inline(AcctStatusType.START.name()));
    private static final Condition INTERIM = RadacctRows.STATUS.eq(DSL.inline(AcctStatusType.INTERIM_UPDATE.name()));
    private static final Condition STOP = RadacctRows.STATUS.eq(DSL.inline(AcctStatusType.STOP.name()));

    /**
     * How old a connection's plans may get: a stale plan runs this long at most, and a few plans per connection
     * per interval cost nothing measurable.
     */
    static final Duration PLAN_INTERVAL = Duration.ofSeconds(10);

    private final ArrayStatement round;
    private final FreshPlans plans;

    /** Renders the statement once ({@code dsl} only renders, it runs nothing). */
    RadacctStatements(DSLContext dsl, Duration leaseTime) {
        this(dsl, leaseTime, PLAN_INTERVAL);
    }

    RadacctStatements(DSLContext dsl, Duration leaseTime, Duration planInterval) {
        Objects.requireNonNull(leaseTime, "leaseTime");
        ArrayStatement.Parameters parameters = new ArrayStatement.Parameters();
        this.round = ArrayStatement.render(dsl, round(dsl, RadacctRows.table(parameters), leaseTime), parameters);
        this.plans = new FreshPlans(planInterval);
    }

    /**
     * Writes Start, Interim-Update and Stop records of distinct sessions on the transaction's connection, all in one
     * statement (one round trip, one plan) whatever their number. Accounting-On/Off must come through
     * {@link #nasReboot}.
     */
    void write(Connection connection, List<RadacctValues> records) throws SQLException {
        plans.refresh(connection);
        round.execute(connection, RadacctRows.arrays(records));
    }

    /**
     * One statement for a round of records of distinct sessions ({@code v}). Each of FreeRADIUS's "try the next
     * query when none changed a row" chains becomes data-modifying common table expressions that need not see each
     * other: they all see the same snapshot, and each one's condition on it picks the rows the chain would have
     * reached (the open row is updated; an insert that meets an existing row does nothing; a row already closed
     * is updated again). So no two of them change the same row, and none joins another's result. The radippool
     * updates likewise: a Stop does not free an address that a Start or Interim-Update of the same round (a new
     * session of that user, sent after the Stop) extends.
     */
    private static Query round(DSLContext tx, CommonTableExpression<Record> v, Duration leaseTime) {
        Map<Field<?>, Field<?>> stop = stopSet();
        Field<OffsetDateTime> stopStart = RadacctRows.timestamp(RadacctRows.EVENT.minus(
                DSL.coalesce(RadacctRows.SESSION_TIME, DSL.inline(0L))));
        return tx.with(v)
                .with(start())
                .with(update("interim_updated", INTERIM, open(), interimSet()))
                .with(insertNew("interim_inserted", INTERIM, row(RadacctRows.EVENT_TIME, RadacctRows.EVENT_TIME,
                        null, RadacctRows.SESSION_TIME, RadacctRows.INPUT_OCTETS, RadacctRows.OUTPUT_OCTETS, null)))
                .with(update("stop_updated", STOP, open(), stop))
                .with(insertNew("stop_inserted", STOP, row(stopStart, RadacctRows.EVENT_TIME,
                        RadacctRows.EVENT_TIME, RadacctRows.SESSION_TIME, RadacctRows.INPUT_OCTETS,
                        RadacctRows.OUTPUT_OCTETS, RadacctRows.TERMINATE_CAUSE)))
                .with(extendLeases(leaseTime))
                .with(freeLeases())
                // A retransmitted Stop, or one for a session closed as stale or by Accounting-On: the same values.
                .update(RADACCT).set(stop)
                .from(RadacctRows.V)
                .where(STOP)
                .and(RADACCT.ACCTUNIQUEID.eq(RadacctRows.UNIQUE_ID))
                .and(RADACCT.ACCTSTOPTIME.isNotNull());
    }

    /**
     * Start: insert the session; on a conflicting acctuniqueid refresh start/update time and connectinfo_start
     * (FreeRADIUS refreshes the open row, and failing that the closed one: either way the row is refreshed).
     */
    private static CommonTableExpression<Record1<String>> start() {
        Map<Field<?>, Field<?>> row = row(RadacctRows.EVENT_TIME, RadacctRows.EVENT_TIME, null, DSL.inline(0L),
                DSL.inline(0L), DSL.inline(0L), null);
        return DSL.name("started").fields("acctuniqueid").as(DSL.insertInto(RADACCT).columns(row.keySet())
                .select(DSL.select(row.values()).from(RadacctRows.V).where(START))
                .onConflict(RADACCT.ACCTUNIQUEID)
                .doUpdate()
                .set(RADACCT.ACCTSTARTTIME, DSL.excluded(RADACCT.ACCTSTARTTIME))
                .set(RADACCT.ACCTUPDATETIME, DSL.excluded(RADACCT.ACCTUPDATETIME))
                .set(RADACCT.CONNECTINFO_START, DSL.excluded(RADACCT.CONNECTINFO_START))
                .returningResult(RADACCT.ACCTUNIQUEID));
    }

    /**
     * Interim-Update: update the open row; if there is none, the Start was lost: insert it (start = update = the
     * event), ignoring a conflict.
     */
    private static Map<Field<?>, Field<?>> interimSet() {
        Map<Field<?>, Field<?>> set = addresses();
        set.put(RADACCT.ACCTSESSIONTIME, RadacctRows.SESSION_TIME);
        set.put(RADACCT.ACCTINTERVAL, RadacctRows.secondsSinceEvent(
                DSL.coalesce(RADACCT.ACCTUPDATETIME, RADACCT.ACCTSTARTTIME)));
        set.put(RADACCT.ACCTUPDATETIME, RadacctRows.EVENT_TIME);
        set.put(RADACCT.ACCTINPUTOCTETS, RadacctRows.INPUT_OCTETS);
        set.put(RADACCT.ACCTOUTPUTOCTETS, RadacctRows.OUTPUT_OCTETS);
        return set;
    }

    /**
     * Stop: close the open row; if there is none insert it closed with start = event − Acct-Session-Time
     * (FreeRADIUS's fall-back insert puts Connect-Info into connectinfo_start); if that conflicts (a
     * retransmission, or closed as stale or by Accounting-On) update the closed row with the same values again.
     */
    private static Map<Field<?>, Field<?>> stopSet() {
        Map<Field<?>, Field<?>> set = new LinkedHashMap<>();
        set.put(RADACCT.ACCTSTOPTIME, RadacctRows.EVENT_TIME);
        set.put(RADACCT.ACCTUPDATETIME, RadacctRows.EVENT_TIME);
        set.put(RADACCT.ACCTSESSIONTIME, DSL.coalesce(RadacctRows.SESSION_TIME,
                RadacctRows.secondsSinceEvent(RADACCT.ACCTSTARTTIME)));
        set.put(RADACCT.ACCTINPUTOCTETS, RadacctRows.INPUT_OCTETS);
        set.put(RADACCT.ACCTOUTPUTOCTETS, RadacctRows.OUTPUT_OCTETS);
        set.put(RADACCT.ACCTTERMINATECAUSE, RadacctRows.TERMINATE_CAUSE);
        set.putAll(addresses());
        set.put(RADACCT.CONNECTINFO_STOP, RadacctRows.CONNECT_INFO);
        return set;
    }

    /**
     * The session's row is open: {@code acctstoptime IS NULL}, written so that the planner cannot reach it through
     * the open-session partial indexes. Their row estimates are only as fresh as the last ANALYZE, which sees few
     * open sessions where sessions are short; their entries for closed rows stay until VACUUM. A plan that then
     * scans such an index whole, believing it nearly empty, reads every session since the last VACUUM for each
     * batch (measured: accounting fell to a fifth). Through the unique index the lookup costs the same always.
     * (RadacctBatch explains why the plan is cached.)
     */
    private static Condition open() {
        return DSL.condition("num_nulls({0}) = 1", RADACCT.ACCTSTOPTIME);
    }

    /** The rows of the sessions of {@code v} with that status that meet {@code which}, updated. */
    private static CommonTableExpression<Record1<String>> update(String name, Condition status, Condition which,
            Map<Field<?>, Field<?>> set) {
        return DSL.name(name).fields("acctuniqueid").as(DSL.update(RADACCT).set(set)
                .from(RadacctRows.V)
                .where(status)
                .and(RADACCT.ACCTUNIQUEID.eq(RadacctRows.UNIQUE_ID))
                .and(which)
                .returningResult(RADACCT.ACCTUNIQUEID));
    }

    /** The rows of {@code v} with that status inserted, except where the session's row exists. */
    private static CommonTableExpression<Record1<String>> insertNew(String name, Condition status,
            Map<Field<?>, Field<?>> row) {
        return DSL.name(name).fields("acctuniqueid").as(DSL.insertInto(RADACCT).columns(row.keySet())
                .select(DSL.select(row.values()).from(RadacctRows.V).where(status))
                .onConflict(RADACCT.ACCTUNIQUEID)
                .doNothing()
                .returningResult(RADACCT.ACCTUNIQUEID));
    }

    /** sqlippool's update: a session's Start and Interim-Update keep its address leased. */
    private static CommonTableExpression<Record1<Integer>> extendLeases(Duration leaseTime) {
        return DSL.name("leases_extended").fields("one").as(LeaseStatements.extendFrom(RadacctRows.V, RadacctRows.FRAMED_IP_ADDRESS, RadacctRows.NAS_IP_ADDRESS,
                RadacctRows.USER_NAME, leaseTime)
                .and(START.or(INTERIM))
                .returningResult(DSL.inline(1)));
    }

    /**
     * sqlippool's clear: Stop frees the address (and keeps its owner, for the next sticky allocation), unless a
     * Start or Interim-Update of this round extends the same address.
     */
    private static CommonTableExpression<Record1<Integer>> freeLeases() {
        return DSL.name("leases_freed").fields("one").as(LeaseStatements.freeFrom(RadacctRows.V, RadacctRows.FRAMED_IP_ADDRESS, RadacctRows.USER_NAME)
                .and(STOP)
                .andNotExists(DSL.selectOne().from(RadacctRows.W)
                        .where(RadacctRows.W_STATUS.ne(DSL.inline(AcctStatusType.STOP.name())))
                        .and(RadacctRows.W_FRAMED_IP_ADDRESS.eq(RadacctRows.FRAMED_IP_ADDRESS)))
                .returningResult(DSL.inline(1)));
    }

    /**
     * Accounting-On/Off: close every open row of the NAS started no later than the event, record its reload time
     * in nasreload and free its radippool leases.
     */
    void nasReboot(DSLContext tx, RadacctValues v) {
        tx.update(RADACCT)
                .set(RADACCT.ACCTSTOPTIME, v.event())
                .set(RADACCT.ACCTUPDATETIME, v.event())
                .set(RADACCT.ACCTSESSIONTIME, DSL.field("cast({0} - extract(epoch from {1}) as bigint)",
                        SQLDataType.BIGINT, DSL.val(v.eventEpoch()), RADACCT.ACCTSTARTTIME))
                .set(RADACCT.ACCTTERMINATECAUSE, v.terminateCause().isEmpty() ? NAS_REBOOT : v.terminateCause())
                .where(RADACCT.ACCTSTOPTIME.isNull())
                .and(RADACCT.NASIPADDRESS.eq(Inet.of(v.nasIpAddress())))
                .and(RADACCT.ACCTSTARTTIME.le(v.event()))
                .execute();
        Map<Field<?>, Object> reload = new LinkedHashMap<>();
        reload.put(NASRELOAD.NASIPADDRESS, Inet.of(v.nasIpAddress()));
        reload.put(NASRELOAD.RELOADTIME, v.event());
        tx.insertInto(NASRELOAD).set(reload)
                .onConflict(NASRELOAD.NASIPADDRESS)
                .doUpdate()
                .set(NASRELOAD.RELOADTIME, v.event())
                .execute();
        LeaseStatements.freeNas(tx, v.nasIpAddress()).execute();
    }

    /** Every column of FreeRADIUS's column_list, for the inserts, as expressions over {@code v}. */
    private static Map<Field<?>, Field<?>> row(Field<OffsetDateTime> start, Field<OffsetDateTime> update,
            @Nullable Field<OffsetDateTime> stop, Field<Long> sessionTime, Field<Long> input, Field<Long> output,
            @Nullable Field<String> terminateCause) {
        Map<Field<?>, Field<?>> row = new LinkedHashMap<>();
        row.put(RADACCT.ACCTSESSIONID, RadacctRows.SESSION_ID);
        row.put(RADACCT.ACCTUNIQUEID, RadacctRows.UNIQUE_ID);
        row.put(RADACCT.USERNAME, RadacctRows.USER_NAME);
        row.put(RADACCT.REALM, RadacctRows.REALM);
        row.put(RADACCT.NASIPADDRESS, Inet.of(RadacctRows.NAS_IP_ADDRESS));
        row.put(RADACCT.NASPORTID, RadacctRows.NAS_PORT_ID);
        row.put(RADACCT.NASPORTTYPE, RadacctRows.NAS_PORT_TYPE);
        row.put(RADACCT.ACCTSTARTTIME, start);
        row.put(RADACCT.ACCTUPDATETIME, update);
        row.put(RADACCT.ACCTSTOPTIME, stop != null ? stop : DSL.castNull(RADACCT.ACCTSTOPTIME));
        row.put(RADACCT.ACCTSESSIONTIME, sessionTime);
        row.put(RADACCT.ACCTAUTHENTIC, RadacctRows.AUTHENTIC);
        row.put(RADACCT.CONNECTINFO_START, RadacctRows.CONNECT_INFO);
        row.put(RADACCT.CONNECTINFO_STOP, DSL.castNull(RADACCT.CONNECTINFO_STOP));
        row.put(RADACCT.ACCTINPUTOCTETS, input);
        row.put(RADACCT.ACCTOUTPUTOCTETS, output);
        row.put(RADACCT.CALLEDSTATIONID, RadacctRows.CALLED_STATION_ID);
        row.put(RADACCT.CALLINGSTATIONID, RadacctRows.CALLING_STATION_ID);
        row.put(RADACCT.ACCTTERMINATECAUSE, terminateCause != null ? terminateCause
                : DSL.castNull(RADACCT.ACCTTERMINATECAUSE));
        row.put(RADACCT.SERVICETYPE, RadacctRows.SERVICE_TYPE);
        row.put(RADACCT.FRAMEDPROTOCOL, RadacctRows.FRAMED_PROTOCOL);
        row.putAll(addresses());
        row.put(RADACCT.CLASS, RadacctRows.CLASS);
        return row;
    }

    /** The address columns Interim-Update and Stop refresh. */
    private static Map<Field<?>, Field<?>> addresses() {
        Map<Field<?>, Field<?>> set = new LinkedHashMap<>();
        set.put(RADACCT.FRAMEDIPADDRESS, Inet.of(RadacctRows.FRAMED_IP_ADDRESS));
        set.put(RADACCT.FRAMEDIPV6ADDRESS, Inet.of(RadacctRows.FRAMED_IPV6_ADDRESS));
        set.put(RADACCT.FRAMEDIPV6PREFIX, Inet.of(RadacctRows.FRAMED_IPV6_PREFIX));
        set.put(RADACCT.FRAMEDINTERFACEID, RadacctRows.FRAMED_INTERFACE_ID);
        set.put(RADACCT.DELEGATEDIPV6PREFIX, Inet.of(RadacctRows.DELEGATED_IPV6_PREFIX));
        return set;
    }
}
