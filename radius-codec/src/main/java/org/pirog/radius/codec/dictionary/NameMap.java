package org.pirog.radius.codec.dictionary;

import org.jspecify.annotations.Nullable;

/**
 * Open-addressing map from a name to an object, matching names case-insensitively in ASCII as FreeRADIUS
 * does ({@code strcasecmp}), and looking up any {@link CharSequence} without allocating: the hash folds
 * case while it walks the characters, so no lower-cased copy of the key is ever made.
 */
final class NameMap<V> {

    private @Nullable String[] keys;
    private @Nullable Object[] values;
    private int[] hashes;
    private int size;

    NameMap() {
        this(8);
    }

    NameMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        keys = new String[capacity];
        values = new Object[capacity];
        hashes = new int[capacity];
    }

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    @Nullable V get(CharSequence name) {
        int hash = hash(name);
        @Nullable String[] k = keys;
        int mask = k.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            String key = k[i];
            if (key == null) {
                return null;
            }
            if (hashes[i] == hash && equalsIgnoreCase(key, name)) {
                return (V) values[i];
            }
        }
    }

    /** Stores {@code value} under {@code name} and returns the value it replaced, if any. */
    @SuppressWarnings("unchecked")
    @Nullable V put(String name, V value) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int hash = hash(name);
        int mask = keys.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            String key = keys[i];
            if (key == null) {
                keys[i] = name;
                values[i] = value;
                hashes[i] = hash;
                size++;
                return null;
            }
            if (hashes[i] == hash && equalsIgnoreCase(key, name)) {
                Object old = values[i];
                values[i] = value;
                return (V) old;
            }
        }
    }

    private void grow() {
        @Nullable String[] oldKeys = keys;
        @Nullable Object[] oldValues = values;
        int[] oldHashes = hashes;
        int capacity = oldKeys.length * 2;
        keys = new String[capacity];
        values = new Object[capacity];
        hashes = new int[capacity];
        int mask = capacity - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int i = oldHashes[j] & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
                hashes[i] = oldHashes[j];
            }
        }
    }

    static int hash(CharSequence name) {
        int h = 0;
        for (int i = 0, n = name.length(); i < n; i++) {
            h = 31 * h + fold(name.charAt(i));
        }
        // Final avalanche: names share long prefixes ("WiMAX-", "Ascend-"), the low bits must still differ.
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        return h;
    }

    static boolean equalsIgnoreCase(String key, CharSequence name) {
        int n = key.length();
        if (n != name.length()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char a = key.charAt(i);
            char b = name.charAt(i);
            if (a != b && fold(a) != fold(b)) {
                return false;
            }
        }
        return true;
    }

    private static char fold(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
