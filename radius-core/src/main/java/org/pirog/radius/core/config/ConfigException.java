package org.pirog.radius.core.config;

import java.util.List;

/**
 * The configuration is wrong; holds every error found, so that {@code radiusd -C} can print them all at once.
 * It has no stack trace: its message is the whole story.
 */
public final class ConfigException extends Exception {
    private final List<ConfigError> errors;

    public ConfigException(List<ConfigError> errors) {
        super(summary(errors), null, false, false);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public ConfigException(String file, int line, String message) {
        this(List.of(new ConfigError(file, line, message)));
    }

    public List<ConfigError> errors() {
        return errors;
    }

    private static String summary(List<ConfigError> errors) {
        StringBuilder text = new StringBuilder();
        for (ConfigError error : errors) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(error);
        }
        return text.toString();
    }
}
