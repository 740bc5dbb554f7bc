package org.pirog.radius.codec.value;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The {@code date} type (RFC 2865 §5: seconds since 1970-01-01 00:00 UTC, 32 bits unsigned) as text.
 *
 * <p>Accepted: epoch seconds in decimal; FreeRADIUS style {@code Jan 1 2027}, {@code 1 Jan 2027},
 * {@code January 1 2027 12:00}, {@code Jan  1 2027 00:00:00 UTC} (month name in English, full or three letters,
 * any case; optional {@code hh:mm[:ss]}; optional zone {@code UTC}, {@code GMT} or {@code Z}); and ISO-8601
 * {@code 2027-01-01}, {@code 2027-01-01T00:00:00}, {@code 2027-01-01T00:00:00Z}, {@code ...+02:00}. A time
 * without a zone is UTC, not the server's local time as in FreeRADIUS: a policy must not change meaning with
 * the host's time zone.
 *
 * <p>Printed as FreeRADIUS prints dates, in double quotes, always in UTC: {@code "Jan  1 2027 00:00:00 UTC"}
 * ({@code strftime "%b %e %Y %H:%M:%S %Z"}, so a one-digit day is padded with a space).
 */
final class DateText {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};
    private static final String[] FULL_MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    static final long MAX_SECONDS = 0xFFFF_FFFFL;
    /** Returned by {@link #parseSeconds} for text that is no date. */
    static final long NOT_A_DATE = Long.MIN_VALUE;

    private DateText() {
    }

    /**
     * Seconds since the epoch for {@code text}, which may lie outside the 32-bit range (the caller checks), or
     * {@link #NOT_A_DATE}.
     */
    static long parseSeconds(String text) {
        String date = text.strip();
        if (!date.isEmpty() && allDigits(date)) {
            return date.length() <= 12 ? Long.parseLong(date) : Long.MAX_VALUE;
        }
        try {
            if (date.length() >= 10 && AddressText.isDigit(date.charAt(0)) && date.charAt(4) == '-') {
                return iso(date);
            }
            return freeRadiusStyle(date.split("[\\s,]+"));
        } catch (DateTimeException | NumberFormatException notADate) {
            return NOT_A_DATE;
        }
    }

    private static long iso(String date) {
        if (date.length() == 10) {
            return LocalDate.parse(date).toEpochSecond(LocalTime.MIDNIGHT, ZoneOffset.UTC);
        }
        try {
            return OffsetDateTime.parse(date).toEpochSecond();
        } catch (DateTimeParseException noOffset) {
            return LocalDateTime.parse(date).toEpochSecond(ZoneOffset.UTC);
        }
    }

    /** {@code Month Day Year [Time] [Zone]} or {@code Day Month Year [Time] [Zone]}. */
    private static long freeRadiusStyle(String[] tokens) {
        if (tokens.length < 3 || tokens.length > 5) {
            return NOT_A_DATE;
        }
        int month = month(tokens[0]);
        String day = tokens[1];
        if (month == 0) {
            month = month(tokens[1]);
            day = tokens[0];
        }
        if (month == 0 || !allDigits(day) || day.length() > 2 || tokens[2].length() != 4 || !allDigits(tokens[2])) {
            return NOT_A_DATE;
        }
        LocalTime time = LocalTime.MIDNIGHT;
        int next = 3;
        if (tokens.length > next && tokens[next].indexOf(':') > 0) {
            time = time(tokens[next++]);
            if (time == null) {
                return NOT_A_DATE;
            }
        }
        if (tokens.length > next && !isUtc(tokens[next++]) || tokens.length > next) {
            return NOT_A_DATE;
        }
        LocalDate date = LocalDate.of(Integer.parseInt(tokens[2]), month, Integer.parseInt(day));
        return date.toEpochSecond(time, ZoneOffset.UTC);
    }

    private static int month(String token) {
        for (int m = 0; m < 12; m++) {
            if (token.equalsIgnoreCase(MONTHS[m]) || token.equalsIgnoreCase(FULL_MONTHS[m])) {
                return m + 1;
            }
        }
        return 0;
    }

    /** {@code hh:mm} or {@code hh:mm:ss}, two digits each but the hour, which may have one. */
    private static @Nullable LocalTime time(String token) {
        String[] parts = token.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            return null;
        }
        for (int k = 0; k < parts.length; k++) {
            if (!allDigits(parts[k]) || parts[k].length() > 2 || k > 0 && parts[k].length() != 2) {
                return null;
            }
        }
        int seconds = parts.length == 3 ? Integer.parseInt(parts[2]) : 0;
        return LocalTime.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), seconds);
    }

    private static boolean isUtc(String zone) {
        String upper = zone.toUpperCase(Locale.ROOT);
        return upper.equals("UTC") || upper.equals("GMT") || upper.equals("Z");
    }

    private static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!AddressText.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return !text.isEmpty();
    }

    static void append(StringBuilder out, long seconds) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        out.append('"').append(MONTHS[time.getMonthValue() - 1]).append(' ');
        if (time.getDayOfMonth() < 10) {
            out.append(' ');
        }
        out.append(time.getDayOfMonth()).append(' ').append(time.getYear()).append(' ');
        twoDigits(out, time.getHour()).append(':');
        twoDigits(out, time.getMinute()).append(':');
        twoDigits(out, time.getSecond()).append(" UTC\"");
    }

    private static StringBuilder twoDigits(StringBuilder out, int value) {
        if (value < 10) {
            out.append('0');
        }
        return out.append(value);
    }
}
