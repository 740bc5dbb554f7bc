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
import java.util.function.Function;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record1;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.backend.postgres.pool.LeaseStatements;

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
     * Adds the statements of records of distinct sessions to {@code out}, the radippool statements to
     * {@code leases}: one radacct statement per status type present, whatever the number of records, each of
     * FreeRADIUS's "try the next query when none changed a row" chains being one statement (data-modifying common
     * table expressions over {@link RadacctRows}). Accounting-On/Off must come through {@link #nasReboot}.
     */
    void add(DSLContext tx, List<RadacctValues> starts, List<RadacctValues> interims, List<RadacctValues> stops,
            List<Query> out, List<Query> leases) {
        if (!starts.isEmpty()) {
            out.add(start(tx, starts));
        }
        if (!interims.isEmpty()) {
            out.add(interim(tx, interims));
        }
        if (!stops.isEmpty()) {
            out.add(stop(tx, stops));
        }
        List<RadacctValues> extended = withAddress(starts, interims);
        if (!extended.isEmpty()) {
            leases.add(LeaseStatements.extendAll(tx, column(extended, RadacctValues::framedIpAddress),
                    column(extended, RadacctValues::nasIpAddress), column(extended, RadacctValues::userName),
                    leaseTime));
        }
        List<RadacctValues> freed = withAddress(stops, List.of());
        if (!freed.isEmpty()) {
            leases.add(LeaseStatements.freeAll(tx, column(freed, RadacctValues::framedIpAddress),
                    column(freed, RadacctValues::userName)));
        }
    }

    /**
     * Start: insert the session; on a conflicting acctuniqueid refresh start/update time and connectinfo_start
     * (FreeRADIUS refreshes the open row, and failing that the closed one: either way the row is refreshed).
     */
    private static Query start(DSLContext tx, List<RadacctValues> records) {
        Map<Field<?>, Field<?>> row = row(RadacctRows.EVENT_TIME, RadacctRows.EVENT_TIME, null,
                DSL.inline(0L), DSL.inline(0L), DSL.inline(0L), null);
        return tx.with(RadacctRows.of(records))
                .insertInto(RADACCT).columns(row.keySet())
                .select(DSL.select(row.values()).from(RadacctRows.V))
                .onConflict(RADACCT.ACCTUNIQUEID)
                .doUpdate()
                .set(RADACCT.ACCTSTARTTIME, DSL.excluded(RADACCT.ACCTSTARTTIME))
                .set(RADACCT.ACCTUPDATETIME, DSL.excluded(RADACCT.ACCTUPDATETIME))
                .set(RADACCT.CONNECTINFO_START, DSL.excluded(RADACCT.CONNECTINFO_START));
    }

    /** Update the open row; if there is none, the Start was lost: insert it (start = update = the event). */
    private static Query interim(DSLContext tx, List<RadacctValues> records) {
        Map<Field<?>, Field<?>> set = addresses();
        set.put(RADACCT.ACCTSESSIONTIME, RadacctRows.SESSION_TIME);
        set.put(RADACCT.ACCTINTERVAL, RadacctRows.secondsSinceEvent(
                DSL.coalesce(RADACCT.ACCTUPDATETIME, RADACCT.ACCTSTARTTIME)));
        set.put(RADACCT.ACCTUPDATETIME, RadacctRows.EVENT_TIME);
        set.put(RADACCT.ACCTINPUTOCTETS, RadacctRows.INPUT_OCTETS);
        set.put(RADACCT.ACCTOUTPUTOCTETS, RadacctRows.OUTPUT_OCTETS);
        CommonTableExpression<Record1<String>> updated = updateOpen("updated", set);
        Map<Field<?>, Field<?>> row = row(RadacctRows.EVENT_TIME, RadacctRows.EVENT_TIME, null,
                RadacctRows.SESSION_TIME, RadacctRows.INPUT_OCTETS, RadacctRows.OUTPUT_OCTETS, null);
        return tx.with(RadacctRows.of(records)).with(updated)
                .insertInto(RADACCT).columns(row.keySet())
                .select(DSL.select(row.values()).from(RadacctRows.V).where(notIn(updated)))
                .onConflict(RADACCT.ACCTUNIQUEID)
                .doNothing();
    }

    /**
     * Close the open row; if there is none insert it closed with start = event − Acct-Session-Time (FreeRADIUS's
     * fall-back insert puts Connect-Info into connectinfo_start); if that conflicts (a retransmission, or closed as
     * stale or by Accounting-On) update the closed row with the same values again.
     */
    private static Query stop(DSLContext tx, List<RadacctValues> records) {
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
        CommonTableExpression<Record1<String>> updated = updateOpen("updated", set);
        Field<OffsetDateTime> start = RadacctRows.timestamp(RadacctRows.EVENT.minus(
                DSL.coalesce(RadacctRows.SESSION_TIME, DSL.val(0L))));
        Map<Field<?>, Field<?>> row = row(start, RadacctRows.EVENT_TIME, RadacctRows.EVENT_TIME,
                RadacctRows.SESSION_TIME, RadacctRows.INPUT_OCTETS, RadacctRows.OUTPUT_OCTETS,
                RadacctRows.TERMINATE_CAUSE);
        CommonTableExpression<Record1<String>> inserted = DSL.name("inserted").fields("acctuniqueid").as(
                DSL.insertInto(RADACCT).columns(row.keySet())
                        .select(DSL.select(row.values()).from(RadacctRows.V).where(notIn(updated)))
                        .onConflict(RADACCT.ACCTUNIQUEID)
                        .doNothing()
                        .returningResult(RADACCT.ACCTUNIQUEID));
        return tx.with(RadacctRows.of(records)).with(updated).with(inserted)
                .update(RADACCT).set(set)
                .from(RadacctRows.V)
                .where(RADACCT.ACCTUNIQUEID.eq(RadacctRows.UNIQUE_ID))
                .and(notIn(updated))
                .and(notIn(inserted));
    }

    /** The open rows of {@code v}'s sessions, updated; the CTE returns their acctuniqueid. */
    private static CommonTableExpression<Record1<String>> updateOpen(String name, Map<Field<?>, Field<?>> set) {
        return DSL.name(name).fields("acctuniqueid").as(DSL.update(RADACCT).set(set)
                .from(RadacctRows.V)
                .where(RADACCT.ACCTUNIQUEID.eq(RadacctRows.UNIQUE_ID))
                .and(RADACCT.ACCTSTOPTIME.isNull())
                .returningResult(RADACCT.ACCTUNIQUEID));
    }

    /** {@code v}'s session is not among those the CTE {@code changed} returned. */
    private static Condition notIn(CommonTableExpression<Record1<String>> changed) {
        return DSL.notExists(DSL.selectOne().from(changed)
                .where(changed.field(0, String.class).eq(RadacctRows.UNIQUE_ID)));
    }

    /**
     * Accounting-On/Off: close every open row of the NAS started no later than the event, record its reload time
     * in nasreload and free its radippool leases.
     */
    void nasReboot(DSLContext tx, RadacctValues v, List<Query> out) {
        out.add(tx.update(RADACCT)
                .set(RADACCT.ACCTSTOPTIME, v.event())
                .set(RADACCT.ACCTUPDATETIME, v.event())
                .set(RADACCT.ACCTSESSIONTIME, DSL.field("cast({0} - extract(epoch from {1}) as bigint)",
                        SQLDataType.BIGINT, DSL.val(v.eventEpoch()), RADACCT.ACCTSTARTTIME))
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

    /** Every column of FreeRADIUS's column_list, for the inserts, as expressions over {@code v}. */
    private static Map<Field<?>, Field<?>> row(Field<OffsetDateTime> start, Field<OffsetDateTime> update,
            @Nullable Field<OffsetDateTime> stop, Field<Long> sessionTime, Field<Long> input, Field<Long> output,
            @Nullable Field<String> terminateCause) {
        Map<Field<?>, Field<?>> row = new LinkedHashMap<>();
        row.put(RADACCT.ACCTSESSIONID, RadacctRows.SESSION_ID);
        row.put(RADACCT.ACCTUNIQUEID, RadacctRows.UNIQUE_ID);
        row.put(RADACCT.USERNAME, RadacctRows.USER_NAME);
        row.put(RADACCT.REALM, RadacctRows.REALM);
        row.put(RADACCT.NASIPADDRESS, RadacctRows.inet(RadacctRows.NAS_IP_ADDRESS));
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
        set.put(RADACCT.FRAMEDIPADDRESS, RadacctRows.inet(RadacctRows.FRAMED_IP_ADDRESS));
        set.put(RADACCT.FRAMEDIPV6ADDRESS, RadacctRows.inet(RadacctRows.FRAMED_IPV6_ADDRESS));
        set.put(RADACCT.FRAMEDIPV6PREFIX, RadacctRows.inet(RadacctRows.FRAMED_IPV6_PREFIX));
        set.put(RADACCT.FRAMEDINTERFACEID, RadacctRows.FRAMED_INTERFACE_ID);
        set.put(RADACCT.DELEGATEDIPV6PREFIX, RadacctRows.inet(RadacctRows.DELEGATED_IPV6_PREFIX));
        return set;
    }

    /** The records that carry a Framed-IP-Address (sqlippool's updates match the lease by it). */
    private static List<RadacctValues> withAddress(List<RadacctValues> first, List<RadacctValues> second) {
        List<RadacctValues> out = new ArrayList<>(first.size() + second.size());
        for (List<RadacctValues> records : List.of(first, second)) {
            for (RadacctValues v : records) {
                if (v.framedIpAddress() != null) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    private static String[] column(List<RadacctValues> records, Function<RadacctValues, String> value) {
        String[] out = new String[records.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = value.apply(records.get(i));
        }
        return out;
    }

    /** An inet parameter: the generated columns are of PostgreSQL's own type, bound as text and cast. */
    static Field<Object> inet(@Nullable String address) {
        return DSL.field("cast({0} as inet)", Object.class, DSL.val(address, SQLDataType.VARCHAR));
    }
}
