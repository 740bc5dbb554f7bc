package org.pirog.radius.core.policy;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The regular expressions of {@code =~} and {@code !~} check items. FreeRADIUS uses POSIX extended expressions
 * (or PCRE when built with it); Pirog uses {@link java.util.regex}, which reads the usual ERE syntax the same way
 * and matches anywhere in the value like {@code regexec}. POSIX bracket classes such as {@code [[:digit:]]} are
 * translated. Differences that remain: Java also accepts Perl extensions (lazy quantifiers, look-around,
 * {@code \d}), and where several alternatives match at one position Java takes the first one rather than the
 * longest, which changes only what a group captures, never whether the expression matches.
 */
final class PosixRegex {
    private static final String[][] CLASSES = {
        {"[:alpha:]", "\\p{Alpha}"}, {"[:digit:]", "\\p{Digit}"}, {"[:alnum:]", "\\p{Alnum}"},
        {"[:upper:]", "\\p{Upper}"}, {"[:lower:]", "\\p{Lower}"}, {"[:space:]", "\\p{Space}"},
        {"[:punct:]", "\\p{Punct}"}, {"[:xdigit:]", "\\p{XDigit}"}, {"[:blank:]", "\\p{Blank}"},
        {"[:cntrl:]", "\\p{Cntrl}"}, {"[:graph:]", "\\p{Graph}"}, {"[:print:]", "\\p{Print}"},
    };

    private PosixRegex() {
    }

    static Pattern compile(String expression) throws PolicyException {
        String java = expression;
        if (java.contains("[:")) {
            for (String[] c : CLASSES) {
                java = java.replace(c[0], c[1]);
            }
        }
        try {
            return Pattern.compile(java);
        } catch (PatternSyntaxException e) {
            throw new PolicyException("\"" + expression + "\" is not a valid regular expression: "
                    + e.getDescription());
        }
    }
}
