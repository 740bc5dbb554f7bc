package org.pirog.radius.backend.memory.session;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The open sessions, keyed by Acct-Unique-Session-Id and counted per user for Simultaneous-Use. A retransmitted
 * record changes nothing: a second Start of an open session and a second Stop are no-ops. An Interim-Update of an
 * unknown session opens it (its Start was lost), unless that session was stopped in the last
 * {@link #CLOSED_MEMORY}: then it is a late update, not a new session. Thread-safe; the count of one user is
 * changed only inside the session map's atomic per-key updates, so it never drifts.
 */
public final class SessionTable {
    /** How long a stopped session is remembered so that a late Interim-Update does not reopen it. */
    public static final Duration CLOSED_MEMORY = Duration.ofHours(1);
    /** Stopped sessions remembered at most; beyond it the oldest go first (Caffeine's size bound). */
    private static final long CLOSED_MAXIMUM = 100_000;

    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Set<String>> byUser = new ConcurrentHashMap<>();
    /** Bounded in time and size by Caffeine: no scan of the whole table on any Stop. */
    private final Cache<String, Instant> closed = Caffeine.newBuilder()
            .expireAfterWrite(CLOSED_MEMORY)
            .maximumSize(CLOSED_MAXIMUM)
            .executor(Runnable::run)
            .build();

    /** Accounting Start: opens the session unless it is open already. Returns whether it was new. */
    public boolean start(Session session) {
        boolean[] added = {false};
        sessions.compute(session.uniqueId(), (id, existing) -> {
            closed.invalidate(id);
            if (existing != null) {
                return existing.refreshed(session.updated(), session.framedIp());
            }
            added[0] = true;
            addToUser(session.userName(), id);
            return session;
        });
        return added[0];
    }

    /**
     * Accounting Interim-Update: refreshes the session, or opens it if its Start was lost. Returns whether the
     * session is open now (false for a late update of a stopped session).
     */
    public boolean update(Session session) {
        Session now = sessions.compute(session.uniqueId(), (id, existing) -> {
            if (existing != null) {
                return existing.refreshed(session.updated(), session.framedIp());
            }
            if (closed.getIfPresent(id) != null) {
                return null; // a late update of a stopped session
            }
            addToUser(session.userName(), id);
            return session;
        });
        return now != null;
    }

    /** Accounting Stop: closes the session; returns it, or null when it was not open. */
    public @Nullable Session stop(String uniqueId, Instant when) {
        Session[] removed = {null};
        // One atomic step per session id: an Interim-Update racing with this Stop either comes before it or
        // finds the session stopped.
        sessions.compute(uniqueId, (id, existing) -> {
            closed.put(id, when);
            if (existing != null) {
                removed[0] = existing;
                byUser.computeIfPresent(existing.userName(), (user, ids) -> {
                    ids.remove(id);
                    return ids.isEmpty() ? null : ids;
                });
            }
            return null;
        });
        return removed[0];
    }

    /** Accounting-On/Off: closes every session of that NAS and returns them. */
    public List<Session> stopNas(InetAddress nasIp, Instant when) {
        List<Session> stopped = new ArrayList<>();
        for (Map.Entry<String, Session> entry : sessions.entrySet()) {
            if (entry.getValue().nasIp().equals(nasIp)) {
                Session removed = stop(entry.getKey(), when);
                if (removed != null) {
                    stopped.add(removed);
                }
            }
        }
        return stopped;
    }

    /** The number of open sessions of the user. */
    public int count(String userName) {
        Set<String> ids = byUser.get(userName);
        return ids == null ? 0 : ids.size();
    }

    public @Nullable Session session(String uniqueId) {
        return sessions.get(uniqueId);
    }

    /** Every open session. */
    public List<Session> sessions() {
        return List.copyOf(sessions.values());
    }

    private void addToUser(String userName, String id) {
        byUser.compute(userName, (user, ids) -> {
            Set<String> set = ids != null ? ids : ConcurrentHashMap.newKeySet();
            set.add(id);
            return set;
        });
    }
}
