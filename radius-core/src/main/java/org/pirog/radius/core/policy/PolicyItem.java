package org.pirog.radius.core.policy;

import java.util.Objects;
import org.pirog.radius.codec.dictionary.AttributeDefinition;

/**
 * One check or reply item, as a {@code users} file line or an SQL row states it: {@code Attribute op "value"}.
 * The value stays text because it may hold {@code %{…}} expansions that only a request can resolve; it is
 * validated against the attribute's type when the item is loaded.
 *
 * @param attribute the attribute the item is about
 * @param tag       the RFC 2868 tag ({@code Tunnel-Type:1}), or {@link #NO_TAG}
 * @param operator  how the item compares or assigns
 * @param value     the value as written, unquoted and unescaped
 */
public record PolicyItem(AttributeDefinition attribute, int tag, Operator operator, String value) {
    public static final int NO_TAG = -1;

    public PolicyItem {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(value, "value");
    }

    public static PolicyItem of(AttributeDefinition attribute, Operator operator, String value) {
        return new PolicyItem(attribute, NO_TAG, operator, value);
    }

    /** Whether the value holds an expansion such as {@code %{User-Name}}. */
    public boolean expands() {
        return value.indexOf('%') >= 0;
    }

    public boolean isNamed(String attributeName) {
        return attribute.name().equalsIgnoreCase(attributeName);
    }

    @Override
    public String toString() {
        String value = this.value.indexOf('"') >= 0 ? this.value.replace("\"", "\\\"") : this.value;
        return attribute.name() + (tag == NO_TAG ? "" : ":" + tag) + " " + operator.token() + " \"" + value + "\"";
    }
}
