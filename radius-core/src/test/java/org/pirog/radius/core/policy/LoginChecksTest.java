package org.pirog.radius.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pirog.radius.core.policy.Requests.DICTIONARY;
import static org.pirog.radius.core.policy.Requests.SATURDAY;
import static org.pirog.radius.core.policy.Requests.UTC;
import static org.pirog.radius.core.policy.Requests.item;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.pirog.radius.core.accounting.AccountingRecord;
import org.pirog.radius.core.backend.AccessRequest;
import org.pirog.radius.core.backend.Authorization;
import org.pirog.radius.core.backend.Backend;
import org.pirog.radius.core.backend.Lease;
import org.pirog.radius.core.backend.LeaseRequest;
import org.pirog.radius.core.backend.Threading;

class LoginChecksTest {
    private final LoginChecks checks = new LoginChecks(DICTIONARY, Clock.fixed(SATURDAY, UTC));

    private static Authorization account(List<PolicyItem> control, List<PolicyItem> reply) {
        return Authorization.of("bob", control, reply);
    }

    @Test
    void anExpiredAccountIsRejectedWithoutAMessageOfItsOwn() {
        Authorization expired = account(List.of(item("Expiration", ":=", "Jan 01 2001 00:00:00")),
                List.of(item("Reply-Message", "=", "hello")));
        LoginDecision decision = checks.authorize(expired);
        assertThat(decision.accepted()).isFalse();
        // rlm_expiration 3.2.1: "Account expired at 'Jan  1 2001 00:00:00 UTC'", reply left as it was.
        assertThat(decision.reason()).isEqualTo("Account expired at 'Jan  1 2001 00:00:00 UTC'");
        assertThat(decision.authorization().reply()).containsExactly(item("Reply-Message", "=", "hello"));
    }

    /**
     * FreeRADIUS 3.2 reads {@code Expiration := "Jan 01 2030"} in the server's local time (mktime): on a Moscow
     * host the account expires at 2029-12-31T21:00Z, so an hour later it is rejected, not accepted for two more.
     */
    @Test
    void aDateWithoutAZoneIsTheServersLocalTime() {
        Clock moscow = Clock.fixed(Instant.parse("2029-12-31T22:00:00Z"), ZoneId.of("Europe/Moscow"));
        LoginDecision decision = new LoginChecks(DICTIONARY, moscow)
                .authorize(account(List.of(item("Expiration", ":=", "Jan 01 2030")), List.of()));
        assertThat(decision.accepted()).isFalse();
        assertThat(decision.reason()).isEqualTo("Account expired at 'Jan  1 2030 00:00:00 MSK'");
    }

    @Test
    void expirationCapsSessionTimeout() {
        Authorization soon = account(List.of(item("Expiration", ":=", "Nov 21 2026 11:32:13")), List.of());
        assertThat(checks.authorize(soon).authorization().reply()).containsExactly(
                item("Session-Timeout", "=", "3600"));
        Authorization shorter = account(List.of(item("Expiration", ":=", "Nov 21 2026 11:32:13")),
                List.of(item("Session-Timeout", "=", "100")));
        assertThat(checks.authorize(shorter).authorization().reply()).containsExactly(
                item("Session-Timeout", "=", "100"));
        Authorization longer = account(List.of(item("Expiration", ":=", "Nov 21 2026 11:32:13")),
                List.of(item("Session-Timeout", ":=", "86400")));
        assertThat(checks.authorize(longer).authorization().reply()).containsExactly(
                item("Session-Timeout", ":=", "3600"));
    }

