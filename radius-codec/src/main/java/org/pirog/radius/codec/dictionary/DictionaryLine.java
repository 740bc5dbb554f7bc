package org.pirog.radius.codec.dictionary;

/**
 * Splits one dictionary line into whitespace-separated fields, dropping a {@code #} comment anywhere on
 * the line (vendor files put comments after the last field). A hand-written scanner rather than a regex:
 * the FreeRADIUS tree has some 20,000 lines and the load time is measured.
 */
final class DictionaryLine {

    /** No keyword takes more than five fields; a few spare ones let us report "too many fields". */
    static final int MAX_FIELDS = 8;

    private DictionaryLine() {
    }

    /**
     * Fills {@code fields} and returns how many there are, or {@code MAX_FIELDS + 1} if the line has more
     * than {@link #MAX_FIELDS}.
     */
    static int split(String line, String[] fields) {
        int count = 0;
        int length = line.length();
        int i = 0;
        while (i < length) {
            char c = line.charAt(i);
            if (c == '#') {
                break;
            }
            if (isBlank(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < length && !isBlank(c = line.charAt(i)) && c != '#') {
                i++;
            }
            if (count == MAX_FIELDS) {
                return MAX_FIELDS + 1;
            }
            fields[count++] = line.substring(start, i);
        }
        return count;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == 0x0B;
    }

    /**
     * Parses an unsigned decimal or {@code 0x} hexadecimal number, as FreeRADIUS accepts in ATTRIBUTE,
     * VALUE and VENDOR lines; -1 if the text is not one or exceeds {@code max}.
     */
    static long parseNumber(CharSequence text, int from, int to, long max) {
        int radix = 10;
        if (to - from > 2 && text.charAt(from) == '0' && (text.charAt(from + 1) | 0x20) == 'x') {
            radix = 16;
            from += 2;
        }
        // Digit limits keep the value inside a long without overflow checks.
        if (from >= to || to - from > (radix == 16 ? 15 : 18)) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = Character.digit(text.charAt(i), radix);
            if (digit < 0) {
                return -1;
            }
            value = value * radix + digit;
        }
        return value <= max ? value : -1;
    }
}
