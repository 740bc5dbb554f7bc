package org.pirog.radius.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A section of a FreeRADIUS-syntax file ({@code client pppd { … }}): its name, optional label, items and
 * subsections, in file order. The root of a file is a section named after the file.
 *
 * @param name     {@code client}
 * @param label    {@code pppd}, or null
 * @param items    its {@code name = value} items
 * @param sections its subsections
 * @param file     the file it starts in
 * @param line     the line it starts on
 */
public record ConfigSection(
        String name, @Nullable String label, List<ConfigItem> items, List<ConfigSection> sections, String file, int line) {

    public ConfigSection {
        Objects.requireNonNull(name, "name");
        items = List.copyOf(items);
        sections = List.copyOf(sections);
        Objects.requireNonNull(file, "file");
    }

    /** An empty section, for defaults when a file is absent. */
    public static ConfigSection empty(String name) {
        return new ConfigSection(name, null, List.of(), List.of(), name, 0);
    }

    /** The last item of that name (a later line overrides an earlier one, as in FreeRADIUS), or null. */
    public @Nullable ConfigItem item(String itemName) {
        ConfigItem found = null;
        for (ConfigItem item : items) {
            if (item.name().equals(itemName)) {
                found = item;
            }
        }
        return found;
    }

    /** The value of that item, or {@code fallback}. */
    public String value(String itemName, String fallback) {
        ConfigItem item = item(itemName);
        return item == null ? fallback : item.value();
    }

    /** The first subsection of that name, or null. */
    public @Nullable ConfigSection section(String sectionName) {
        for (ConfigSection section : sections) {
            if (section.name().equals(sectionName)) {
                return section;
            }
        }
        return null;
    }

    /** Every subsection of that name, in order. */
    public List<ConfigSection> sections(String sectionName) {
        List<ConfigSection> found = new ArrayList<>();
        for (ConfigSection section : sections) {
            if (section.name().equals(sectionName)) {
                found.add(section);
            }
        }
        return found;
    }

    /** An error about this section, pointing at its file and line. */
    public ConfigError error(String message) {
        return new ConfigError(file, line, name + (label == null ? "" : " " + label) + ": " + message);
    }
}
