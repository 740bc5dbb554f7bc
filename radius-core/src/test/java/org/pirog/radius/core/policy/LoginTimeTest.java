package org.pirog.radius.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class LoginTimeTest {
    /** The moment FreeRADIUS 3.2.1 gave the answers below: a Saturday. */
    private static final ZonedDateTime SATURDAY = ZonedDateTime.parse("2026-11-21T10:32:13Z");

    private static long left(String text, ZonedDateTime now) throws PolicyException {
        return LoginTime.parse(text).secondsLeft(now);
    }

    @Test
    void countsWholeMinutesToTheEndOfTheRangeBothEndsIncluded() throws PolicyException {
        // FreeRADIUS 3.2.1 at Sat 10:32:13 answered Session-Timeout 1740, 1860 and 240.
        assertThat(left("Sa0000-1100", SATURDAY)).isEqualTo(1740);
        assertThat(left("Sa0000-1100,Sa1101-1102", SATURDAY)).isEqualTo(1860);
        assertThat(left("Sa0000-1035", SATURDAY)).isEqualTo(240);
    }

    @Test
    void theWholeWeekIsUnlimited() throws PolicyException {
        // Accepted with no Session-Timeout at all.
        assertThat(left("Al", SATURDAY)).isEqualTo(LoginTime.UNLIMITED);
        assertThat(left("Any0000-2359", SATURDAY)).isEqualTo(LoginTime.UNLIMITED);
        assertThat(left("Any", SATURDAY)).isEqualTo(LoginTime.UNLIMITED);
        assertThat(left("0000-2359", SATURDAY)).isEqualTo(LoginTime.UNLIMITED);
        assertThat(left("Wk,Sa,Su", SATURDAY)).isEqualTo(LoginTime.UNLIMITED);
    }

    @Test
    void outsideEveryRange() throws PolicyException {
        // Rejected.
        assertThat(left("Su0000-0001", SATURDAY)).isEqualTo(LoginTime.OUTSIDE);
        assertThat(left("Wk0800-1800", SATURDAY)).isEqualTo(LoginTime.OUTSIDE);
        assertThat(left("Sa1100-1200", SATURDAY)).isEqualTo(LoginTime.OUTSIDE);
    }

    @Test
    void dayCodesAndRanges() throws PolicyException {
        ZonedDateTime wednesdayNoon = ZonedDateTime.parse("2026-11-18T12:00:00Z");
        assertThat(left("Wk0800-1800", wednesdayNoon)).isEqualTo(6 * 3600 + 60);
        assertThat(left("Mo-Fr0800-1800", wednesdayNoon)).isEqualTo(6 * 3600 + 60);
        assertThat(left("mo-fr0800-1800", wednesdayNoon)).isEqualTo(6 * 3600 + 60);
        assertThat(left("Fr-Mo0800-1800", wednesdayNoon)).isEqualTo(LoginTime.OUTSIDE);
        assertThat(left("SaSu,We1100-1300", wednesdayNoon)).isEqualTo(3600 + 60);
        assertThat(left("Wk 0800-1800", wednesdayNoon)).isEqualTo(6 * 3600 + 60);
        assertThat(left("Tu|We", wednesdayNoon)).isEqualTo(12 * 3600);
    }

    @Test
    void aRangeEndingBeforeItStartsWrapsWithinTheSameDay() throws PolicyException {
        // "Su2305-1655" is Sunday 00:00-16:55 and 23:05-23:59 (rlm_logintime wraps inside the day).
        ZonedDateTime sundayLate = ZonedDateTime.parse("2026-11-22T23:30:00Z");
        assertThat(left("Su2305-1655", sundayLate)).isEqualTo(30 * 60);
        ZonedDateTime sundayMorning = ZonedDateTime.parse("2026-11-22T16:00:00Z");
        assertThat(left("Su2305-1655", sundayMorning)).isEqualTo(56 * 60);
        ZonedDateTime sundayEvening = ZonedDateTime.parse("2026-11-22T20:00:00Z");
        assertThat(left("Su2305-1655", sundayEvening)).isEqualTo(LoginTime.OUTSIDE);
        // Saturday 23:59 runs on into Sunday's first range.
        assertThat(left("Sa2300-2359,Su0000-0059", ZonedDateTime.parse("2026-11-21T23:59:30Z"))).isEqualTo(61 * 60);
    }

    @Test
    void reportsWhatRlmLogintimeWouldSilentlySkip() {
        assertThatThrownBy(() -> LoginTime.parse("Weekdays")).hasMessageContaining("\"ekdays\" is no day");
        assertThatThrownBy(() -> LoginTime.parse("Wk8-18")).hasMessageContaining("\"8-18\" is no time range");
        assertThatThrownBy(() -> LoginTime.parse("Mo-")).hasMessageContaining("needs a day after -");
    }
}
