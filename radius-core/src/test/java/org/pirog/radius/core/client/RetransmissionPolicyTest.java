package org.pirog.radius.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetransmissionPolicyTest {
    private static final long SECOND = 1_000_000_000L;
    private final RetransmissionPolicy rfc = RetransmissionPolicy.RFC_5080;

    @Test
    void firstWaitIsTheInitialTimeoutWithinTenPercent() {
        assertThat(rfc.firstTimeoutNanos(0)).isEqualTo(2 * SECOND);
        assertThat(rfc.firstTimeoutNanos(-1)).isEqualTo(1_800_000_000L);
        assertThat(rfc.firstTimeoutNanos(1)).isEqualTo(2_200_000_000L);
    }

    @Test
    void waitsDoubleUntilTheMaximumThenStayThereWithJitter() {
        long rt = rfc.firstTimeoutNanos(0);
        rt = rfc.nextTimeoutNanos(rt, 0);
        assertThat(rt).isEqualTo(4 * SECOND);
        rt = rfc.nextTimeoutNanos(rt, 0.5);
        assertThat(rt).isEqualTo(8 * SECOND + 200_000_000L); // RFC 5080: 2*RTprev + RAND*RTprev
        rt = rfc.nextTimeoutNanos(rt, 0);
        assertThat(rt).isEqualTo(16 * SECOND);
        assertThat(rfc.nextTimeoutNanos(rt, 0)).isEqualTo(16 * SECOND);
        assertThat(rfc.nextTimeoutNanos(rt, -1)).isEqualTo(14_400_000_000L); // MRT + RAND*MRT
    }

    @Test
    void everyLimitIsFinite() {
        assertThatThrownBy(() -> rfc.withMaxDuration(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rfc.withMaxRetransmissions(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rfc.withInitialTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThat(rfc.withInitialTimeout(Duration.ofSeconds(20)).maxTimeout()).isEqualTo(Duration.ofSeconds(20));
    }
}
