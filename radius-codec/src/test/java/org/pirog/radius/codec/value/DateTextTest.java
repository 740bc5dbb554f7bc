package org.pirog.radius.codec.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pirog.radius.codec.value.TestDictionary.attribute;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Dates as FreeRADIUS 3.2 reads users-file and radcheck values ({@code fr_get_time}, checked with
 * {@code radiusd -X}) and prints them in local time; the zone a date without one gets.
 */
class DateTextTest {
    private static final long JAN_1_2030 = 1_893_456_000L;
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private static long seconds(String text, ZoneId zone) throws ValueFormatException {
        byte[] value = ValueText.parse(attribute("T-date"), text, zone);
        return (value[0] & 0xFFL) << 24 | (value[1] & 0xFFL) << 16 | (value[2] & 0xFFL) << 8 | (value[3] & 0xFFL);
    }

    @Test
    void readsTheFormsFreeRadiusReads() throws ValueFormatException {
        assertThat(seconds("Jan 01 2030", UTC)).isEqualTo(JAN_1_2030);
        assertThat(seconds("1 Jan 2030", UTC)).isEqualTo(JAN_1_2030);
        assertThat(seconds("2030 Jan 1", UTC)).isEqualTo(JAN_1_2030);
        assertThat(seconds("January 1 2030 12:30", UTC)).isEqualTo(JAN_1_2030 + 12 * 3600 + 30 * 60);
        assertThat(seconds("12:30 Jan 1 2030", UTC)).isEqualTo(JAN_1_2030 + 12 * 3600 + 30 * 60);
        assertThat(seconds("Jan 01 2030 00:00:05", UTC)).isEqualTo(JAN_1_2030 + 5);
        assertThat(seconds("jan 01, 2030", UTC)).isEqualTo(JAN_1_2030);
        assertThat(seconds("1893456000", UTC)).isEqualTo(JAN_1_2030);
    }

    /**
     * The decided difference: FreeRADIUS 3.2 reads a date written without a zone in the server's local time. With
     * TZ=Europe/Moscow, its check item {@code Event-Timestamp == "Jan 01 2030"} matched a request carrying
     * 1893445200 (midnight in Moscow) and not one carrying 1893456000 (midnight UTC).
     */
    @Test
    void readsADateWithoutAZoneInTheZoneGiven() throws ValueFormatException {
        assertThat(seconds("Jan 01 2030", MOSCOW)).isEqualTo(JAN_1_2030 - 3 * 3600);
        assertThat(seconds("Jan 01 2030 12:00", MOSCOW)).isEqualTo(JAN_1_2030 + 9 * 3600);
        assertThat(seconds("2030-01-01T00:00:00", MOSCOW)).isEqualTo(JAN_1_2030 - 3 * 3600);
        assertThat(ValueText.parse(attribute("T-date"), "Jan 01 2030"))
                .isEqualTo(ValueText.parse(attribute("T-date"), "Jan 01 2030", ZoneOffset.UTC));
    }

    @Test
    void aDateWithAZoneOrInEpochSecondsIgnoresTheZoneGiven() throws ValueFormatException {
        assertThat(seconds("Jan 01 2030 00:00:00 UTC", MOSCOW)).isEqualTo(JAN_1_2030);
        assertThat(seconds("2030-01-01T00:00:00Z", MOSCOW)).isEqualTo(JAN_1_2030);
        assertThat(seconds("1893456000", MOSCOW)).isEqualTo(JAN_1_2030);
    }

    @Test
    void rollsOverADayOrHourPastItsRangeAsMktimeDoes() throws ValueFormatException {
        // radiusd -X: "Feb 31 2030" matched 2030-03-03, "Jan 1 2030 25:00" matched 2030-01-02T01:00.
        assertThat(seconds("Feb 31 2030", UTC)).isEqualTo(seconds("Mar 03 2030", UTC));
        assertThat(seconds("Jan 1 2030 25:00", UTC)).isEqualTo(JAN_1_2030 + 25 * 3600);
    }

    @Test
    void refusesWhatFreeRadiusRefuses() {
        for (String text : new String[] {"Jan 1 30", "Jan 32 2030", "Foo 1 2030", "Jan 2030", "", "01/01/2030"}) {
            assertThatThrownBy(() -> seconds(text, UTC)).as(text)
                    .isInstanceOf(ValueFormatException.class).hasMessageContaining("is not a date");
        }
    }

    @Test
    void printsInAZoneAsFreeRadiusDoes() {
        assertThat(ValueText.formatDate(Instant.parse("2001-01-01T00:00:00Z").getEpochSecond(), UTC))
                .isEqualTo("Jan  1 2001 00:00:00 UTC");
        assertThat(ValueText.formatDate(Instant.parse("2026-11-21T10:00:00Z").getEpochSecond(), ZoneOffset.UTC))
                .isEqualTo("Nov 21 2026 10:00:00 UTC");
        assertThat(ValueText.formatDate(0, MOSCOW)).isEqualTo("Jan  1 1970 03:00:00 MSK");
    }
}
