package org.pirog.radius.core.backend;

import java.util.List;
import java.util.Objects;
import org.pirog.radius.core.policy.PolicyItem;

/**
 * What a backend found for an Access-Request: the account's control items (stored passwords such as
 * {@code Cleartext-Password} or {@code NT-Password}, {@code Auth-Type}, {@code Simultaneous-Use},
 * {@code Expiration}, {@code Login-Time}, {@code Pool-Name}, …), its reply items (operators already applied),
 * its state and the session's limits. The server authenticates against the control items and builds the reply.
 * Item values are plain text, already expanded for this request: a backend runs the policy (expansions
 * included), the server only reads the result.
 *
 * @param userName the account's name (the User-Name the entry matched)
 * @param control  control items, in order
 * @param reply    reply items, in order
 * @param state    the account's standing
 * @param limits   the session's limits
 */
public record Authorization(
        String userName, List<PolicyItem> control, List<PolicyItem> reply, AccountState state, SessionLimits limits) {

    public Authorization {
        Objects.requireNonNull(userName, "userName");
        control = List.copyOf(control);
        reply = List.copyOf(reply);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(limits, "limits");
    }

    public static Authorization of(String userName, List<PolicyItem> control, List<PolicyItem> reply) {
        return new Authorization(userName, control, reply, AccountState.ACTIVE, SessionLimits.UNLIMITED);
    }

    /** The first control item of that attribute, or null. */
    public @org.jspecify.annotations.Nullable PolicyItem control(String attributeName) {
        for (PolicyItem item : control) {
            if (item.isNamed(attributeName)) {
                return item;
            }
        }
        return null;
    }

    public Authorization withControl(List<PolicyItem> newControl) {
        return new Authorization(userName, newControl, reply, state, limits);
    }

    public Authorization withReply(List<PolicyItem> newReply) {
        return new Authorization(userName, control, newReply, state, limits);
    }

    public Authorization withLimits(SessionLimits newLimits) {
        return new Authorization(userName, control, reply, state, newLimits);
    }

    public Authorization withState(AccountState newState) {
        return new Authorization(userName, control, reply, newState, limits);
    }
}
