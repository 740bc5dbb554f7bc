package org.pirog.radius.core.policy;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.value.ValueText;
import org.pirog.radius.core.backend.Authorization;
import org.pirog.radius.core.backend.Backend;
import org.pirog.radius.core.backend.BackendException;

/**
 * The login checks every backend shares, on an account's control items, as FreeRADIUS 3.2's modules do them
 * (each checked against the running server):
 * <ul>
 *   <li>{@code Expiration} (rlm_expiration): past the date, reject ("Account expired at '…'"; no Reply-Message
 *       of its own); before it, Session-Timeout is capped to the seconds left (added when the reply has none).</li>
 *   <li>{@code Login-Time} (rlm_logintime, see {@link LoginTime}): outside the ranges, reject; inside with less
 *       than {@code minimum_timeout} (60 s) left, reject too; else Session-Timeout is capped to the end of the
 *       range. A value that allows the whole week leaves the reply alone.</li>
 *   <li>{@code Simultaneous-Use} (the server core, after authentication): when the account already has that many
 *       open sessions, reject with all reply items replaced by {@code Reply-Message = "You are already logged in -
 *       access denied"}, with {@code " (N)"} appended when the limit N is above 1 (FreeRADIUS's {@code
 *       msg_denied}). Multilink (MPP) logins get no exception.</li>
 * </ul>
 * The server runs {@link #authorize} after the backend's authorize (Expiration, then Login-Time, the order of the
 * default {@code authorize} section) and {@link #simultaneousUse} once the password was verified.
 */
public final class LoginChecks {
    /** FreeRADIUS 3.2's default {@code msg_denied}. */
    public static final String DENIED_MESSAGE = "You are already logged in - access denied";
    /** rlm_logintime's default {@code minimum_timeout}, in seconds. */
    public static final long MINIMUM_TIMEOUT = 60;

    private final Clock clock;
    private final long minimumTimeout;
    private final String deniedMessage;
    private final AttributeDefinition sessionTimeout;
    private final AttributeDefinition replyMessage;
    private final @Nullable AttributeDefinition expiration;
    private final @Nullable AttributeDefinition loginTime;
    private final @Nullable AttributeDefinition simultaneousUse;

    public LoginChecks(Dictionary dictionary, Clock clock) {
        this(dictionary, clock, MINIMUM_TIMEOUT, DENIED_MESSAGE);
    }

