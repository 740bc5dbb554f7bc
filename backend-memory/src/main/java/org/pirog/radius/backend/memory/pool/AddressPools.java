package org.pirog.radius.backend.memory.pool;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The configured pools by name, and the accounting events that free or bind their addresses. */
public final class AddressPools {
    private final Map<String, AddressPool> byName;
    private final AddressPool[] all;

    public AddressPools(List<AddressPool> pools) {
        Map<String, AddressPool> map = new LinkedHashMap<>();
        for (AddressPool pool : pools) {
            map.put(pool.name(), pool);
        }
        this.byName = Map.copyOf(map);
        this.all = pools.toArray(new AddressPool[0]);
    }

    public @Nullable AddressPool pool(String name) {
        return byName.get(name);
    }

    public List<AddressPool> pools() {
        return List.of(all);
    }

    /** A session uses the address: binds it in whichever pool holds it. */
    public void bind(InetAddress address, String user, long nasIp, String session) {
        AddressPool pool = holding(address);
        if (pool != null) {
            pool.bind(address, user, nasIp, session);
        }
    }

    public void endSession(InetAddress address, String user, String session) {
        AddressPool pool = holding(address);
        if (pool != null) {
            pool.endSession(address, user, session);
        }
    }

    public void releaseNas(InetAddress nasIp, @Nullable String client) {
        long number = AddressRange.number(nasIp);
        for (AddressPool pool : all) {
            pool.releaseNas(number, client);
        }
    }

    /** The NAS-IP-Address as the pools keep it. */
    public static long nasNumber(InetAddress nasIp) {
        return AddressRange.number(nasIp);
    }

    private @Nullable AddressPool holding(InetAddress address) {
        for (AddressPool pool : all) {
            if (pool.contains(address)) {
                return pool;
            }
        }
        return null;
    }
}
