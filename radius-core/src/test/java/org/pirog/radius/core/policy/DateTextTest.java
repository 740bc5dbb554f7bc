package org.pirog.radius.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DateTextTest {
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final long JAN_1_2030 = Instant.parse("2030-01-01T00:00:00Z").getEpochSecond();

    @Test
    void readsTheFormsFreeRadiusAccepts() throws PolicyException {
        assertThat(DateText.parse("Jan 01 2030", UTC)).isEqualTo(JAN_1_2030);
        assertThat(DateText.parse("1 Jan 2030", UTC)).isEqualTo(JAN_1_2030);
        assertThat(DateText.parse("2030 Jan 1", UTC)).isEqualTo(JAN_1_2030);
        assertThat(DateText.parse("January 1 2030 12:30", UTC)).isEqualTo(JAN_1_2030 + 12 * 3600 + 30 * 60);
        assertThat(DateText.parse("Jan 01 2030 00:00:05", UTC)).isEqualTo(JAN_1_2030 + 5);
        assertThat(DateText.parse("jan 01, 2030", UTC)).isEqualTo(JAN_1_2030);
        assertThat(DateText.parse("1893456000", UTC)).isEqualTo(1_893_456_000L);
    }

    @Test
    void readsCalendarDatesInTheGivenZone() throws PolicyException {
        assertThat(DateText.parse("Jan 01 2030", ZoneId.of("Europe/Moscow"))).isEqualTo(JAN_1_2030 - 3 * 3600);
    }

    @Test
    void rollsOverADayPastTheMonthsEndAsMktimeDoes() throws PolicyException {
        assertThat(DateText.parse("Feb 31 2030", UTC)).isEqualTo(DateText.parse("Mar 03 2030", UTC));
    }

    @Test
    void refusesWhatFreeRadiusRefuses() {
        for (String text : new String[] {"2030-01-01", "Jan 1 30", "Jan 32 2030", "Foo 1 2030", "Jan 2030", ""}) {
            assertThatThrownBy(() -> DateText.parse(text, UTC)).as(text)
                    .isInstanceOf(PolicyException.class).hasMessageContaining("is not a date");
        }
    }

    @Test
    void printsAsFreeRadiusDoes() {
        assertThat(DateText.format(Instant.parse("2001-01-01T00:00:00Z").getEpochSecond(), UTC))
                .isEqualTo("Jan  1 2001 00:00:00 UTC");
        assertThat(DateText.format(Instant.parse("2026-11-21T10:00:00Z").getEpochSecond(), UTC))
                .isEqualTo("Nov 21 2026 10:00:00 UTC");
        assertThat(DateText.format(0, ZoneId.of("Europe/Moscow"))).isEqualTo("Jan  1 1970 03:00:00 MSK");
    }
}
