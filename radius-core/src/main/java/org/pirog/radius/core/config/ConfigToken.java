package org.pirog.radius.core.config;

import java.util.ArrayList;
import java.util.List;

/** One token of a configuration line: a bare word, an operator or brace, or a quoted string. */
record ConfigToken(String text, char quote) {
    static final char NONE = 0;

    boolean quoted() {
        return quote != NONE;
    }

    boolean isWord(String word) {
        return quote == NONE && text.equals(word);
    }

    /** A line is malformed (an unterminated string, a bad escape). */
    static final class SyntaxError extends Exception {
        SyntaxError(String message) {
            super(message, null, false, false);
        }
    }

    /** Splits one line into tokens; {@code #} outside quotes starts a comment. */
    static List<ConfigToken> split(String line) throws SyntaxError {
        List<ConfigToken> tokens = new ArrayList<>(4);
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c) || c == ',' || c == ';') {
                i++;
            } else if (c == '#') {
                break;
            } else if (c == '"' || c == '\'' || c == '`') {
                i = quoted(line, i, tokens);
            } else if (c == '{' || c == '}') {
                tokens.add(new ConfigToken(String.valueOf(c), NONE));
                i++;
            } else if (c == '=' && (i + 1 >= n || line.charAt(i + 1) != '~')) {
                tokens.add(new ConfigToken("=", NONE));
                i++;
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(line.charAt(i)) && "{}=#,;\"'".indexOf(line.charAt(i)) < 0) {
                    if (line.startsWith("${", i)) {
                        // A ${reference} is part of the word around it.
                        int close = line.indexOf('}', i);
                        i = close < 0 ? n : close;
                    }
                    i++;
                }
                tokens.add(new ConfigToken(line.substring(start, i), NONE));
            }
        }
        return tokens;
    }

    private static int quoted(String line, int start, List<ConfigToken> tokens) throws SyntaxError {
        char quote = line.charAt(start);
        StringBuilder text = new StringBuilder();
        int i = start + 1;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == quote) {
                tokens.add(new ConfigToken(text.toString(), quote));
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.length()) {
                text.append(unescape(line.charAt(i + 1)));
                i += 2;
            } else {
                text.append(c);
                i++;
            }
        }
        throw new SyntaxError("unterminated string: expected a closing " + quote);
    }

    private static char unescape(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            default -> c;
        };
    }
}
