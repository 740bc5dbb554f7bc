package org.pirog.radius.backend.memory.pool;

import org.jspecify.annotations.Nullable;

/**
 * The state of one pool address; replaced as a whole by compare-and-set, never changed in place.
 *
 * @param state   free, offered (leased at Access-Accept, no accounting yet) or active (a session uses it)
 * @param user    the account that holds it, or last held it (for sticky leases); null if never leased
 * @param nas     the client name it was leased through (Accounting-On/Off of that client frees an offer)
 * @param nasIp   the NAS-IP-Address of the active session, or -1
 * @param session the Acct-Unique-Session-Id of the active session, or null
 * @param expires when an offer lapses, in milliseconds since the epoch
 * @param queued  an entry for this address waits in the pool's free queue
 */
record Slot(State state, @Nullable String user, @Nullable String nas, long nasIp, @Nullable String session,
        long expires, boolean queued) {

    enum State { FREE, OFFERED, ACTIVE }

    static final Slot NEW = new Slot(State.FREE, null, null, -1, null, 0, true);

    /** Whether a new lease may take it: free, or an offer nobody followed up in time. */
    boolean isAvailable(long now) {
        return state == State.FREE || (state == State.OFFERED && expires <= now);
    }

    Slot offered(String owner, String client, long until, boolean inQueue) {
        return new Slot(State.OFFERED, owner, client, -1, null, until, inQueue);
    }

    Slot active(String owner, long nasAddress, String uniqueSessionId) {
        return new Slot(State.ACTIVE, owner, nas, nasAddress, uniqueSessionId, 0, queued);
    }

    Slot freed(boolean inQueue) {
        return new Slot(State.FREE, user, null, -1, null, 0, inQueue);
    }

    Slot withQueued(boolean inQueue) {
        return new Slot(state, user, nas, nasIp, session, expires, inQueue);
    }
}
