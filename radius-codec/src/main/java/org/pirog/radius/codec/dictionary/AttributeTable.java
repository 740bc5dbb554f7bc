package org.pirog.radius.codec.dictionary;

import org.jspecify.annotations.Nullable;

/**
 * One attribute number space (the standard space, one vendor's, or one TLV's children): a plain array
 * for the one-octet numbers every wire attribute uses, a primitive map for the rest (USR's four-octet
 * types, FreeRADIUS internal attributes above 255). Both halves are allocated on first use, since most
 * TLV and vendor spaces stay small or empty.
 */
final class AttributeTable {

    private @Nullable AttributeDefinition @Nullable [] small;
    private @Nullable LongObjectMap<AttributeDefinition> large;

    @Nullable AttributeDefinition get(int number) {
        if ((number & ~0xFF) == 0) {
            @Nullable AttributeDefinition[] s = small;
            return s == null ? null : s[number];
        }
        LongObjectMap<AttributeDefinition> l = large;
        return l == null ? null : l.get(number & 0xFFFF_FFFFL);
    }

    /** Stores {@code definition} under its number; returns the one it replaced, if any. */
    @Nullable AttributeDefinition put(AttributeDefinition definition) {
        int number = definition.number();
        if ((number & ~0xFF) == 0) {
            @Nullable AttributeDefinition[] s = small;
            if (s == null) {
                s = small = new AttributeDefinition[256];
            }
            AttributeDefinition old = s[number];
            s[number] = definition;
            return old;
        }
        LongObjectMap<AttributeDefinition> l = large;
        if (l == null) {
            l = large = new LongObjectMap<>();
        }
        return l.put(number & 0xFFFF_FFFFL, definition);
    }
}
