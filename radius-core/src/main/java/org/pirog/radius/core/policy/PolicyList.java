package org.pirog.radius.core.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.dictionary.AttributeDefinition;

/**
 * The control or reply list one request builds up, merging the items of each matched entry (users file) or row
 * set (SQL) with FreeRADIUS's operators: {@code =} adds an item unless the list already has that attribute,
 * {@code :=} replaces the first item of that attribute (or adds it), {@code +=} always adds.
 *
 * <p>As in FreeRADIUS, a batch is merged against the list as it was before the batch: two {@code =} items of one
 * attribute in the same entry are both added, and two {@code :=} items replace two existing items in turn. Tags
 * do not tell items apart ({@code Tunnel-Type:2 = …} is not added next to {@code Tunnel-Type:1}), also as in
 * FreeRADIUS. Not thread-safe: one request owns it.
 */
public final class PolicyList {
    private final List<PolicyItem> items = new ArrayList<>();

    public PolicyList() {
    }

    public PolicyList(List<PolicyItem> initial) {
        items.addAll(initial);
    }

    /**
     * Merges a batch of assignment items.
     *
     * @throws IllegalArgumentException for a comparison operator: only {@code =}, {@code :=} and {@code +=} assign
     */
    public void merge(List<PolicyItem> batch) {
        int existing = items.size();
        if (existing == 0) {
            // Against an empty list every operator appends (the batch is merged against the list as it was).
            for (int i = 0, n = batch.size(); i < n; i++) {
                PolicyItem item = batch.get(i);
                if (!item.operator().isAssignment()) {
                    throw new IllegalArgumentException(item + ": only =, := and += assign to a list");
                }
                items.add(item);
            }
            return;
        }
        boolean[] replaced = new boolean[existing];
        List<PolicyItem> appended = new ArrayList<>();
        for (PolicyItem item : batch) {
            switch (item.operator()) {
                case ADD -> appended.add(item);
                case SET -> {
                    if (indexOf(item.attribute(), existing, null) < 0) {
                        appended.add(item);
                    }
                }
                case ASSIGN -> {
                    int j = indexOf(item.attribute(), existing, replaced);
                    if (j >= 0) {
                        items.set(j, item);
                        replaced[j] = true;
                    } else {
                        appended.add(item);
                    }
                }
                default -> throw new IllegalArgumentException(item + ": only =, := and += assign to a list");
            }
        }
        items.addAll(appended);
    }

    /** Merges one assignment item. */
    public void merge(PolicyItem item) {
        merge(List.of(item));
    }

    /** The first item of that attribute, or null. */
    public @Nullable PolicyItem first(AttributeDefinition attribute) {
        int j = indexOf(attribute, items.size(), null);
        return j < 0 ? null : items.get(j);
    }

    /** Replaces the item at that position of {@link #items()} (a module editing a value, as Session-Timeout caps). */
    public void set(int index, PolicyItem item) {
        items.set(index, item);
    }

    /** Removes every item of that attribute. */
    public void removeAll(AttributeDefinition attribute) {
        items.removeIf(item -> AttributeIdentity.same(item.attribute(), attribute));
    }

    /** An immutable copy of the list, in order. */
    public List<PolicyItem> items() {
        return List.copyOf(items);
    }

    public int size() {
        return items.size();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    private int indexOf(AttributeDefinition attribute, int limit, boolean @Nullable [] skip) {
        for (int j = 0; j < limit; j++) {
            if (AttributeIdentity.same(items.get(j).attribute(), attribute) && (skip == null || !skip[j])) {
                return j;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return Arrays.toString(items.toArray());
    }
}
