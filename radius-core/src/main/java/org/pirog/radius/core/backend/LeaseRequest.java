package org.pirog.radius.core.backend;

import java.util.Objects;
import org.pirog.radius.core.nas.Nas;

/**
 * A request for a pool address at login. Pools are sticky: the same owner on the same NAS gets the address it
 * had before when that is free.
 *
 * @param pool             the pool's name (Pool-Name)
 * @param userName         the account the session belongs to
 * @param nas              the NAS the session is on
 * @param callingStationId the subscriber's Calling-Station-Id, or empty
 */
public record LeaseRequest(String pool, String userName, Nas nas, String callingStationId) {
    public LeaseRequest {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(nas, "nas");
        Objects.requireNonNull(callingStationId, "callingStationId");
    }
}
