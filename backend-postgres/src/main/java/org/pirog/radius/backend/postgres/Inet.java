package org.pirog.radius.backend.postgres;

import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL {@code inet} values in jOOQ. The generated columns are of PostgreSQL's own type, which jOOQ's free
 * edition does not map, so an address is bound (or selected) as text and cast.
 */
public final class Inet {
    private Inet() {
    }

    /** A bound address, or NULL. */
    public static Field<Object> of(@Nullable String address) {
        return of(DSL.val(address, SQLDataType.VARCHAR));
    }

    /** A text expression as an address. */
    public static Field<Object> of(Field<String> address) {
        return DSL.field("cast({0} as inet)", Object.class, address);
    }
}
