package org.pirog.radius.backend.memory.users;

/**
 * An item as a {@code users} line writes it, before the dictionary is asked.
 *
 * @param attribute the attribute's name
 * @param tag       the RFC 2868 tag after a colon ({@code Tunnel-Type:1}), or -1
 * @param operator  the operator's token
 * @param value     the value, unquoted, escapes resolved
 * @param quoting   how the value was written
 */
record RawItem(String attribute, int tag, String operator, String value, Quoting quoting) {

    /** How a value was written; only a double-quoted value expands {@code %{…}}. */
    enum Quoting { BARE, SINGLE, DOUBLE }
}
