package org.pirog.radius.core.backend;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.core.nas.Nas;

/**
 * A request for a pool address at login. Pools are sticky: the same owner on the same NAS gets the address it
 * had before when that is free.
 *
 * @param pool             the pool's name (Pool-Name)
 * @param userName         the account the session belongs to
 * @param nas              the NAS the session is on
 * @param callingStationId the subscriber's Calling-Station-Id, or empty
 * @param request          the Access-Request the lease is for, or null (then a backend keys the lease by user
 *                         and NAS only); backends read attributes from it such as NAS-Port or NAS-IP-Address
 */
public record LeaseRequest(String pool, String userName, Nas nas, String callingStationId,
        @Nullable AccessRequest request) {
    public LeaseRequest {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(nas, "nas");
        Objects.requireNonNull(callingStationId, "callingStationId");
    }

    /** A request without its Access-Request. */
    public LeaseRequest(String pool, String userName, Nas nas, String callingStationId) {
        this(pool, userName, nas, callingStationId, null);
    }
}
