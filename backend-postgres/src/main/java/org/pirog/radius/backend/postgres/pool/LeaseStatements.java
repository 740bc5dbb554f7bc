package org.pirog.radius.backend.postgres.pool;

import static org.pirog.radius.backend.postgres.schema.Tables.RADIPPOOL;

import java.time.Duration;
import java.time.LocalDateTime;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.UpdateConditionStep;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.pirog.radius.backend.postgres.Inet;
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
                .where(RADIPPOOL.FRAMEDIPADDRESS.eq(Inet.of(framedIp)))
                .and(RADIPPOOL.NASIPADDRESS.eq(nasIp))
                .and(RADIPPOOL.USERNAME.eq(userName));
    }

    /** Stop: the address is free, and keeps its owner for the next sticky allocation. */
    public static UpdateConditionStep<RadippoolRecord> free(DSLContext tx, String framedIp, String userName) {
        return tx.update(RADIPPOOL)
                .set(RADIPPOOL.EXPIRY_TIME, expired())
                .where(RADIPPOOL.FRAMEDIPADDRESS.eq(Inet.of(framedIp)))
                .and(RADIPPOOL.USERNAME.eq(userName));
    }

    /**
     * {@link #extend} for many sessions in one statement, the sessions being rows of {@code sessions} (which the
     * caller's statement defines): {@code UPDATE radippool … FROM sessions WHERE …}, not attached to a connection
     * (it is meant to be part of a larger statement).
     */
    public static UpdateConditionStep<RadippoolRecord> extendFrom(Table<?> sessions,
            Field<String> framedIp, Field<String> nasIp, Field<String> userName, Duration leaseTime) {
        return DSL.update(RADIPPOOL)
                .set(RADIPPOOL.EXPIRY_TIME, leaseEnd(leaseTime))
                .from(sessions)
                .where(RADIPPOOL.FRAMEDIPADDRESS.eq(Inet.of(framedIp)))
                .and(RADIPPOOL.NASIPADDRESS.eq(nasIp))
                .and(RADIPPOOL.USERNAME.eq(userName));
    }

    /** {@link #free} for many sessions in one statement, as {@link #extendFrom}. */
    public static UpdateConditionStep<RadippoolRecord> freeFrom(Table<?> sessions,
            Field<String> framedIp, Field<String> userName) {
        return DSL.update(RADIPPOOL)
                .set(RADIPPOOL.EXPIRY_TIME, expired())
                .from(sessions)
                .where(RADIPPOOL.FRAMEDIPADDRESS.eq(Inet.of(framedIp)))
                .and(RADIPPOOL.USERNAME.eq(userName));
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
                DSL.inline((double) leaseTime.toSeconds()));
    }

    /** One second in the past, as sqlippool frees: free from now on, even within this second. */
    public static Field<LocalDateTime> expired() {
        return DSL.field("localtimestamp(0) - interval '1 second'", SQLDataType.LOCALDATETIME(0));
    }


}
