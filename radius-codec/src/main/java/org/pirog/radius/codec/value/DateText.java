package org.pirog.radius.codec.value;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code date} type (RFC 2865 §5: seconds since 1970-01-01 00:00 UTC, 32 bits unsigned) as text.
 *
 * <p>Accepted: epoch seconds in decimal; FreeRADIUS style {@code Jan 1 2027}, {@code 1 Jan 2027},
 * {@code 2027 Jan 1}, {@code January 1 2027 12:00}, {@code Jan  1 2027 00:00:00 UTC}; and ISO-8601
 * {@code 2027-01-01}, {@code 2027-01-01T00:00:00}, {@code 2027-01-01T00:00:00Z}, {@code ...+02:00}.
 *
 * <p>The FreeRADIUS style is read as FreeRADIUS 3.2 reads it (checked against {@code radiusd -X}): a month
 * recognised by its first three letters in any case, a year of at least 1900 and a day of month in either
 * order, a time {@code h:mm[:ss]} in any place, commas ignored; a day past the month's end or an hour past 23
 * rolls over as C's {@code mktime} does ({@code Feb 31} is {@code Mar 3}). A date written without a zone is
 * wall-clock time in the zone the caller passes: FreeRADIUS reads it with {@code mktime}, i.e. in the server's
 * local time zone, so {@code Jan 1 2030} on a Moscow host is 2029-12-31T21:00Z. Pirog differs in three ways:
 * a trailing zone {@code UTC}, {@code GMT} or {@code Z} is honoured (FreeRADIUS ignores a fifth field and stays
 * local; it prints {@code UTC} only when local time is UTC, so its own output reads back the same); other zone
 * names are refused; and each number must be whole digits (FreeRADIUS reads {@code 1x} as 1). ISO-8601 is a
 * Pirog extension that FreeRADIUS refuses.
 *
 * <p>Printed as FreeRADIUS prints dates ({@code strftime "%b %e %Y %H:%M:%S %Z"}, so a one-digit day is padded
 * with a space): in double quotes and always in UTC as a value ({@code "Jan  1 2027 00:00:00 UTC"}), or in a
 * given zone for messages and expansions ({@code Jan  1 2027 03:00:00 MSK}).
 */
