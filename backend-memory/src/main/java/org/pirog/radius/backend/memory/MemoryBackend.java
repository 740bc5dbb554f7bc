package org.pirog.radius.backend.memory;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.backend.memory.detail.DetailWriter;
import org.pirog.radius.backend.memory.pool.AddressPool;
import org.pirog.radius.backend.memory.pool.AddressPools;
import org.pirog.radius.backend.memory.session.Session;
import org.pirog.radius.backend.memory.session.SessionTable;
import org.pirog.radius.backend.memory.users.UsersFile;
import org.pirog.radius.core.accounting.AccountingRecord;
import org.pirog.radius.core.backend.AccessRequest;
import org.pirog.radius.core.backend.AccountState;
import org.pirog.radius.core.backend.Authorization;
import org.pirog.radius.core.backend.Backend;
import org.pirog.radius.core.backend.BackendException;
import org.pirog.radius.core.backend.Lease;
import org.pirog.radius.core.backend.LeaseRequest;
import org.pirog.radius.core.backend.SessionLimits;
import org.pirog.radius.core.backend.Threading;
import org.pirog.radius.core.nas.Nas;
import org.pirog.radius.core.policy.Expansion;
import org.pirog.radius.core.policy.PolicyContext;
import org.pirog.radius.core.policy.PolicyItem;

/**
 * Accounts from a FreeRADIUS {@code users} file, address pools and sessions in memory, and optionally a
 * FreeRADIUS-format detail file of every accounting record.
 *
 * <p>Authorize is a hash lookup of the user's entries plus the DEFAULT entries, matched as rlm_files does (see
 * {@link UsersFile}); the control and reply lists come back with their {@code %{…}} already expanded for the
 * request. Sessions and leases follow accounting: Start opens a session and binds its Framed-IP-Address,
 * Interim-Update refreshes it (or opens it when the Start was lost), Stop closes it and frees its address,
 * Accounting-On/Off closes every session of that NAS-IP-Address and frees their addresses. A retransmitted record
 * changes nothing. Nothing is kept across restarts: after one, sessions are known again from their next
 * Interim-Update.
 *
 * <p>Threading: everything answers from memory without blocking ({@link Threading#INLINE}). With a detail file,
 * the stage {@link #account} returns completes once the writer's thread has written and flushed the record;
 * records arriving together share one write and flush (see {@link DetailWriter}).
 */
public final class MemoryBackend implements Backend {
    private static final CompletionStage<Void> STORED = CompletableFuture.completedFuture(null);

    private final UsersFile users;
    private final AddressPools pools;
    private final SessionTable sessions = new SessionTable();
    private final @Nullable DetailWriter detail;
    private final Clock clock;

    /**
     * @param users  the accounts
     * @param pools  the address pools
     * @param detail where accounting records are written, or null
     * @param clock  the clock (and time zone) of Expiration-style dates and expansions
     */
    public MemoryBackend(UsersFile users, AddressPools pools, @Nullable DetailWriter detail, Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.pools = Objects.requireNonNull(pools, "pools");
        this.detail = detail;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Threading threading() {
        return Threading.INLINE;
    }



    @Override
    public @Nullable Authorization authorize(AccessRequest request) {
        String userName = request.userName();
        PolicyContext context = new PolicyContext(request.packet(), request.source().getAddress(),
                request.received(), clock.getZone());
        if (!users.apply(userName, context)) {
            return null;
        }
        return new Authorization(userName, Expansion.plain(context.control().items()),
                Expansion.plain(context.reply().items()),
                AccountState.ACTIVE, SessionLimits.UNLIMITED);
    }



    @Override
    public CompletionStage<Void> account(AccountingRecord record) {
        apply(record);
        // The detail writer's thread completes the stage once the record is written and flushed.
        return detail == null ? STORED : detail.submit(record);
    }

    private void apply(AccountingRecord record) {
        InetAddress framed = record.framedIpAddress();
        switch (record.statusType()) {
            case START -> {
                sessions.start(session(record));
                if (framed != null) {
                    pools.bind(framed, record.userName(), AddressPools.nasNumber(record.nasIpAddress()),
                            record.uniqueSessionId());
                }
            }
            case INTERIM_UPDATE -> {
                if (sessions.update(session(record)) && framed != null) {
                    pools.bind(framed, record.userName(), AddressPools.nasNumber(record.nasIpAddress()),
                            record.uniqueSessionId());
                }
            }
            case STOP -> {
                Session stopped = sessions.stop(record.uniqueSessionId(), record.received());
                InetAddress address = framed != null ? framed : stopped == null ? null : stopped.framedIp();
                if (address != null) {
                    pools.endSession(address, record.userName(), record.uniqueSessionId());
                }
            }
            case ACCOUNTING_ON, ACCOUNTING_OFF -> {
                sessions.stopNas(record.nasIpAddress(), record.received());
                pools.releaseNas(record.nasIpAddress(), client(record.nas()));
            }
            default -> {
                // Tunnel records and other types are only written to the detail file.
            }
        }
    }

    @Override
    public @Nullable Lease allocate(LeaseRequest request) {
        AddressPool pool = pools.pool(request.pool());
        if (pool == null) {
            return null;
        }
        InetAddress address = pool.allocate(request.userName(), request.nas().name());
        return address == null ? null : new Lease(pool.name(), address);
    }

    @Override
    public void release(Lease lease) {
        AddressPool pool = pools.pool(lease.pool());
        if (pool != null) {
            pool.release(lease.address());
        }
    }

    @Override
    public int openSessions(String userName) {
        return sessions.count(userName);
    }

    /** The open sessions, for status pages and tests. */
    public List<Session> sessions() {
        return sessions.sessions();
    }

    @Override
    public void close() throws InterruptedException {
        if (detail != null) {
            detail.close();
        }
    }

    private static Session session(AccountingRecord record) {
        return new Session(record.uniqueSessionId(), record.userName(), record.nasIpAddress(),
                record.framedIpAddress(), record.received(), record.received());
    }

    /**
     * The client whose offers an Accounting-On/Off frees: only a client that is one host speaks for all its
     * offers; a client defined for a network may be many NASes.
     */
    private static @Nullable String client(Nas nas) {
        return nas.network().isHost() ? nas.name() : null;
    }
}
