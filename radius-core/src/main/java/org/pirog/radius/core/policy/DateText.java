package org.pirog.radius.core.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Dates as FreeRADIUS writes and reads them for {@code date} attributes ({@code Expiration}, {@code Event-Timestamp}):
 * seconds since the epoch, or {@code "Jan 01 2030"}, {@code "1 Jan 2030 12:30"}, {@code "January 1 2030 12:30:00"}
 * in the server's time zone; printed as {@code "Jan  1 2030 12:30:00 UTC"}.
 *
 * <p>Reading follows FreeRADIUS 3.2 (checked against {@code radiusd -C}): a month name (its first three letters
 * count), a four-digit year and a day of month in either order, optionally a time {@code HH:MM[:SS]}; a day past
 * the month's end rolls over as C's {@code mktime} does. Pirog is stricter in one way: each number must be a whole
 * number (FreeRADIUS reads {@code "1x"} as 1); a trailing comma is allowed.
 */
public final class DateText {
    private static final String[] MONTHS = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
    };
    private static final DateTimeFormatter PRINTED =
            DateTimeFormatter.ofPattern("MMM ppd yyyy HH:mm:ss zzz", Locale.US);

    private DateText() {
    }

    /** Seconds since the epoch for {@code text}, reading calendar dates in {@code zone}. */
    public static long parse(String text, ZoneId zone) throws PolicyException {
        String trimmed = text.strip();
        if (!trimmed.isEmpty() && allDigits(trimmed)) {
            return epochSeconds(trimmed, text);
        }
        List<String> fields = new ArrayList<>(4);
        for (String field : trimmed.split("[ \t]+")) {
            if (!field.isEmpty() && fields.size() < 4) {
                fields.add(field.endsWith(",") ? field.substring(0, field.length() - 1) : field);
            }
        }
        if (fields.size() < 3) {
            throw invalid(text);
        }
        String time = null;
        if (fields.size() == 4) {
            for (int i = 0; i < 3; i++) {
                if (fields.get(i).indexOf(':') >= 0) {
                    time = fields.get(i);
                    fields.set(i, fields.get(3));
                    break;
                }
            }
            if (time == null) {
                time = fields.get(3);
            }
        }
        int month = -1;
        int monthField = -1;
        for (int i = 0; i < 3 && month < 0; i++) {
            String field = fields.get(i);
            if (Character.isLetter(field.charAt(0))) {
                month = month(field);
                monthField = i;
            }
        }
        if (month < 0) {
            throw invalid(text);
        }
        List<String> numbers = new ArrayList<>(2);
        for (int i = 0; i < 3; i++) {
            if (i != monthField) {
                numbers.add(fields.get(i));
            }
        }
        int first = number(numbers.get(0), text);
        int second = number(numbers.get(1), text);
        int year;
        int day;
        if (first >= 1900) {
            year = first;
            day = second;
        } else if (second >= 1900) {
            // Two-digit years are refused: they make year and day ambiguous.
            year = second;
            day = first;
        } else {
            throw invalid(text);
        }
        if (day < 1 || day > 31) {
            throw invalid(text);
        }
        int hour = 0;
        int minute = 0;
        int secondOfMinute = 0;
        if (time != null) {
            String[] parts = time.split(":", -1);
            if (parts.length < 2 || parts.length > 3) {
                throw invalid(text);
            }
            hour = number(parts[0], text);
            minute = number(parts[1], text);
            secondOfMinute = parts.length == 3 ? number(parts[2], text) : 0;
        }
        // mktime normalises out-of-range fields (Feb 31 is Mar 3), so plus… rather than of(…).
        ZonedDateTime when = LocalDate.of(year, month + 1, 1).plusDays(day - 1L).atStartOfDay(zone)
                .plusHours(hour).plusMinutes(minute).plusSeconds(secondOfMinute);
        return when.toEpochSecond();
    }

    /** {@code Jan  1 2030 12:30:00 UTC}: FreeRADIUS's way of printing a date ({@code %b %e %Y %H:%M:%S %Z}). */
    public static String format(long epochSeconds, ZoneId zone) {
        String text = PRINTED.format(Instant.ofEpochSecond(epochSeconds).atZone(zone));
        // A bare offset zone prints as "Z" where C's %Z says "UTC".
        return text.endsWith(" Z") ? text.substring(0, text.length() - 1) + "UTC" : text;
    }

    private static int month(String field) {
        if (field.length() < 3) {
            return -1;
        }
        String prefix = field.substring(0, 3).toLowerCase(Locale.ROOT);
        for (int m = 0; m < MONTHS.length; m++) {
            if (MONTHS[m].equals(prefix)) {
                return m;
            }
        }
        return -1;
    }

    private static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static long epochSeconds(String digits, String text) throws PolicyException {
        try {
            long value = Long.parseLong(digits);
            if (value > 0xFFFF_FFFFL) {
                throw invalid(text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid(text);
        }
    }

    private static int number(String field, String text) throws PolicyException {
        if (field.isEmpty() || field.length() > 9 || !allDigits(field)) {
            throw invalid(text);
        }
        return Integer.parseInt(field);
    }

    private static PolicyException invalid(String text) {
        return new PolicyException("\"" + text + "\" is not a date: expected seconds since 1970 or a date such as"
                + " \"Jan 01 2030\" or \"Jan 01 2030 12:00:00\"");
    }
}
