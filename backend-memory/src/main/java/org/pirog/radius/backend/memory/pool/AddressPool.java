package org.pirog.radius.backend.memory.pool;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * One named pool of IPv4 addresses, leased without locks: each address has a {@link Slot} replaced by
 * compare-and-set, so two leases can never take one address, and concurrent leases of different addresses never
 * wait for each other.
 *
 * <p>Which address: the one the account had last, if nobody took it since (sticky leases); else the address freed
 * longest ago (a queue in release order, so that a returning user's old address stays free as long as possible);
 * else, once that queue is empty, an offer that lapsed. An offer (a lease given at Access-Accept) becomes
 * active with the session's accounting Start or Interim-Update, lapses after the lease timeout without one, and is
 * freed by {@link #release}; an active lease is freed by the session's Stop and by Accounting-On/Off of its NAS.
 */
public final class AddressPool {
    private final String name;
    private final long[] addresses;
    private final Map<Long, Integer> indexes;
    private final AtomicReferenceArray<Slot> slots;
    /** Candidates in release order; an entry may be stale (the address was taken since), checked when polled. */
    private final ConcurrentLinkedQueue<Integer> freeQueue = new ConcurrentLinkedQueue<>();
    private final ConcurrentHashMap<String, Integer> lastByUser = new ConcurrentHashMap<>();
    private final long leaseMillis;
    private final Clock clock;

    /**
     * @param ranges   its ranges, in order
     * @param excluded addresses never to lease (fixed addresses of accounts), as unsigned numbers
     */
    public AddressPool(String name, List<AddressRange> ranges, Set<Long> excluded, Duration leaseTimeout,
            Clock clock) {
        this.name = name;
        List<Long> all = new ArrayList<>();
        for (AddressRange range : ranges) {
            for (long a = range.first(); a <= range.last(); a++) {
                if (!excluded.contains(a)) {
                    all.add(a);
                }
            }
        }
        this.addresses = all.stream().mapToLong(Long::longValue).toArray();
        Map<Long, Integer> index = new HashMap<>(addresses.length * 2);
        for (int i = 0; i < addresses.length; i++) {
            index.put(addresses[i], i);
        }
        this.indexes = index;
        this.slots = new AtomicReferenceArray<>(addresses.length);
        for (int i = 0; i < addresses.length; i++) {
            slots.set(i, Slot.NEW);
            freeQueue.add(i);
        }
        this.leaseMillis = leaseTimeout.toMillis();
        this.clock = clock;
    }

    public String name() {
        return name;
    }

    /** How many addresses the pool has. */
    public int size() {
        return addresses.length;
    }

    /** Whether the address belongs to this pool. */
    public boolean contains(InetAddress address) {
        return indexes.containsKey(AddressRange.number(address));
    }

    /** Offers an address to {@code user} logging in through client {@code nas}; null when none is free. */
    public @Nullable InetAddress allocate(String user, String nas) {
        long now = clock.millis();
        long until = now + leaseMillis;
        Integer last = lastByUser.get(user);
        if (last != null && takeIf(last, user, nas, now, until, true)) {
            return address(last);
        }
        for (Integer i; (i = freeQueue.poll()) != null; ) {
            if (takeFromQueue(i, user, nas, now, until)) {
                lastByUser.put(user, i);
                return address(i);
            }
        }
        // The queue is empty: look for offers that lapsed.
        for (int i = 0; i < addresses.length; i++) {
            if (takeIf(i, user, nas, now, until, false)) {
                lastByUser.put(user, i);
                return address(i);
            }
        }
        return null;
    }

    /** Frees an offered address whose Access-Accept was not sent; an active one stays with its session. */
    public boolean release(InetAddress address) {
        Integer i = indexes.get(AddressRange.number(address));
        return i != null && free(i, Slot.State.OFFERED, null);
    }

    /** A session uses the address (accounting Start or Interim-Update): it is the session's until its Stop. */
    public void bind(InetAddress address, String user, long nasIp, String session) {
        Integer i = indexes.get(AddressRange.number(address));
        if (i == null) {
            return;
        }
        while (true) {
            Slot slot = slots.get(i);
            if (slot.state() == Slot.State.ACTIVE && session.equals(slot.session()) && slot.nasIp() == nasIp) {
                return;
            }
            if (slots.compareAndSet(i, slot, slot.active(user, nasIp, session))) {
                lastByUser.put(user, i);
                return;
            }
        }
    }

    /** The session ended (Stop): frees its address, or the offer of that user that never saw a Start. */
    public void endSession(InetAddress address, String user, String session) {
        Integer i = indexes.get(AddressRange.number(address));
        if (i == null) {
            return;
        }
        while (true) {
            Slot slot = slots.get(i);
            boolean mine = (slot.state() == Slot.State.ACTIVE && session.equals(slot.session()))
                    || (slot.state() == Slot.State.OFFERED && user.equals(slot.user()));
            if (!mine || free(i, slot)) {
                return;
            }
        }
    }

    /**
     * The NAS restarted (Accounting-On/Off): frees the addresses of its active sessions and the offers made
     * through its client.
     */
    public void releaseNas(long nasIp, @Nullable String client) {
        for (int i = 0; i < addresses.length; i++) {
            while (true) {
                Slot slot = slots.get(i);
                boolean its = (slot.state() == Slot.State.ACTIVE && slot.nasIp() == nasIp)
                        || (slot.state() == Slot.State.OFFERED && client != null && client.equals(slot.nas()));
                if (!its || free(i, slot)) {
                    break;
                }
            }
        }
    }

    private boolean takeIf(int i, String user, String nas, long now, long until, boolean onlyItsOwn) {
        while (true) {
            Slot slot = slots.get(i);
            if (!slot.isAvailable(now) || (onlyItsOwn && !user.equals(slot.user()))) {
                return false;
            }
            if (slots.compareAndSet(i, slot, slot.offered(user, nas, until, slot.queued()))) {
                return true;
            }
        }
    }

    /** Takes the address polled from the queue if it is free, else clears its queued mark. */
    private boolean takeFromQueue(int i, String user, String nas, long now, long until) {
        while (true) {
            Slot slot = slots.get(i);
            if (slot.isAvailable(now)) {
                if (slots.compareAndSet(i, slot, slot.offered(user, nas, until, false))) {
                    return true;
                }
            } else if (slots.compareAndSet(i, slot, slot.withQueued(false))) {
                // Taken since it was queued (by its sticky owner); whoever frees it queues it again.
                return false;
            }
        }
    }

    private boolean free(int i, Slot.State from, @Nullable String session) {
        while (true) {
            Slot slot = slots.get(i);
            if (slot.state() != from || (session != null && !session.equals(slot.session()))) {
                return false;
            }
            if (free(i, slot)) {
                return true;
            }
        }
    }

    /** Frees the address if it is still in state {@code slot}; queues it unless an entry already waits. */
    private boolean free(int i, Slot slot) {
        if (!slots.compareAndSet(i, slot, slot.freed(true))) {
            return false;
        }
        if (!slot.queued()) {
            freeQueue.add(i);
        }
        return true;
    }

    private InetAddress address(int i) {
        return AddressRange.address(addresses[i]);
    }

    @Override
    public String toString() {
        return "pool " + name + " (" + addresses.length + " addresses)";
    }
}
