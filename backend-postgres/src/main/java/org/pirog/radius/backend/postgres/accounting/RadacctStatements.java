package org.pirog.radius.backend.postgres.accounting;

import static org.pirog.radius.backend.postgres.schema.Tables.NASRELOAD;
import static org.pirog.radius.backend.postgres.schema.Tables.RADACCT;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.CommonTableExpression;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record1;
import org.jooq.WithStep;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.backend.postgres.pool.LeaseStatements;
import org.pirog.radius.core.accounting.AccountingRecord;

/**
 * The statements one Accounting-Request runs, with the semantics of FreeRADIUS 3.2's default PostgreSQL accounting
 * queries (mods-config/sql/main/postgresql/queries.conf; rlm_sql runs a status type's queries in order until one
 * changes a row):
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

    private final Duration leaseTime;

    RadacctStatements(Duration leaseTime) {
        this.leaseTime = Objects.requireNonNull(leaseTime, "leaseTime");
    }

    /**
     * Adds the record's statements to {@code out}. Each of FreeRADIUS's "try the next query when none changed a row"
     * chains is one statement here (data-modifying common table expressions), so that a whole batch of records
     * goes to the server in one round trip and still runs in order.
     */
    void add(DSLContext tx, AccountingRecord record, List<Query> out) {
        add(tx, record, out, out);
    }

    /** As {@link #add(DSLContext, AccountingRecord, List)}, the radippool statements to a list of their own. */
    void add(DSLContext tx, AccountingRecord record, List<Query> out, List<Query> leases) {
        switch (record.statusType()) {
            case START -> {
                RadacctValues v = RadacctValues.of(record);
                out.add(start(tx, v));
                extendLease(tx, v, leases);
            }
            case INTERIM_UPDATE -> {
                RadacctValues v = RadacctValues.of(record);
                out.add(interim(tx, v));
                extendLease(tx, v, leases);
            }
            case STOP -> {
                RadacctValues v = RadacctValues.of(record);
                out.add(stop(tx, v));
                freeLease(tx, v, leases);
            }
            case ACCOUNTING_ON, ACCOUNTING_OFF -> nasReboot(tx, RadacctValues.of(record), out);
            default -> {
                // Tunnel records and Failed: FreeRADIUS's default queries store nothing for them.
            }
        }
    }

    /** Insert; on a conflicting open row refresh it; else (the Stop came first) refresh the closed row. */
    private static Query start(DSLContext tx, RadacctValues v) {
        Map<Field<?>, Object> refresh = new LinkedHashMap<>();
        refresh.put(RADACCT.ACCTSTARTTIME, v.event());
        refresh.put(RADACCT.ACCTUPDATETIME, v.event());
        refresh.put(RADACCT.CONNECTINFO_START, v.connectInfo());
        CommonTableExpression<Record1<Integer>> inserted = DSL.name("inserted").as(DSL.insertInto(RADACCT)
                .set(row(v, v.event(), v.event(), null, 0L, 0L, 0L, null))
                .onConflict(RADACCT.ACCTUNIQUEID)
                .doUpdate()
                .set(refresh)
                .where(RADACCT.ACCTSTOPTIME.isNull())
                .returningResult(DSL.one()));
        return tx.with(inserted).update(RADACCT).set(refresh)
                .where(RADACCT.ACCTUNIQUEID.eq(v.uniqueId()))
                .andNotExists(DSL.selectOne().from(inserted));
    }

    /** Update the open row; if there is none, the Start was lost: insert it (start = update = the event). */
    private static Query interim(DSLContext tx, RadacctValues v) {
        Map<Field<?>, Object> set = addresses(v);
        set.put(RADACCT.ACCTSESSIONTIME, v.sessionTimeOrNull());
        set.put(RADACCT.ACCTINTERVAL, secondsSince(v, DSL.coalesce(RADACCT.ACCTUPDATETIME, RADACCT.ACCTSTARTTIME)));
        set.put(RADACCT.ACCTUPDATETIME, v.event());
        set.put(RADACCT.ACCTINPUTOCTETS, v.inputOctets());
        set.put(RADACCT.ACCTOUTPUTOCTETS, v.outputOctets());
        CommonTableExpression<Record1<Integer>> updated = DSL.name("updated").as(DSL.update(RADACCT).set(set)
                .where(RADACCT.ACCTUNIQUEID.eq(v.uniqueId()))
                .and(RADACCT.ACCTSTOPTIME.isNull())
                .returningResult(DSL.one()));
        return insertUnless(tx.with(updated), updated,
                row(v, v.event(), v.event(), null, v.sessionTimeOrNull(), v.inputOctets(), v.outputOctets(), null));
    }

    /**
     * Close the open row; if there is none insert it closed with start = event − Acct-Session-Time (FreeRADIUS's
     * fall-back insert puts Connect-Info into connectinfo_start); if that conflicts (a retransmission, or closed as
     * stale or by Accounting-On) update the closed row with the same values again.
     */
    private static Query stop(DSLContext tx, RadacctValues v) {
        Map<Field<?>, Object> set = new LinkedHashMap<>();
        set.put(RADACCT.ACCTSTOPTIME, v.event());
        set.put(RADACCT.ACCTUPDATETIME, v.event());
        set.put(RADACCT.ACCTSESSIONTIME, v.sessionTime() >= 0 ? DSL.val(v.sessionTime())
                : secondsSince(v, RADACCT.ACCTSTARTTIME));
        set.put(RADACCT.ACCTINPUTOCTETS, v.inputOctets());
        set.put(RADACCT.ACCTOUTPUTOCTETS, v.outputOctets());
        set.put(RADACCT.ACCTTERMINATECAUSE, v.terminateCause());
        set.putAll(addresses(v));
        set.put(RADACCT.CONNECTINFO_STOP, v.connectInfo());
        CommonTableExpression<Record1<Integer>> updated = DSL.name("updated").as(DSL.update(RADACCT).set(set)
                .where(RADACCT.ACCTUNIQUEID.eq(v.uniqueId()))
                .and(RADACCT.ACCTSTOPTIME.isNull())
                .returningResult(DSL.one()));
        OffsetDateTime start = v.event().minusSeconds(Math.max(0, v.sessionTime()));
        Map<Field<?>, Object> row = row(v, start, v.event(), v.event(), v.sessionTimeOrNull(), v.inputOctets(),
                v.outputOctets(), v.terminateCause());
        CommonTableExpression<Record1<Integer>> inserted = DSL.name("inserted").as(
                DSL.insertInto(RADACCT).columns(columns(row))
                        .select(DSL.select(values(row)).whereNotExists(DSL.selectOne().from(updated)))
                        .onConflict(RADACCT.ACCTUNIQUEID)
                        .doNothing()
                        .returningResult(DSL.one()));
        return tx.with(updated).with(inserted).update(RADACCT).set(set)
                .where(RADACCT.ACCTUNIQUEID.eq(v.uniqueId()))
                .andNotExists(DSL.selectOne().from(updated))
                .andNotExists(DSL.selectOne().from(inserted));
    }

    private static Query insertUnless(WithStep with, CommonTableExpression<?> changed, Map<Field<?>, Object> row) {
        return with.insertInto(RADACCT).columns(columns(row))
                .select(DSL.select(values(row)).whereNotExists(DSL.selectOne().from(changed)))
                .onConflict(RADACCT.ACCTUNIQUEID)
                .doNothing();
    }

    private static List<Field<?>> columns(Map<Field<?>, Object> row) {
        return new ArrayList<>(row.keySet());
    }

    /** The row's values as typed expressions (a bare NULL in a SELECT list would be text). */
    private static List<Field<?>> values(Map<Field<?>, Object> row) {
        List<Field<?>> values = new ArrayList<>(row.size());
        for (Map.Entry<Field<?>, Object> column : row.entrySet()) {
            values.add(column.getValue() instanceof Field<?> field ? field
                    : DSL.cast(column.getValue(), column.getKey().getDataType()));
        }
        return values;
    }

    private void nasReboot(DSLContext tx, RadacctValues v, List<Query> out) {
        out.add(tx.update(RADACCT)
                .set(RADACCT.ACCTSTOPTIME, v.event())
                .set(RADACCT.ACCTUPDATETIME, v.event())
                .set(RADACCT.ACCTSESSIONTIME, secondsSince(v, RADACCT.ACCTSTARTTIME))
                .set(RADACCT.ACCTTERMINATECAUSE, v.terminateCause().isEmpty() ? NAS_REBOOT : v.terminateCause())
                .where(RADACCT.ACCTSTOPTIME.isNull())
                .and(RADACCT.NASIPADDRESS.eq(inet(v.nasIpAddress())))
                .and(RADACCT.ACCTSTARTTIME.le(v.event())));
        Map<Field<?>, Object> reload = new LinkedHashMap<>();
        reload.put(NASRELOAD.NASIPADDRESS, inet(v.nasIpAddress()));
        reload.put(NASRELOAD.RELOADTIME, v.event());
        out.add(tx.insertInto(NASRELOAD).set(reload)
                .onConflict(NASRELOAD.NASIPADDRESS)
                .doUpdate()
                .set(NASRELOAD.RELOADTIME, v.event()));
        out.add(LeaseStatements.freeNas(tx, v.nasIpAddress()));
    }

    /** Every column of FreeRADIUS's column_list, for the inserts. */
    private static Map<Field<?>, Object> row(RadacctValues v, OffsetDateTime start, OffsetDateTime update,
            @Nullable OffsetDateTime stop, @Nullable Long sessionTime, long input, long output,
            @Nullable String terminateCause) {
        Map<Field<?>, Object> row = new LinkedHashMap<>();
        row.put(RADACCT.ACCTSESSIONID, v.sessionId());
        row.put(RADACCT.ACCTUNIQUEID, v.uniqueId());
        row.put(RADACCT.USERNAME, v.userName());
        row.put(RADACCT.REALM, v.realm());
        row.put(RADACCT.NASIPADDRESS, inet(v.nasIpAddress()));
        row.put(RADACCT.NASPORTID, v.nasPortId());
        row.put(RADACCT.NASPORTTYPE, v.nasPortType());
        row.put(RADACCT.ACCTSTARTTIME, start);
        row.put(RADACCT.ACCTUPDATETIME, update);
        row.put(RADACCT.ACCTSTOPTIME, stop);
        row.put(RADACCT.ACCTSESSIONTIME, sessionTime);
        row.put(RADACCT.ACCTAUTHENTIC, v.authentic());
        row.put(RADACCT.CONNECTINFO_START, v.connectInfo());
        row.put(RADACCT.CONNECTINFO_STOP, null);
        row.put(RADACCT.ACCTINPUTOCTETS, input);
        row.put(RADACCT.ACCTOUTPUTOCTETS, output);
        row.put(RADACCT.CALLEDSTATIONID, v.calledStationId());
        row.put(RADACCT.CALLINGSTATIONID, v.callingStationId());
        row.put(RADACCT.ACCTTERMINATECAUSE, terminateCause);
        row.put(RADACCT.SERVICETYPE, v.serviceType());
        row.put(RADACCT.FRAMEDPROTOCOL, v.framedProtocol());
        row.putAll(addresses(v));
        row.put(RADACCT.CLASS, v.accountingClass());
        return row;
    }

    /** The address columns Interim-Update and Stop refresh. */
    private static Map<Field<?>, Object> addresses(RadacctValues v) {
        Map<Field<?>, Object> set = new LinkedHashMap<>();
        set.put(RADACCT.FRAMEDIPADDRESS, inet(v.framedIpAddress()));
        set.put(RADACCT.FRAMEDIPV6ADDRESS, inet(v.framedIpv6Address()));
        set.put(RADACCT.FRAMEDIPV6PREFIX, inet(v.framedIpv6Prefix()));
        set.put(RADACCT.FRAMEDINTERFACEID, v.framedInterfaceId());
        set.put(RADACCT.DELEGATEDIPV6PREFIX, inet(v.delegatedIpv6Prefix()));
        return set;
    }

    /** Whole seconds from {@code time} to the event, as FreeRADIUS's {@code epoch - EXTRACT(EPOCH FROM …)}. */
    private static Field<Long> secondsSince(RadacctValues v, Field<OffsetDateTime> time) {
        return DSL.field("cast({0} - extract(epoch from {1}) as bigint)", SQLDataType.BIGINT,
                DSL.val(v.eventEpoch()), time);
    }

    /** sqlippool's update: a session's Start and Interim-Update keep its address leased. */
    private void extendLease(DSLContext tx, RadacctValues v, List<Query> out) {
        if (v.framedIpAddress() != null) {
            out.add(LeaseStatements.extend(tx, v.framedIpAddress(), v.nasIpAddress(), v.userName(), leaseTime));
        }
    }

    /** sqlippool's clear: Stop frees the address (and keeps its owner, for the next sticky allocation). */
    private static void freeLease(DSLContext tx, RadacctValues v, List<Query> out) {
        if (v.framedIpAddress() != null) {
            out.add(LeaseStatements.free(tx, v.framedIpAddress(), v.userName()));
        }
    }

    /** An inet parameter: the generated columns are of PostgreSQL's own type, bound as text and cast. */
    static Field<Object> inet(@Nullable String address) {
        return DSL.field("cast({0} as inet)", Object.class, DSL.val(address, SQLDataType.VARCHAR));
    }
}
