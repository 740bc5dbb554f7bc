package org.pirog.radius.core.policy;

import java.util.Objects;
import org.pirog.radius.codec.dictionary.AttributeDefinition;

/**
 * One check or reply item, as a {@code users} file line or an SQL row states it: {@code Attribute op "value"}.
 * The value stays text because it may hold {@code %{…}} expansions that only a request can resolve; it is
 * validated against the attribute's type when the item is loaded.
 *
 * <p>The value is template text (see {@link Expansion}): {@code %{…}} expands and {@code %%} is a literal percent
 * sign. A value that was written in single quotes or as a bare word, or that was already expanded for a request,
 * has its percent signs doubled ({@link Expansion#escape}); {@link Expansion#unescape} reads it back.
 *
 * @param attribute the attribute the item is about
 * @param tag       the RFC 2868 tag ({@code Tunnel-Type:1}), or {@link #NO_TAG}
 * @param operator  how the item compares or assigns
 * @param value     the value as template text: unquoted, escape sequences resolved, {@code %%} for a percent sign
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

    public PolicyItem withValue(String newValue) {
        return new PolicyItem(attribute, tag, operator, newValue);
    }

    public PolicyItem withOperator(Operator newOperator) {
        return new PolicyItem(attribute, tag, newOperator, value);
    }

    /** Whether the value holds an expansion such as {@code %{User-Name}} (or a {@code %%}). */
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
