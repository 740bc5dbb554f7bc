package org.pirog.radius.codec.dictionary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code VALUE} names of one attribute, both ways. Several names may share a number (aliases such as
 * {@code Alive}/{@code Interim-Update}); as in FreeRADIUS the last one defined is printed, all are parsed.
 */
final class ValueTable {

    private @Nullable LongObjectMap<NamedValue> byNumber;
    private @Nullable NameMap<NamedValue> byName;
    private @Nullable ArrayList<NamedValue> all;

    @Nullable NamedValue byName(CharSequence name) {
        NameMap<NamedValue> map = byName;
        return map == null ? null : map.get(name);
    }

    @Nullable NamedValue byNumber(long number) {
        LongObjectMap<NamedValue> map = byNumber;
        return map == null ? null : map.get(number);
    }

    void add(NamedValue value) {
        if (all == null) {
            all = new ArrayList<>();
            byName = new NameMap<>();
            byNumber = new LongObjectMap<>();
        }
        all.add(value);
        byName.put(value.name(), value);
        byNumber.put(value.number(), value);
    }

    int size() {
        return all == null ? 0 : all.size();
    }

    List<NamedValue> list() {
        return all == null ? List.of() : Collections.unmodifiableList(all);
    }
}
