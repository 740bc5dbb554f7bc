package org.pirog.radius.core.policy;

import org.jspecify.annotations.Nullable;

/**
 * The operators of FreeRADIUS check and reply items ({@code users} file and SQL {@code op} column).
 * Check items compare ({@code == != > >= < <= =~ !~ =* !*}) or assign to the control list ({@code = := +=});
 * reply items only assign.
 */
public enum Operator {
    /** {@code =}: add the item unless one of that attribute is already there. */
    SET("="),
    /** {@code :=}: replace any item of that attribute, or add it. */
    ASSIGN(":="),
    /** {@code +=}: add the item, even if others of that attribute are there. */
    ADD("+="),
    EQUAL("=="),
    NOT_EQUAL("!="),
    GREATER(">"),
    GREATER_EQUAL(">="),
    LESS("<"),
    LESS_EQUAL("<="),
    REGEX_MATCH("=~"),
    REGEX_NOT_MATCH("!~"),
    /** {@code =*}: the attribute is present, whatever its value. */
    PRESENT("=*"),
    /** {@code !*}: the attribute is absent. */
    NOT_PRESENT("!*");

    private static final Operator[] LONGEST_FIRST = {
        ASSIGN, ADD, EQUAL, NOT_EQUAL, GREATER_EQUAL, LESS_EQUAL, REGEX_MATCH, REGEX_NOT_MATCH, PRESENT, NOT_PRESENT,
        SET, GREATER, LESS
    };

    private final String token;

    Operator(String token) {
        this.token = token;
    }

    /** The operator as written in a {@code users} file or an SQL row. */
    public String token() {
        return token;
    }

    /** Whether this operator assigns (to the control or reply list) rather than compares. */
    public boolean isAssignment() {
        return this == SET || this == ASSIGN || this == ADD;
    }

    /**
     * Whether a comparison's result (negative, zero or positive: the request's value against the check item's)
     * satisfies this comparison operator; {@code =} compares like {@code ==} (FreeRADIUS "reverting to ==").
     */
    boolean holds(int comparison) {
        return switch (this) {
            case NOT_EQUAL -> comparison != 0;
            case GREATER -> comparison > 0;
            case GREATER_EQUAL -> comparison >= 0;
            case LESS -> comparison < 0;
            case LESS_EQUAL -> comparison <= 0;
            default -> comparison == 0;
        };
    }

    /** The operator written as {@code token}, or null if there is none. */
    public static @Nullable Operator fromToken(String token) {
        for (Operator operator : LONGEST_FIRST) {
            if (operator.token.equals(token)) {
                return operator;
            }
        }
        return null;
    }

    /** The operator at {@code position} of {@code line} (longest match), or null if none starts there. */
    public static @Nullable Operator at(CharSequence line, int position) {
        for (Operator operator : LONGEST_FIRST) {
            String t = operator.token;
            if (startsAt(line, position, t)) {
                return operator;
            }
        }
        return null;
    }

    private static boolean startsAt(CharSequence line, int position, String token) {
        if (position + token.length() > line.length()) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            if (line.charAt(position + i) != token.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return token;
    }
}