final class DateText {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};
    private static final DateTimeFormatter IN_ZONE = DateTimeFormatter.ofPattern("MMM ppd yyyy HH:mm:ss zzz",
            Locale.US);
    static final long MAX_SECONDS = 0xFFFF_FFFFL;
    /** Returned by {@link #parseSeconds} for text that is no date. */
    static final long NOT_A_DATE = Long.MIN_VALUE;
    /** FreeRADIUS refuses two-digit years: they make year and day ambiguous. */
    private static final int MIN_YEAR = 1900;

    private DateText() {
    }

    /**
     * Seconds since the epoch for {@code text}, a date without a zone being in {@code zone}; may lie outside the
     * 32-bit range (the caller checks), or {@link #NOT_A_DATE}.
     */
    static long parseSeconds(String text, ZoneId zone) {
        String date = text.strip();
        if (!date.isEmpty() && allDigits(date)) {
            return date.length() <= 12 ? Long.parseLong(date) : Long.MAX_VALUE;
        }
        try {
            if (date.length() >= 10 && AddressText.isDigit(date.charAt(0)) && date.charAt(4) == '-') {
                return iso(date, zone);
            }
            return freeRadiusStyle(date, zone);
        } catch (DateTimeException | NumberFormatException notADate) {
            return NOT_A_DATE;
        }
    }

    private static long iso(String date, ZoneId zone) {
        if (date.length() == 10) {
            return LocalDate.parse(date).atStartOfDay(zone).toEpochSecond();
        }
        try {
            return OffsetDateTime.parse(date).toEpochSecond();
        } catch (DateTimeParseException noOffset) {
            return LocalDateTime.parse(date).atZone(zone).toEpochSecond();
        }
    }

    /** Month, day and year in any order, an optional time anywhere, an optional UTC zone last. */
    private static long freeRadiusStyle(String date, ZoneId zone) {
        List<String> fields = new ArrayList<>(5);
        for (String field : date.split("[\\s,]+")) {
            if (!field.isEmpty()) {
                fields.add(field);
            }
        }
        ZoneId in = zone;
        if (fields.size() >= 4 && isUtc(fields.get(fields.size() - 1))) {
            in = ZoneOffset.UTC;
            fields.remove(fields.size() - 1);
        }
        if (fields.size() < 3 || fields.size() > 4) {
            return NOT_A_DATE;
        }
        String time = null;
        if (fields.size() == 4) {
            int colon = 3;
            for (int i = 0; i < 3; i++) {
                if (fields.get(i).indexOf(':') >= 0) {
                    colon = i;
                    break;
                }
            }
            time = fields.remove(colon);
        }
        int monthField = -1;
        for (int i = 0; i < 3 && monthField < 0; i++) {
            if (Character.isLetter(fields.get(i).charAt(0))) {
                monthField = i;
            }
        }
        int month = monthField < 0 ? 0 : month(fields.remove(monthField));
        if (month == 0) {
            return NOT_A_DATE;
        }
        int first = number(fields.get(0), 9);
        int second = number(fields.get(1), 9);
        int year = first >= MIN_YEAR ? first : second;
        int day = first >= MIN_YEAR ? second : first;
        if (year < MIN_YEAR || day < 1 || day > 31) {
            return NOT_A_DATE;
        }
        // mktime normalises fields past their range (Feb 31 is Mar 3, 24:00 is the next day) on the wall clock,
        // before the zone applies: so plus… on a LocalDateTime rather than of(…), or plus… on a ZonedDateTime.
        LocalDateTime wallClock = LocalDate.of(year, month, 1).atStartOfDay().plusDays(day - 1L);
        if (time != null) {
            String[] parts = time.split(":", -1);
            if (parts.length < 2 || parts.length > 3) {
                return NOT_A_DATE;
            }
            int hour = number(parts[0], 2);
            int minute = number(parts[1], 2);
            int secondOfMinute = parts.length == 3 ? number(parts[2], 2) : 0;
            if (hour < 0 || minute < 0 || secondOfMinute < 0) {
                return NOT_A_DATE;
            }
            wallClock = wallClock.plusHours(hour).plusMinutes(minute).plusSeconds(secondOfMinute);
        }
        return wallClock.atZone(in).toEpochSecond();
    }

    /** 1..12 for a field whose first three letters name a month, as FreeRADIUS compares them; else 0. */
    private static int month(String field) {
        if (field.length() < 3) {
            return 0;
        }
        for (int m = 0; m < 12; m++) {
            if (field.regionMatches(true, 0, MONTHS[m], 0, 3)) {
                return m + 1;
            }
        }
        return 0;
    }

    /** The field's value if it is 1 to {@code maxDigits} decimal digits, else -1. */
    private static int number(String field, int maxDigits) {
        return field.length() <= maxDigits && allDigits(field) ? Integer.parseInt(field) : -1;
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

    /** As FreeRADIUS prints a date value: in double quotes, in UTC. */
    static void append(StringBuilder out, long seconds) {
        out.append('"');
        appendInZone(out, seconds, ZoneOffset.UTC);
        out.append('"');
    }

    /** As FreeRADIUS prints a date in local time, here in {@code zone}, without quotes. */
    static void appendInZone(StringBuilder out, long seconds, ZoneId zone) {
        int start = out.length();
        IN_ZONE.formatTo(Instant.ofEpochSecond(seconds).atZone(zone), out);
        // A zone that is a bare offset prints "Z" where C's %Z says "UTC".
        if (out.length() - start >= 2 && out.charAt(out.length() - 1) == 'Z' && out.charAt(out.length() - 2) == ' ') {
            out.setLength(out.length() - 1);
            out.append("UTC");
        }
    }
}
