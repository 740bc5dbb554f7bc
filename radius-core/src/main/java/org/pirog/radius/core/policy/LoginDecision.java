package org.pirog.radius.core.policy;

import java.util.Objects;
import org.pirog.radius.core.backend.Authorization;

/**
 * The outcome of a {@link LoginChecks} check: go on with the (possibly edited) authorization, or reject.
 *
 * @param accepted      whether the login may go on
 * @param authorization the authorization to go on with or, for a reject, whose reply items the Access-Reject
 *                      carries (the server filters them as FreeRADIUS's {@code attr_filter.access_reject} does)
 * @param reason        why it was rejected, for the log line ({@code Login incorrect (…)}); empty when accepted
 */
public record LoginDecision(boolean accepted, Authorization authorization, String reason) {
    public LoginDecision {
        Objects.requireNonNull(authorization, "authorization");
        Objects.requireNonNull(reason, "reason");
    }

    public static LoginDecision accept(Authorization authorization) {
        return new LoginDecision(true, authorization, "");
    }

    public static LoginDecision reject(Authorization authorization, String reason) {
        return new LoginDecision(false, authorization, reason);
    }
}
