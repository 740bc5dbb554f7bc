package org.pirog.radius.backend.postgres.accounting;

import static org.pirog.radius.backend.postgres.schema.Tables.NASRELOAD;
import static org.pirog.radius.backend.postgres.schema.Tables.RADACCT;
import static org.pirog.radius.backend.postgres.schema.Tables.RADIPPOOL;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;
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
 * (The pool code is moving to its own package; these two lease statements will go with it.)
 */
final class RadacctStatements {
    static final String NAS_REBOOT = "NAS-Reboot";

    private final Duration leaseTime;

    RadacctStatements(Duration leaseTime) {
        this.leaseTime = Objects.requireNonNull(leaseTime, "leaseTime");
    }

    /** Runs the record's statements in the caller's transaction. */
    void write(DSLContext tx, AccountingRecord record) {
        switch (record.statusType()) {
            case START -> {
                RadacctValues v = RadacctValues.of(record);
                start(tx, v);
                extendLease(tx, v);
            }
            case INTERIM_UPDATE -> {
                RadacctValues v = RadacctValues.of(record);
                interim(tx, v);
                extendLease(tx, v);
            }
            case STOP -> {
                RadacctValues v = RadacctValues.of(record);
                stop(tx, v);
                freeLease(tx, v);
            }
            case ACCOUNTING_ON, ACCOUNTING_OFF -> nasReboot(tx, RadacctValues.of(record));
            default -> {
                // Tunnel records and Failed: FreeRADIUS's default queries store nothing for them.
            }
        }
    }

    private static void start(DSLContext tx, RadacctValues v) {
        Map<Field<?>, Object> refresh = new LinkedHashMap<>();
        refresh.put(RADACCT.ACCTSTARTTIME, v.event());
        refresh.put(RADACCT.ACCTUPDATETIME, v.event());
        refresh.put(RADACCT.CONNECTINFO_START, v.connectInfo());
        int changed = tx.insertInto(RADACCT)
                .set(row(v, v.event(), v.event(), null, 0L, 0L, 0L, null))
                .onConflict(RADACCT.ACCTUNIQUEID)
                .doUpdate()
                .set(refresh)
                .where(RADACCT.ACCTSTOPTIME.isNull())
                .execute();
        if (changed == 0) {
            // The row is closed already (the Stop arrived first): FreeRADIUS's second Start query.
            tx.update(RADACCT).set(refresh).where(RADACCT.ACCTUNIQUEID.eq(v.uniqueId())).execute();
        }
    }

    private static void interim(DSLContext tx, RadacctValues v) {
        Map<Field<?>, Object> set = addresses(v);
        set.put(RADACCT.ACCTSESSIONTIME, v.sessionTimeOrNull());
        set.put(RADACCT.ACCTINTERVAL, secondsSince(v, DSL.coalesce(RADACCT.ACCTUPDATETIME, RADACCT.ACCTSTARTTIME)));
        set.put(RADACCT.ACCTUPDATETIME, v.event());
        set.put(RADACCT.ACCTINPUTOCTETS, v.inputOctets());
        set.put(RADACCT.ACCTOUTPUTOCTETS, v.outputOctets());
        int changed = tx.update(RADACCT).set(set)
                .where(RADACCT.ACCTUNIQUEID.eq(v.uniqueId()))
                .and(RADACCT.ACCTSTOPTIME.isNull())
                .execute();
        if (changed == 0) {
            // The Start was lost: the Interim-Update opens the row (start = update = the event, as FreeRADIUS).
            tx.insertInto(RADACCT)
                    .set(row(v, v.event(), v.event(), null, v.sessionTimeOrNull(), v.inputOctets(), v.outputOctets(),
                            null))
                    .onConflict(RADACCT.ACCTUNIQUEID)
                    .doNothing()
                    .execute();
        }
    }

