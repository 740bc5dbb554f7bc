package org.pirog.radius.backend.memory.users;

import java.util.Objects;
import org.pirog.radius.core.policy.PolicyRule;

/**
 * One entry of a {@code users} file.
 *
 * @param name  the user name it is for, or {@code DEFAULT}
 * @param rule  its check and reply items
 * @param file  the file it is in
 * @param line  the line its name is on
 * @param order its position among all entries of the file and its includes, counting from 0
 */
public record UsersEntry(String name, PolicyRule rule, String file, int line, int order) {
    /** The name of entries that apply to every user. */
    public static final String DEFAULT = "DEFAULT";

    public UsersEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(file, "file");
    }

    public boolean isDefault() {
        return name.equals(DEFAULT);
    }

    @Override
    public String toString() {
        return name + " (" + file + "[" + line + "])";
    }
}
