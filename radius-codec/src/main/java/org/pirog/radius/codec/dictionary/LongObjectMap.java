package org.pirog.radius.codec.dictionary;

import org.jspecify.annotations.Nullable;

/**
 * Open-addressing map from a primitive {@code long} to an object, so that lookups on the decode path
 * neither box the key nor allocate. Filled while a dictionary loads, read-only afterwards.
 */
final class LongObjectMap<V> {

    private long[] keys;
    private @Nullable Object[] values;
    private int size;

    LongObjectMap() {
        this(8);
    }

    LongObjectMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        keys = new long[capacity];
        values = new Object[capacity];
    }

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    @Nullable V get(long key) {
        long[] k = keys;
        @Nullable Object[] v = values;
        int mask = k.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            Object value = v[i];
            if (value == null) {
                return null;
            }
            if (k[i] == key) {
                return (V) value;
            }
        }
    }

    /** Stores {@code value} under {@code key} and returns the value it replaced, if any. */
    @SuppressWarnings("unchecked")
    @Nullable V put(long key, V value) {
        // Keep the load factor at or below one half so probe sequences stay short.
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            Object old = values[i];
            if (old == null) {
                keys[i] = key;
                values[i] = value;
                size++;
                return null;
            }
            if (keys[i] == key) {
                values[i] = value;
                return (V) old;
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        @Nullable Object[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            Object value = oldValues[j];
            if (value != null) {
                int i = mix(oldKeys[j]) & mask;
                while (values[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = value;
            }
        }
    }

    /** Spreads vendor ids and attribute numbers, which cluster in the low bits, over the whole table. */
    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