    private static void stop(DSLContext tx, RadacctValues v) {
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
        int changed = tx.update(RADACCT).set(set)
                .where(RADACCT.ACCTUNIQUEID.eq(v.uniqueId()))
                .and(RADACCT.ACCTSTOPTIME.isNull())
                .execute();
        if (changed > 0) {
            return;
        }
        // No open row: the Start and Interims were lost. FreeRADIUS's fall-back insert puts Connect-Info into
        // connectinfo_start and none into connectinfo_stop.
        OffsetDateTime start = v.event().minusSeconds(Math.max(0, v.sessionTime()));
        changed = tx.insertInto(RADACCT)
                .set(row(v, start, v.event(), v.event(), v.sessionTimeOrNull(), v.inputOctets(), v.outputOctets(),
                        v.terminateCause()))
                .onConflict(RADACCT.ACCTUNIQUEID)
                .doNothing()
                .execute();
        if (changed == 0) {
            // Closed already (a retransmission, or closed as stale or by Accounting-On): the same values again.
            tx.update(RADACCT).set(set).where(RADACCT.ACCTUNIQUEID.eq(v.uniqueId())).execute();
        }
    }

    private void nasReboot(DSLContext tx, RadacctValues v) {
        tx.update(RADACCT)
                .set(RADACCT.ACCTSTOPTIME, v.event())
                .set(RADACCT.ACCTUPDATETIME, v.event())
                .set(RADACCT.ACCTSESSIONTIME, secondsSince(v, RADACCT.ACCTSTARTTIME))
                .set(RADACCT.ACCTTERMINATECAUSE, v.terminateCause().isEmpty() ? NAS_REBOOT : v.terminateCause())
                .where(RADACCT.ACCTSTOPTIME.isNull())
                .and(RADACCT.NASIPADDRESS.eq(inet(v.nasIpAddress())))
                .and(RADACCT.ACCTSTARTTIME.le(v.event()))
                .execute();
        Map<Field<?>, Object> reload = new LinkedHashMap<>();
        reload.put(NASRELOAD.NASIPADDRESS, inet(v.nasIpAddress()));
        reload.put(NASRELOAD.RELOADTIME, v.event());
        tx.insertInto(NASRELOAD).set(reload)
                .onConflict(NASRELOAD.NASIPADDRESS)
                .doUpdate()
                .set(NASRELOAD.RELOADTIME, v.event())
                .execute();
        tx.update(RADIPPOOL)
                .set(RADIPPOOL.EXPIRY_TIME, expired())
                .where(RADIPPOOL.NASIPADDRESS.eq(v.nasIpAddress()))
                .execute();
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
    private void extendLease(DSLContext tx, RadacctValues v) {
        if (v.framedIpAddress() == null) {
            return;
        }
        tx.update(RADIPPOOL)
                .set(RADIPPOOL.EXPIRY_TIME, DSL.field("localtimestamp(0) + make_interval(secs => {0})",
                        SQLDataType.LOCALDATETIME(0), DSL.val((double) leaseTime.toSeconds())))
                .where(RADIPPOOL.FRAMEDIPADDRESS.eq(inet(v.framedIpAddress())))
                .and(RADIPPOOL.NASIPADDRESS.eq(v.nasIpAddress()))
                .and(RADIPPOOL.USERNAME.eq(v.userName()))
                .execute();
    }

    /** sqlippool's clear: Stop frees the address (and keeps its owner, for the next sticky allocation). */
    private static void freeLease(DSLContext tx, RadacctValues v) {
        if (v.framedIpAddress() == null) {
            return;
        }
        tx.update(RADIPPOOL)
                .set(RADIPPOOL.EXPIRY_TIME, expired())
                .where(RADIPPOOL.FRAMEDIPADDRESS.eq(inet(v.framedIpAddress())))
                .and(RADIPPOOL.USERNAME.eq(v.userName()))
                .execute();
    }

    /** One second in the past, as sqlippool's clear query writes it: free from now on, even within this second. */
    static Field<LocalDateTime> expired() {
        return DSL.field("localtimestamp(0) - interval '1 second'", SQLDataType.LOCALDATETIME(0));
    }

    /** An inet parameter: the generated columns are of PostgreSQL's own type, bound as text and cast. */
    static Field<Object> inet(@Nullable String address) {
        return DSL.field("cast({0} as inet)", Object.class, DSL.val(address, SQLDataType.VARCHAR));
    }
}
