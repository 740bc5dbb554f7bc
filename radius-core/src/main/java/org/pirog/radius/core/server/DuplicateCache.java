package org.pirog.radius.core.server;

import io.netty.util.collection.LongObjectHashMap;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * RFC 5080 §2.2.2 duplicate detection for one receiving socket. The key is (client address, client port,
 * Identifier) — the socket is implied, one cache per socket — and an entry remembers the Request Authenticator:
 * a retransmission (same authenticator) of a request in progress is dropped, one of a finished request gets the
 * cached reply byte for byte for {@code cleanup_delay}; a different authenticator is a new request.
 *
 * <p>Confined to the socket's event loop: no locks. Memory is bounded by the key space clients actually use
 * (one entry per address, port and Identifier, reused in place), by {@link #sweep} which drops expired entries,
 * and by a hard cap beyond which new requests are not remembered at all.
 */
final class DuplicateCache {
    private final LongObjectHashMap<Entry> ipv4 = new LongObjectHashMap<>(1024);
    private final Map<Ipv6Key, Entry> ipv6 = new HashMap<>();
    private final long cleanupDelayNanos;
    private final int maxEntries;

    DuplicateCache(long cleanupDelayNanos, int maxEntries) {
        this.cleanupDelayNanos = cleanupDelayNanos;
        this.maxEntries = maxEntries;
    }

    /** What a request is, compared with what the cache remembers. */
    enum Verdict {
        NEW,
        /** The same request is still being processed: drop the copy. */
        IN_PROGRESS,
        /** The same request was answered: resend {@link Entry#reply()}. */
        ANSWERED
    }

    /** One remembered request. Mutable, owned by the event loop; reused when its key sees a new request. */
    static final class Entry {
        private long authenticatorHigh;
        private long authenticatorLow;
        private byte @Nullable [] reply;
        private boolean done;
        private long doneAtNanos;
        private long generation;

        byte @Nullable [] reply() {
            return reply;
        }

        /** Counts how many requests this slot has seen, so that a late answer for an old one is recognised. */
        long generation() {
            return generation;
        }
    }

    /**
     * Looks the request up. For {@link Verdict#NEW} the returned entry is (re)initialised as in progress and must
     * later be completed with {@link #answered} or {@link #forget}; null means the cache is full and the request
     * is processed without duplicate protection.
     */
    @Nullable Entry lookup(InetSocketAddress source, int identifier, long authHigh, long authLow, long nowNanos,
            Verdict[] verdict) {
        InetAddress address = source.getAddress();
        Entry entry;
        long ipv4Key = 0;
        Ipv6Key ipv6Key = null;
        if (address instanceof Inet4Address) {
            ipv4Key = ipv4Key(address, source.getPort(), identifier);
            entry = ipv4.get(ipv4Key);
        } else {
            ipv6Key = new Ipv6Key(address, source.getPort(), identifier);
            entry = ipv6.get(ipv6Key);
        }
        if (entry != null && entry.authenticatorHigh == authHigh && entry.authenticatorLow == authLow) {
            if (!entry.done) {
                verdict[0] = Verdict.IN_PROGRESS;
                return entry;
            }
            if (nowNanos - entry.doneAtNanos < cleanupDelayNanos && entry.reply != null) {
                verdict[0] = Verdict.ANSWERED;
                return entry;
            }
        }
        verdict[0] = Verdict.NEW;
        if (entry == null) {
            if (size() >= maxEntries) {
                return null;
            }
            entry = new Entry();
            if (ipv6Key == null) {
                ipv4.put(ipv4Key, entry);
            } else {
                ipv6.put(ipv6Key, entry);
            }
        }
        entry.authenticatorHigh = authHigh;
        entry.authenticatorLow = authLow;
        entry.reply = null;
        entry.done = false;
        entry.generation++;
        return entry;
    }

    /** The request of that generation was answered with {@code reply}; copies of it get the same bytes. */
    void answered(Entry entry, long generation, byte[] reply, long nowNanos) {
        if (entry.generation == generation) {
            entry.reply = reply;
            entry.done = true;
            entry.doneAtNanos = nowNanos;
        }
    }

    /** The request got no reply (abandoned, backend failure): a retransmission is processed afresh. */
    void forget(Entry entry, long generation, long nowNanos) {
        if (entry.generation == generation) {
            entry.reply = null;
            entry.done = true;
            entry.doneAtNanos = nowNanos - cleanupDelayNanos;
        }
    }

    /** Drops entries answered longer than {@code cleanup_delay} ago. */
    void sweep(long nowNanos) {
        for (Iterator<LongObjectHashMap.PrimitiveEntry<Entry>> it = ipv4.entries().iterator(); it.hasNext(); ) {
            if (expired(it.next().value(), nowNanos)) {
                it.remove();
            }
        }
        ipv6.values().removeIf(entry -> expired(entry, nowNanos));
    }

    int size() {
        return ipv4.size() + ipv6.size();
    }

    private boolean expired(Entry entry, long nowNanos) {
        return entry.done && nowNanos - entry.doneAtNanos >= cleanupDelayNanos;
    }

    private static long ipv4Key(InetAddress address, int port, int identifier) {
        // Inet4Address.hashCode() is the address itself, and reading it allocates nothing.
        long ip = address.hashCode() & 0xffffffffL;
        return (ip << 24) | ((long) port << 8) | identifier;
    }

    private record Ipv6Key(InetAddress address, int port, int identifier) {
    }
}
