package org.pirog.radius.core.nas;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The clients the server answers, looked up by source address with longest-prefix match. Hosts are one hash
 * lookup; networks (few in practice) are scanned longest prefix first. Immutable: a reload builds a new table.
 */
public final class NasTable {
    private static final NasTable EMPTY = new NasTable(List.of());

    private final Map<InetAddress, Nas> hosts = new HashMap<>();
    private final Nas[] networksLongestFirst;
    private final List<Nas> all;

    private NasTable(Collection<Nas> clients) {
        List<Nas> networks = new ArrayList<>();
        for (Nas nas : clients) {
            if (nas.network().isHost()) {
                hosts.put(nas.network().address(), nas);
            } else {
                networks.add(nas);
            }
        }
        networks.sort(Comparator.comparingInt((Nas n) -> n.network().prefixLength()).reversed());
        this.networksLongestFirst = networks.toArray(new Nas[0]);
        this.all = List.copyOf(clients);
    }

    /** A table of these clients; a later client for the same host replaces an earlier one. */
    public static NasTable of(Collection<Nas> clients) {
        return clients.isEmpty() ? EMPTY : new NasTable(clients);
    }

    /** The client {@code source} belongs to, or null if it is none of ours. */
    public @Nullable Nas find(InetAddress source) {
        Nas nas = hosts.get(source);
        if (nas != null) {
            return nas;
        }
        for (Nas network : networksLongestFirst) {
            if (network.network().contains(source)) {
                return network;
            }
        }
        return null;
    }

    public List<Nas> clients() {
        return all;
    }

    public int size() {
        return all.size();
    }
}
