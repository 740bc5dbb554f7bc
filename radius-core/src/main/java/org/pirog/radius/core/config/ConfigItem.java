package org.pirog.radius.core.config;

import java.util.Objects;

/**
 * One {@code name = value} line of a FreeRADIUS-syntax configuration file.
 *
 * @param name   the item's name
 * @param value  the value, unquoted, with {@code ${…}} references resolved
 * @param quoted whether the value was written in quotes (a quoted value is never a number or a section)
 * @param file   the file it was read from
 * @param line   its line
 */
public record ConfigItem(String name, String value, boolean quoted, String file, int line) {
    public ConfigItem {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(file, "file");
    }

    /** An error about this item, pointing at its file and line. */
    public ConfigError error(String message) {
        return new ConfigError(file, line, name + ": " + message);
    }
}