    @Test
    void loginTimeRejectsOutsideAndCapsInside() {
        LoginDecision outside = checks.authorize(account(List.of(item("Login-Time", ":=", "Su0000-0001")), List.of()));
        assertThat(outside.accepted()).isFalse();
        assertThat(outside.reason()).isEqualTo("Outside allowed timespan (time allowed Su0000-0001)");

        LoginDecision inside = checks.authorize(account(List.of(item("Login-Time", ":=", "Sa0000-1100")), List.of()));
        assertThat(inside.accepted()).isTrue();
        assertThat(inside.authorization().reply()).containsExactly(item("Session-Timeout", "=", "1740"));

        LoginDecision always = checks.authorize(account(List.of(item("Login-Time", ":=", "Al")), List.of()));
        assertThat(always.accepted()).isTrue();
        assertThat(always.authorization().reply()).isEmpty();
    }

    @Test
    void loginTimeRejectsLessThanTheMinimumTimeout() {
        // 10:32:13 with the range ending at 10:32 inclusive: one minute, 60 s, not less than minimum_timeout.
        assertThat(checks.authorize(account(List.of(item("Login-Time", ":=", "Sa1000-1032")), List.of()))
                .authorization().reply()).containsExactly(item("Session-Timeout", "=", "60"));
        LoginChecks strict = new LoginChecks(DICTIONARY, Clock.fixed(SATURDAY, UTC), 120, LoginChecks.DENIED_MESSAGE);
        LoginDecision decision = strict.authorize(account(List.of(item("Login-Time", ":=", "Sa1000-1032")), List.of()));
        assertThat(decision.accepted()).isFalse();
        assertThat(decision.reason()).isEqualTo(
                "Login outside of allowed time-slot (session end Sa1000-1032, with lockout 120 seconds before)");
    }

    @Test
    void expirationComesFirstThenLoginTimeCapsFurther() {
        Authorization both = account(List.of(item("Expiration", ":=", "Nov 21 2026 11:32:13"),
                item("Login-Time", ":=", "Sa0000-1100")), List.of());
        assertThat(checks.authorize(both).authorization().reply()).containsExactly(
                item("Session-Timeout", "=", "1740"));
    }

    @Test
    void simultaneousUseRejectsAtTheLimitWithFreeRadiusMessage() throws Exception {
        Authorization one = account(List.of(item("Simultaneous-Use", ":=", "1")),
                List.of(item("Reply-Message", "=", "su1"), item("Session-Timeout", "=", "20")));
        assertThat(checks.simultaneousUse(one, new Sessions(0)).accepted()).isTrue();
        LoginDecision decision = checks.simultaneousUse(one, new Sessions(1));
        assertThat(decision.accepted()).isFalse();
        assertThat(decision.reason()).isEqualTo("Multiple logins (max 1)");
        // FreeRADIUS 3.2.1: every reply item goes, only this Reply-Message stays.
        assertThat(decision.authorization().reply()).containsExactly(
                item("Reply-Message", ":=", "You are already logged in - access denied"));

        Authorization two = account(List.of(item("Simultaneous-Use", ":=", "2")), List.of());
        assertThat(checks.simultaneousUse(two, new Sessions(1)).accepted()).isTrue();
        assertThat(checks.simultaneousUse(two, new Sessions(2)).authorization().reply()).containsExactly(
                item("Reply-Message", ":=", "You are already logged in - access denied (2)"));
    }

    @Test
    void noControlItemsNoChecks() throws Exception {
        Authorization plain = account(List.of(), List.of(item("Reply-Message", "=", "x")));
        assertThat(checks.authorize(plain)).isEqualTo(LoginDecision.accept(plain));
        assertThat(checks.simultaneousUse(plain, new Sessions(5)).accepted()).isTrue();
    }

    /** A backend that only counts sessions. */
    private record Sessions(int open) implements Backend {
        @Override
        public Threading threading() {
            return Threading.INLINE;
        }

        @Override
        public @Nullable Authorization authorize(AccessRequest request) {
            return null;
        }

        @Override
        public java.util.concurrent.CompletionStage<Void> account(AccountingRecord record) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }

        @Override
        public @Nullable Lease allocate(LeaseRequest request) {
            return null;
        }

        @Override
        public void release(Lease lease) {
        }

        @Override
        public int openSessions(String userName) {
            return open;
        }
    }
}
