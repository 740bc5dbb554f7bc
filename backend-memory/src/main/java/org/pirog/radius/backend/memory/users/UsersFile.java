package org.pirog.radius.backend.memory.users;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pirog.radius.core.policy.PolicyContext;

/**
 * The entries of a {@code users} file (rlm_files format) and FreeRADIUS's way of matching them: the entries for
 * the user's name (compared exactly, case included) and the {@code DEFAULT} entries are tried together in file
 * order; every entry whose check items match has its items applied, and matching stops after the first one
 * whose reply does not say {@code Fall-Through = Yes}. Immutable and thread-safe.
 */
public final class UsersFile {
    private static final UsersEntry[] NONE = new UsersEntry[0];

    private final List<UsersEntry> entries;
    private final Map<String, UsersEntry[]> byName;
    private final UsersEntry[] defaults;

    public UsersFile(List<UsersEntry> entries) {
        this.entries = List.copyOf(entries);
        Map<String, List<UsersEntry>> grouped = new HashMap<>();
        List<UsersEntry> defaultEntries = new ArrayList<>();
        for (UsersEntry entry : this.entries) {
            if (entry.isDefault()) {
                defaultEntries.add(entry);
            } else {
                grouped.computeIfAbsent(entry.name(), name -> new ArrayList<>()).add(entry);
            }
        }
        Map<String, UsersEntry[]> index = new HashMap<>(grouped.size() * 2);
        grouped.forEach((name, list) -> index.put(name, list.toArray(NONE)));
        this.byName = index;
        this.defaults = defaultEntries.toArray(NONE);
    }

    /** Every entry, in file order. */
    public List<UsersEntry> entries() {
        return entries;
    }

    /**
     * Applies the matching entries for {@code userName} to the context's control and reply lists.
     *
     * @return whether any entry matched
     */
    public boolean apply(String userName, PolicyContext context) {
        UsersEntry[] own = byName.getOrDefault(userName, NONE);
        int u = 0;
        int d = 0;
        boolean matched = false;
        while (u < own.length || d < defaults.length) {
            UsersEntry entry;
            if (d >= defaults.length || (u < own.length && own[u].order() < defaults[d].order())) {
                entry = own[u++];
            } else {
                entry = defaults[d++];
            }
            if (entry.rule().matches(context)) {
                matched = true;
                entry.rule().apply(context);
                if (!entry.rule().fallThrough()) {
                    break;
                }
            }
        }
        return matched;
    }
}
