package org.pirog.radius.core.config;

import java.util.Objects;

/**
 * One configuration error: where it is and what is wrong, printed as {@code file[line]: message} like
 * FreeRADIUS prints its own.
 *
 * @param file    the file, as the operator named it
 * @param line    1-based line, or 0 when the error is about the whole file
 * @param message what is wrong and what was expected
 */
public record ConfigError(String file, int line, String message) {
    public ConfigError {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return line > 0 ? file + "[" + line + "]: " + message : file + ": " + message;
    }
}