    /**
     * @param minimumTimeout the shortest session Login-Time lets start (rlm_logintime {@code minimum_timeout})
     * @param deniedMessage  the Reply-Message of a Simultaneous-Use reject (FreeRADIUS {@code msg_denied})
     */
    public LoginChecks(Dictionary dictionary, Clock clock, long minimumTimeout, String deniedMessage) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.minimumTimeout = minimumTimeout;
        this.deniedMessage = Objects.requireNonNull(deniedMessage, "deniedMessage");
        this.sessionTimeout = required(dictionary, "Session-Timeout");
        this.replyMessage = required(dictionary, "Reply-Message");
        this.expiration = dictionary.attribute("Expiration");
        this.loginTime = dictionary.attribute("Login-Time");
        this.simultaneousUse = dictionary.attribute("Simultaneous-Use");
    }

    /** Expiration, then Login-Time. */
    public LoginDecision authorize(Authorization authorization) {
        LoginDecision decision = expiration(authorization);
        return decision.accepted() ? loginTime(decision.authorization()) : decision;
    }

    public LoginDecision expiration(Authorization authorization) {
        String value = controlText(authorization, expiration);
        if (value == null || expiration == null) {
            return LoginDecision.accept(authorization);
        }
        long expires;
        try {
            expires = ParsedValue.number(expiration, value, clock.getZone());
        } catch (PolicyException e) {
            return LoginDecision.reject(authorization, e.getMessage());
        }
        long now = clock.instant().getEpochSecond();
        if (expires <= now) {
            return LoginDecision.reject(authorization,
                    "Account expired at '" + ValueText.formatDate(expires, clock.getZone()) + "'");
        }
        return LoginDecision.accept(capSessionTimeout(authorization, expires - now));
    }

    public LoginDecision loginTime(Authorization authorization) {
        String value = controlText(authorization, loginTime);
        if (value == null) {
            return LoginDecision.accept(authorization);
        }
        long left;
        try {
            left = LoginTime.parse(value).secondsLeft(ZonedDateTime.now(clock));
        } catch (PolicyException e) {
            return LoginDecision.reject(authorization, e.getMessage());
        }
        if (left == LoginTime.UNLIMITED) {
            return LoginDecision.accept(authorization);
        }
        if (left == LoginTime.OUTSIDE) {
            return LoginDecision.reject(authorization, "Outside allowed timespan (time allowed " + value + ")");
        }
        if (left < minimumTimeout) {
            return LoginDecision.reject(authorization, "Login outside of allowed time-slot (session end " + value
                    + ", with lockout " + minimumTimeout + " seconds before)");
        }
        return LoginDecision.accept(capSessionTimeout(authorization, left));
    }

    /** Whether {@link #simultaneousUse} will ask the backend for the account's open sessions. */
    public boolean countsSessions(Authorization authorization) {
        return simultaneousUse != null && controlText(authorization, simultaneousUse) != null;
    }

    /** Counts the account's open sessions with the backend; at the limit, rejects. */
    public LoginDecision simultaneousUse(Authorization authorization, Backend backend) throws BackendException {
        String value = controlText(authorization, simultaneousUse);
        if (value == null || simultaneousUse == null) {
            return LoginDecision.accept(authorization);
        }
        long limit;
        try {
            limit = ParsedValue.number(simultaneousUse, value, clock.getZone());
        } catch (PolicyException e) {
            return LoginDecision.reject(authorization, e.getMessage());
        }
        int open = backend.openSessions(authorization.userName());
        if (open < limit) {
            return LoginDecision.accept(authorization);
        }
        String message = limit > 1 ? deniedMessage + " (" + limit + ")" : deniedMessage;
        // They try to log in too many times: every other reply item goes.
        Authorization rejected = authorization.withReply(
                List.of(PolicyItem.of(replyMessage, Operator.ASSIGN, message)));
        return LoginDecision.reject(rejected, "Multiple logins (max " + limit + ")");
    }

    /** Session-Timeout at most {@code seconds}: lowered when larger, added when absent. */
    private Authorization capSessionTimeout(Authorization authorization, long seconds) {
        List<PolicyItem> reply = new ArrayList<>(authorization.reply());
        for (int i = 0; i < reply.size(); i++) {
            PolicyItem item = reply.get(i);
            if (AttributeIdentity.same(item.attribute(), sessionTimeout)) {
                if (!isAtMost(item, seconds)) {
                    reply.set(i, item.withValue(Long.toString(seconds)));
                }
                return authorization.withReply(reply);
            }
        }
        reply.add(PolicyItem.of(sessionTimeout, Operator.SET, Long.toString(seconds)));
        return authorization.withReply(reply);
    }

    private boolean isAtMost(PolicyItem item, long seconds) {
        try {
            return ParsedValue.number(sessionTimeout, item.value(), clock.getZone())
                    <= seconds;
        } catch (PolicyException e) {
            return false;
        }
    }

    private static @Nullable String controlText(Authorization authorization,
            @Nullable AttributeDefinition attribute) {
        if (attribute == null) {
            return null;
        }
        for (PolicyItem item : authorization.control()) {
            if (AttributeIdentity.same(item.attribute(), attribute)) {
                return item.value();
            }
        }
        return null;
    }

    private static AttributeDefinition required(Dictionary dictionary, String name) {
        AttributeDefinition attribute = dictionary.attribute(name);
        if (attribute == null) {
            throw new IllegalArgumentException("the dictionary lacks " + name);
        }
        return attribute;
    }
}
