package org.pirog.radius.backend.postgres.pool;

import static org.pirog.radius.backend.postgres.schema.Tables.RADIPPOOL;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.UpdateConditionStep;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.pirog.radius.backend.postgres.schema.tables.records.RadippoolRecord;

/**
 * sqlippool's lease updates, the one place they are written: accounting adds them to its transactions (Start and
 * Interim-Update extend a session's lease, Stop frees it, Accounting-On/Off frees every lease of the NAS), the
 * stale-session closer frees the leases of the sessions it closes, and {@link SqlIpPool} runs them on its own.
 * Addresses are bound as text and cast to {@code inet}.
 */
public final class LeaseStatements {
    private LeaseStatements() {
    }

    /** Start and Interim-Update: the session's address stays leased for another {@code leaseTime}. */
    public static UpdateConditionStep<RadippoolRecord> extend(DSLContext tx, String framedIp, String nasIp,
            String userName, Duration leaseTime) {
        return tx.update(RADIPPOOL)
                .set(RADIPPOOL.EXPIRY_TIME, leaseEnd(leaseTime))
                .where(RADIPPOOL.FRAMEDIPADDRESS.eq(inet(framedIp)))
                .and(RADIPPOOL.NASIPADDRESS.eq(nasIp))
                .and(RADIPPOOL.USERNAME.eq(userName));
    }

    /** Stop: the address is free, and keeps its owner for the next sticky allocation. */
    public static UpdateConditionStep<RadippoolRecord> free(DSLContext tx, String framedIp, String userName) {
        return tx.update(RADIPPOOL)
                .set(RADIPPOOL.EXPIRY_TIME, expired())
                .where(RADIPPOOL.FRAMEDIPADDRESS.eq(inet(framedIp)))
                .and(RADIPPOOL.USERNAME.eq(userName));
    }

    /**
     * {@link #extend} for many sessions in one statement: the i-th address, NAS and user name are one session's
     * ({@code UPDATE … FROM unnest(…)}, so the SQL text is the same for any number of sessions).
     */
    public static Query extendAll(DSLContext tx, String[] framedIps, String[] nasIps, String[] userNames,
            Duration leaseTime) {
        Table<Record> sessions = sessions(framedIps, nasIps, userNames);
        return tx.update(RADIPPOOL)
                .set(RADIPPOOL.EXPIRY_TIME, leaseEnd(leaseTime))
                .from(sessions)
                .where(RADIPPOOL.FRAMEDIPADDRESS.eq(inet(session(0))))
                .and(RADIPPOOL.NASIPADDRESS.eq(session(1)))
                .and(RADIPPOOL.USERNAME.eq(session(2)));
    }

    /** {@link #free} for many sessions in one statement: the i-th address and user name are one session's. */
    public static Query freeAll(DSLContext tx, String[] framedIps, String[] userNames) {
        Table<Record> sessions = sessions(framedIps, userNames);
        return tx.update(RADIPPOOL)
                .set(RADIPPOOL.EXPIRY_TIME, expired())
                .from(sessions)
                .where(RADIPPOOL.FRAMEDIPADDRESS.eq(inet(session(0))))
                .and(RADIPPOOL.USERNAME.eq(session(1)));
    }

    /** {@code unnest(?, …) AS s(c0, c1, …)}: row i holds the i-th element of each array. */
    private static Table<Record> sessions(String[]... columns) {
        List<Field<String[]>> arrays = new ArrayList<>(columns.length);
        String[] names = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            arrays.add(DSL.val(columns[i], SQLDataType.CLOB.array()));
            names[i] = "c" + i;
        }
        return DSL.table("unnest({0})", DSL.list(arrays)).as("s", names);
    }

    /** The i-th column of {@link #sessions}. */
    private static Field<String> session(int i) {
        return DSL.field(DSL.name("s", "c" + i), SQLDataType.CLOB);
    }

    /** Accounting-On/Off: every address leased to sessions of that NAS is free. */
    public static UpdateConditionStep<RadippoolRecord> freeNas(DSLContext tx, String nasIp) {
        return tx.update(RADIPPOOL)
                .set(RADIPPOOL.EXPIRY_TIME, expired())
                .where(RADIPPOOL.NASIPADDRESS.eq(nasIp));
    }

    /** Now plus the lease time, in whole seconds as sqlippool keeps it. */
    static Field<LocalDateTime> leaseEnd(Duration leaseTime) {
        return DSL.field("localtimestamp(0) + make_interval(secs => {0})", SQLDataType.LOCALDATETIME(0),
                DSL.val((double) leaseTime.toSeconds()));
    }

    /** One second in the past, as sqlippool frees: free from now on, even within this second. */
    public static Field<LocalDateTime> expired() {
        return DSL.field("localtimestamp(0) - interval '1 second'", SQLDataType.LOCALDATETIME(0));
    }

    /** An inet parameter: bound as text and cast. */
    static Field<Object> inet(String address) {
        return inet(DSL.val(address, SQLDataType.VARCHAR));
    }

    private static Field<Object> inet(Field<String> address) {
        return DSL.field("cast({0} as inet)", Object.class, address);
    }
}
