package org.pirog.radius.core.backend;

import java.net.InetAddress;
import java.util.Objects;

/**
 * An address a pool leased to a session. It is released by the session's Accounting Stop, by
 * Accounting-On/Off from its NAS, or by {@link Backend#release(Lease)} when the Access-Accept is not sent.
 *
 * @param pool    the pool's name (Pool-Name)
 * @param address the leased address
 */
public record Lease(String pool, InetAddress address) {
    public Lease {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(address, "address");
    }
}
