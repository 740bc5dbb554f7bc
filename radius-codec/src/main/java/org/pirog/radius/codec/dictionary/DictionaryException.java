package org.pirog.radius.codec.dictionary;

import java.util.List;

/**
 * Thrown when dictionary files cannot be loaded. It carries every error of the load, not just the first,
 * so an operator fixes them all in one round, as with {@code radiusd -C}. Checked, because a broken
 * dictionary is a configuration problem the caller must report and stop on, not a programming error.
 */
public final class DictionaryException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<DictionaryError> errors;

    public DictionaryException(List<DictionaryError> errors) {
        super(message(errors));
        this.errors = List.copyOf(errors);
    }

    /** All errors, in the order they were found. */
    public List<DictionaryError> errors() {
        return errors;
    }

    private static String message(List<DictionaryError> errors) {
        StringBuilder sb = new StringBuilder();
        sb.append(errors.size()).append(errors.size() == 1 ? " dictionary error:" : " dictionary errors:");
        for (DictionaryError error : errors) {
            sb.append("\n  ").append(error);
        }
        return sb.toString();
    }
}
