package org.pirog.radius.backend.postgres.pool;

import static org.pirog.radius.backend.postgres.schema.Tables.RADIPPOOL;
import static org.pirog.radius.backend.postgres.schema.Tables.RADREPLY;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.backend.postgres.Inet;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.core.accounting.AccountingRecord;
import org.pirog.radius.core.backend.AccessRequest;
import org.pirog.radius.core.backend.Lease;
import org.pirog.radius.core.backend.LeaseRequest;
import org.pirog.radius.core.policy.Expansion;
import org.pirog.radius.core.policy.PolicyContext;
import org.pirog.radius.core.policy.PolicyException;

/**
 * Address leases in radippool as FreeRADIUS 3.2's sqlippool hands them out (its behaviour, not its queries):
 * <ol>
 *   <li><b>Sticky</b>: the row this pool last gave to the same NAS (NAS-IP-Address) and pool key ({@code pool_key},
 *       by default {@code %{NAS-Port}} as in sqlippool), whether or not it has expired: the same port asks
 *       again. Unlike sqlippool, an empty key is no key: a NAS that sends no NAS-Port would otherwise get one
 *       address for all its sessions. Then (a Pirog addition) the expired row this user had last.</li>
 *   <li>Otherwise <b>the oldest expired row</b> of the pool.</li>
 * </ol>
 * Each step is one {@code UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED)}: a row another transaction (on
 * any server) is taking is skipped, never waited for, and never handed out twice.
 *
 * <p>An address some user has as a fixed {@code Framed-IP-Address} in radreply is never handed out, whatever
 * radippool says: every step adds {@code NOT EXISTS (SELECT 1 FROM radreply WHERE attribute =
 * 'Framed-IP-Address' AND value = host(radippool.framedipaddress))}, a text comparison (radreply values are text,
 * and one malformed value must not break every allocation).
 *
 * <p>Accounting keeps a lease: {@link #extend} on Start and Interim-Update, {@link #free} on Stop,
 * {@link #freeNas} on Accounting-On/Off. They run inside the caller's transaction. Thread-safe.
 */
public final class SqlIpPool {
    /** sqlippool's default {@code pool_key}. */
    public static final String DEFAULT_POOL_KEY = "%{NAS-Port}";
    private static final String FRAMED_IP_ADDRESS = "Framed-IP-Address";
    /**
     * How many times an allocation tries again when its row was taken between the snapshot and the lock (the
     * re-checked row no longer qualifies and the statement returns nothing although other rows are free).
     */
    private static final int ATTEMPTS = 8;

    private final Duration leaseTime;
    private final Expansion poolKey;
    private final ZoneId zone;
    private final @Nullable AttributeDefinition nasIpAddress;

    public SqlIpPool(Duration leaseTime, Expansion poolKey, Dictionary dictionary, ZoneId zone) {
        this.leaseTime = Objects.requireNonNull(leaseTime, "leaseTime");
        this.poolKey = Objects.requireNonNull(poolKey, "poolKey");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.nasIpAddress = dictionary.attribute("NAS-IP-Address");
    }

    /** Parses a {@code pool_key} template such as {@code %{NAS-Port}} or {@code %{Calling-Station-Id}}. */
    public static Expansion poolKey(String template, Dictionary dictionary) throws PolicyException {
        return Expansion.parse(template, dictionary);
    }

