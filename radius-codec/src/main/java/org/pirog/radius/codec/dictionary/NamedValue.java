package org.pirog.radius.codec.dictionary;

/**
 * One {@code VALUE} line: a name for a number of an integer-like attribute ({@code Service-Type
 * Framed-User = 2}).
 */
public record NamedValue(String name, long number) {

    @Override
    public String toString() {
        return name + " = " + number;
    }
}
