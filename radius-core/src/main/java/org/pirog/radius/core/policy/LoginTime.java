package org.pirog.radius.core.policy;

import java.time.ZonedDateTime;
import java.util.BitSet;
import java.util.Locale;

/**
 * A {@code Login-Time} value in rlm_logintime's UUCP-style syntax, e.g. {@code Wk0800-1800,Sa,Su2305-1655}:
 * comma- (or {@code |}-) separated ranges, each of day codes ({@code Su Mo Tu We Th Fr Sa}, {@code Wk} for
 * Monday to Friday, {@code Any} or {@code Al} for every day, {@code Mo-Fr}-style day ranges, several codes in a row
 * such as {@code SaSu}) followed by an optional {@code HHMM-HHMM} time range; a range with no day is every day,
 * a range with no time is the whole day. Case does not matter.
 *
 * <p>Semantics follow rlm_logintime of FreeRADIUS 3.2 exactly (checked against the running server): times are
 * whole minutes and both ends are included, so {@code 0800-1800} allows 08:00 to 18:00:59; a range whose end is
 * before its start wraps within the same day ({@code Su2305-1655} is Sunday 00:00-16:55 and 23:05-23:59); the
 * time left counts whole minutes from the current one, seconds ignored. Where FreeRADIUS silently skips text it
 * does not understand ({@code Weekdays} is read as Wednesday), Pirog reports an error when the item is loaded.
 */
public final class LoginTime {
    /** {@link #secondsLeft} when the time is outside every range. */
    public static final long OUTSIDE = -1;
    /** {@link #secondsLeft} when every minute of the week is allowed. */
    public static final long UNLIMITED = 0;

    private static final int DAY_MINUTES = 24 * 60;
    private static final int WEEK_MINUTES = 7 * DAY_MINUTES;
    // In rlm_logintime's order: a code is the first of these that the text starts with.
    private static final String[] DAY_CODES = {"su", "mo", "tu", "we", "th", "fr", "sa", "wk", "any", "al"};
    private static final int WEEKDAYS = 7;

    private final String text;
    private final BitSet allowed;

    private LoginTime(String text, BitSet allowed) {
        this.text = text;
        this.allowed = allowed;
    }

    public static LoginTime parse(String text) throws PolicyException {
        BitSet allowed = new BitSet(WEEK_MINUTES);
        for (String range : text.toLowerCase(Locale.ROOT).split("[,|]")) {
            String trimmed = range.strip();
            if (!trimmed.isEmpty()) {
                fillRange(allowed, trimmed, text);
            }
        }
        return new LoginTime(text, allowed);
    }

    /**
     * The seconds the login may last from {@code now}: {@link #OUTSIDE} when it is outside every range,
     * {@link #UNLIMITED} when the whole week is allowed, else the whole minutes to the end of the range, times 60.
     */
    public long secondsLeft(ZonedDateTime now) {
        int start = (now.getDayOfWeek().getValue() % 7) * DAY_MINUTES + now.getHour() * 60 + now.getMinute();
        int minute = start;
        long seconds = 0;
        do {
            if (!allowed.get(minute)) {
                break;
            }
            seconds += 60;
            minute = (minute + 1) % WEEK_MINUTES;
        } while (minute != start);
        if (seconds == 0) {
            return OUTSIDE;
        }
        return minute == start ? UNLIMITED : seconds;
    }

    /** The value as written. */
    public String text() {
        return text;
    }

    private static void fillRange(BitSet allowed, String range, String text) throws PolicyException {
        int firstDigit = 0;
        while (firstDigit < range.length() && !Character.isDigit(range.charAt(firstDigit))) {
            firstDigit++;
        }
        String days = firstDigit == 0 ? "al" : range.substring(0, firstDigit).strip();
        String hours = range.substring(firstDigit);
        int position = 0;
        boolean any = false;
        while (position < days.length()) {
            int start = code(days, position);
            if (start < 0) {
                throw new PolicyException("Login-Time \"" + text + "\": \"" + days.substring(position)
                        + "\" is no day; expected Su, Mo, Tu, We, Th, Fr, Sa, Wk, Any or Al");
            }
            position += DAY_CODES[start].length();
            int end = start;
            if (position < days.length() && days.charAt(position) == '-') {
                end = code(days, position + 1);
                if (end < 0) {
                    throw new PolicyException("Login-Time \"" + text + "\": a day range needs a day after -");
                }
                position += 1 + DAY_CODES[end].length();
            }
            if (start == WEEKDAYS) {
                start = 1;
                end = 5;
            } else if (start > WEEKDAYS) {
                start = 0;
                end = 6;
            } else if (end >= WEEKDAYS) {
                end = start; // "Mo-Wk" and such: rlm_logintime only reads a plain day as the end
            }
            for (int day = start; ; day = (day + 1) % 7) {
                fillHours(allowed, day, hours, text);
                if (day == end) {
                    break;
                }
            }
            any = true;
        }
        if (!any) {
            throw new PolicyException("Login-Time \"" + text + "\": a range names no day");
        }
    }

    private static int code(String days, int position) {
        for (int c = 0; c < DAY_CODES.length; c++) {
            if (days.startsWith(DAY_CODES[c], position)) {
                return c;
            }
        }
        return -1;
    }

    private static void fillHours(BitSet allowed, int day, String hours, String text) throws PolicyException {
        int start;
        int end;
        if (hours.isEmpty()) {
            start = 0;
            end = DAY_MINUTES - 1;
        } else if (hours.matches("\\d{4}")) {
            start = minutes(hours, 0);
            end = start;
        } else if (hours.matches("\\d{4}-\\d{4}")) {
            start = minutes(hours, 0);
            end = minutes(hours, 5);
        } else {
            throw new PolicyException("Login-Time \"" + text + "\": \"" + hours
                    + "\" is no time range; expected HHMM-HHMM such as 0800-1800");
        }
        // 2400 is the end of the day, as rlm_logintime clamps it.
        start = Math.min(start, DAY_MINUTES - 1);
        end = Math.min(end, DAY_MINUTES - 1);
        int base = day * DAY_MINUTES;
        for (int minute = start; ; minute = (minute + 1) % DAY_MINUTES) {
            allowed.set(base + minute);
            if (minute == end) {
                break;
            }
        }
    }

    private static int minutes(String hours, int at) {
        int h = (hours.charAt(at) - '0') * 10 + (hours.charAt(at + 1) - '0');
        int m = (hours.charAt(at + 2) - '0') * 10 + (hours.charAt(at + 3) - '0');
        return h * 60 + m;
    }

    @Override
    public String toString() {
        return text;
    }
}
