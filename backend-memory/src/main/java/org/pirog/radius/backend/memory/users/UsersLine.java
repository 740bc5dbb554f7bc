package org.pirog.radius.backend.memory.users;

import org.pirog.radius.core.policy.Operator;

/**
 * Reads the tokens of one line of a {@code users} file: entry names, {@code Attribute[:tag] op value} items and
 * the commas between them. A {@code #} outside quotes starts a comment. Values are bare words (up to a blank, a
 * comma or a {@code #}), {@code "double-quoted"} with the escapes {@code \" \\ \n \r \t} (any other backslash is
 * kept, as FreeRADIUS 3.2 keeps it) or {@code 'single-quoted'} ({@code \'} and {@code \\} only).
 */
final class UsersLine {
    private final String text;
    private int position;

    UsersLine(String text) {
        this.text = text;
    }

    /** Whether only blanks or a comment remain. */
    boolean atEnd() {
        skipBlanks();
        return position >= text.length() || text.charAt(position) == '#';
    }

    /** Consumes a comma if one comes next. */
    boolean comma() {
        skipBlanks();
        if (position < text.length() && text.charAt(position) == ',') {
            position++;
            return true;
        }
        return false;
    }

    /** The entry's name at the start of the line: a bare word or a quoted string. */
    String name() throws UsersSyntaxException {
        skipBlanks();
        if (position < text.length() && (text.charAt(position) == '"' || text.charAt(position) == '\'')) {
            return quoted(text.charAt(position));
        }
        int start = position;
        while (position < text.length() && !isBlank(text.charAt(position)) && text.charAt(position) != '#') {
            position++;
        }
        return text.substring(start, position);
    }

    /** The rest of the line, for {@code $INCLUDE}: a quoted or bare file name. */
    String fileName() throws UsersSyntaxException {
        String name = name();
        if (!atEnd()) {
            throw new UsersSyntaxException("unexpected text after the file name of $INCLUDE");
        }
        return name;
    }

    RawItem item() throws UsersSyntaxException {
        skipBlanks();
        int start = position;
        while (position < text.length() && isNameChar(text.charAt(position))) {
            position++;
        }
        if (position == start) {
            throw new UsersSyntaxException("expected an attribute name at \"" + rest() + "\"");
        }
        String attribute = text.substring(start, position);
        int tag = -1;
        if (position < text.length() && text.charAt(position) == ':' && position + 1 < text.length()
                && Character.isDigit(text.charAt(position + 1))) {
            int tagStart = ++position;
            while (position < text.length() && Character.isDigit(text.charAt(position))) {
                position++;
            }
            tag = Integer.parseInt(text.substring(tagStart, Math.min(position, tagStart + 3)));
        }
        skipBlanks();
        Operator operator = Operator.at(text, position);
        if (operator == null) {
            throw new UsersSyntaxException("expected an operator (= := += == != > >= < <= =~ !~ =* !*) after "
                    + attribute + " at \"" + rest() + "\"");
        }
        position += operator.token().length();
        if (position < text.length() && "=~*<>".indexOf(text.charAt(position)) >= 0) {
            throw new UsersSyntaxException("unknown operator " + operator.token() + text.charAt(position)
                    + " after " + attribute);
        }
        skipBlanks();
        if (position >= text.length() || text.charAt(position) == '#' || text.charAt(position) == ',') {
            if (operator == Operator.PRESENT || operator == Operator.NOT_PRESENT) {
                return new RawItem(attribute, tag, operator.token(), "", RawItem.Quoting.BARE);
            }
            throw new UsersSyntaxException("expected a value after " + attribute + " " + operator.token());
        }
        char first = text.charAt(position);
        if (first == '`') {
            throw new UsersSyntaxException("`…` values run programs, which Pirog does not do");
        }
        if (first == '"' || first == '\'') {
            String value = quoted(first);
            return new RawItem(attribute, tag, operator.token(), value,
                    first == '"' ? RawItem.Quoting.DOUBLE : RawItem.Quoting.SINGLE);
        }
        int valueStart = position;
        while (position < text.length() && !isBlank(text.charAt(position)) && text.charAt(position) != ','
                && text.charAt(position) != '#') {
            position++;
        }
        return new RawItem(attribute, tag, operator.token(), text.substring(valueStart, position),
                RawItem.Quoting.BARE);
    }

    /** What is left of the line, for messages. */
    String rest() {
        return text.substring(Math.min(position, text.length())).strip();
    }

    private String quoted(char quote) throws UsersSyntaxException {
        StringBuilder value = new StringBuilder();
        position++;
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == quote) {
                return value.toString();
            }
            if (c != '\\' || position >= text.length()) {
                value.append(c);
                continue;
            }
            char next = text.charAt(position++);
            if (next == quote || next == '\\') {
                value.append(next);
            } else if (quote == '"' && next == 'n') {
                value.append('\n');
            } else if (quote == '"' && next == 'r') {
                value.append('\r');
            } else if (quote == '"' && next == 't') {
                value.append('\t');
            } else {
                value.append('\\').append(next);
            }
        }
        throw new UsersSyntaxException("a " + quote + " quoted value is not closed on its line");
    }

    private void skipBlanks() {
        while (position < text.length() && isBlank(text.charAt(position))) {
            position++;
        }
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == '/';
    }
}