    /** Leases an address from {@code request.pool()}, or returns null when none is free. */
    public @Nullable Lease allocate(DSLContext dsl, LeaseRequest request) {
        AccessRequest access = request.request();
        String nas = access == null ? request.nas().network().address().getHostAddress()
                : nasAddress(access.packet(), access.source().getAddress()).getHostAddress();
        String key = access == null ? "" : key(access.packet(), access.source().getAddress(), access.received());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            @Nullable String leased = null;
            if (!key.isEmpty()) {
                leased = take(dsl, request, nas, key, RADIPPOOL.NASIPADDRESS.eq(nas).and(RADIPPOOL.POOL_KEY.eq(key)),
                        RADIPPOOL.EXPIRY_TIME.desc());
            }
            if (leased == null) {
                leased = take(dsl, request, nas, key, RADIPPOOL.USERNAME.eq(request.userName())
                        .and(RADIPPOOL.EXPIRY_TIME.lt(now())), RADIPPOOL.EXPIRY_TIME.desc());
            }
            if (leased == null) {
                leased = take(dsl, request, nas, key, RADIPPOOL.EXPIRY_TIME.lt(now()), RADIPPOOL.EXPIRY_TIME.asc());
            }
            if (leased != null) {
                return new Lease(request.pool(), address(leased));
            }
            if (!dsl.fetchExists(RADIPPOOL, RADIPPOOL.POOL_NAME.eq(request.pool())
                    .and(RADIPPOOL.EXPIRY_TIME.lt(now())).and(notFixed()))) {
                return null;
            }
            // A free row exists but every one we saw was being taken: look again with a fresh snapshot.
        }
        return null;
    }

    private @Nullable String take(DSLContext dsl, LeaseRequest request, String nas, String key, Condition which,
            SortField<?> order) {
        var candidate = DSL.select(RADIPPOOL.ID).from(RADIPPOOL)
                .where(RADIPPOOL.POOL_NAME.eq(request.pool()))
                .and(which)
                .and(notFixed())
                .orderBy(order)
                .limit(1);
        Record1<String> leased = dsl.update(RADIPPOOL)
                .set(RADIPPOOL.NASIPADDRESS, nas)
                .set(RADIPPOOL.POOL_KEY, key)
                .set(RADIPPOOL.USERNAME, request.userName())
                .set(RADIPPOOL.CALLINGSTATIONID, request.callingStationId())
                .set(RADIPPOOL.EXPIRY_TIME, leaseEnd())
                .where(RADIPPOOL.ID.eq(candidate.forUpdate().skipLocked()))
                .returningResult(DSL.field("host({0})", String.class, RADIPPOOL.FRAMEDIPADDRESS))
                .fetchOne();
        return leased == null ? null : leased.value1();
    }

    /** Not the fixed address of any user (radreply Framed-IP-Address). */
    private static Condition notFixed() {
        return DSL.notExists(DSL.selectOne().from(RADREPLY)
                .where(RADREPLY.ATTRIBUTE.eq(FRAMED_IP_ADDRESS))
                .and(RADREPLY.VALUE.eq(DSL.field("host({0})", String.class, RADIPPOOL.FRAMEDIPADDRESS))));
    }

    /** Frees a lease whose Access-Accept was not sent. */
    public void release(DSLContext dsl, Lease lease) {
        dsl.update(RADIPPOOL)
                .set(RADIPPOOL.EXPIRY_TIME, expired())
                .where(RADIPPOOL.POOL_NAME.eq(lease.pool()))
                .and(RADIPPOOL.FRAMEDIPADDRESS.eq(inet(lease.address())))
                .execute();
    }

    /**
     * sqlippool's update on Start and Interim-Update: the session's address stays leased for another lease time.
     * Matches the NAS, the address and the user (the pool key is left out: the address already names the row).
     */
    public void extend(DSLContext tx, AccountingRecord record) {
        InetAddress framed = record.framedIpAddress();
        if (framed != null) {
            LeaseStatements.extend(tx, framed.getHostAddress(), record.nasIpAddress().getHostAddress(),
                    record.userName(), leaseTime).execute();
        }
    }

    /** sqlippool's clear on Stop: the address is free, and keeps its owner for the next sticky allocation. */
    public void free(DSLContext tx, AccountingRecord record) {
        InetAddress framed = record.framedIpAddress();
        if (framed != null) {
            LeaseStatements.free(tx, framed.getHostAddress(), record.userName()).execute();
        }
    }

    /** sqlippool's clear on Accounting-On/Off: every address leased to sessions of that NAS is free. */
    public void freeNas(DSLContext tx, InetAddress nas) {
        LeaseStatements.freeNas(tx, nas.getHostAddress()).execute();
    }

    /** The pool key of a request, empty when its attributes are absent. */
    String key(RadiusPacket packet, InetAddress client, Instant time) {
        return poolKey.expand(new PolicyContext(packet, client, time, zone));
    }

    /** NAS-IP-Address, else the address the request came from, as accounting records it. */
    private InetAddress nasAddress(RadiusPacket packet, InetAddress source) {
        int i = nasIpAddress == null ? -1 : packet.indexOf(nasIpAddress);
        if (i < 0 || packet.valueLength(i) != 4) {
            return source;
        }
        try {
            return InetAddress.getByAddress(packet.copyValue(i));
        } catch (UnknownHostException impossible) {
            throw new AssertionError(impossible);
        }
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("radippool returned " + text, e);
        }
    }

    private static Field<java.time.LocalDateTime> now() {
        return DSL.field("localtimestamp(0)", SQLDataType.LOCALDATETIME(0));
    }

    private Field<java.time.LocalDateTime> leaseEnd() {
        return LeaseStatements.leaseEnd(leaseTime);
    }

    private static Field<java.time.LocalDateTime> expired() {
        return LeaseStatements.expired();
    }

    /** An inet parameter: bound as text and cast. */
    private static Field<Object> inet(InetAddress address) {
        return Inet.of(address.getHostAddress());
    }
}
