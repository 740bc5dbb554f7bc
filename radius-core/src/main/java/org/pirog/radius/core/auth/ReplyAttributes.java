package org.pirog.radius.core.auth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.packet.RadiusPacketBuilder;

/**
 * The attributes an authentication method puts in its reply: MS-CHAP2-Success and the MPPE keys in an
 * Access-Accept, MS-CHAP-Error in an Access-Reject. Immutable.
 *
 * <p>Key material stays in plaintext here and is hidden only when added to a reply, because hiding needs the shared
 * secret and the Request Authenticator (RFC 2548 §2.4.1–§2.4.3). {@link #toString()} shows attribute names only.
 */
public final class ReplyAttributes {

    /** No attributes. */
    public static final ReplyAttributes NONE = new ReplyAttributes(new AttributeDefinition[0], new byte[0][],
            new boolean[0]);

    private final AttributeDefinition[] definitions;
    private final byte[][] values;
    private final boolean[] hidden;

    private ReplyAttributes(AttributeDefinition[] definitions, byte[][] values, boolean[] hidden) {
        this.definitions = definitions;
        this.values = values;
        this.hidden = hidden;
    }

    /**
     * Adds the attributes to a reply, hiding MS-MPPE-Send-Key, MS-MPPE-Recv-Key and MS-CHAP-MPPE-Keys with the
     * cipher their definition names. The builder must come from {@code request.replyBuilder(code)}, whose
     * Authenticator is the request's: that is the key the NAS unhides them with.
     */
    public void addTo(RadiusPacketBuilder reply, SharedSecret secret) {
        for (int i = 0; i < definitions.length; i++) {
            if (hidden[i]) {
                reply.addHidden(definitions[i], values[i], secret);
            } else {
                reply.add(definitions[i], values[i]);
            }
        }
    }

    public boolean isEmpty() {
        return definitions.length == 0;
    }

    public int size() {
        return definitions.length;
    }

    /** The attribute names, in the order they are added. */
    public List<String> names() {
        List<String> names = new ArrayList<>(definitions.length);
        for (AttributeDefinition definition : definitions) {
            names.add(definition.name());
        }
        return List.copyOf(names);
    }

    /** One attribute, not hidden. */
    static ReplyAttributes of(AttributeDefinition definition, byte[] value) {
        return new ReplyAttributes(new AttributeDefinition[] {definition}, new byte[][] {value}, new boolean[1]);
    }

    static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ReplyAttributes that && Arrays.equals(definitions, that.definitions)
                && Arrays.deepEquals(values, that.values) && Arrays.equals(hidden, that.hidden);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(definitions), Arrays.deepHashCode(values), Arrays.hashCode(hidden));
    }

    /** Names only: the values include session keys. */
    @Override
    public String toString() {
        return names().toString();
    }

    /** Collects the attributes of one reply; the arrays handed in are owned by the result. */
    static final class Builder {
        private final List<AttributeDefinition> definitions = new ArrayList<>(5);
        private final List<byte[]> values = new ArrayList<>(5);
        private final List<Boolean> hidden = new ArrayList<>(5);

        Builder add(AttributeDefinition definition, byte[] value) {
            return add(definition, value, false);
        }

        Builder addHidden(AttributeDefinition definition, byte[] plaintext) {
            return add(definition, plaintext, true);
        }

        Builder addInteger(AttributeDefinition definition, int value) {
            return add(definition, new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8),
                (byte) value}, false);
        }

        private Builder add(AttributeDefinition definition, byte[] value, boolean hide) {
            definitions.add(definition);
            values.add(value);
            hidden.add(hide);
            return this;
        }

        ReplyAttributes build() {
            boolean[] flags = new boolean[hidden.size()];
            for (int i = 0; i < flags.length; i++) {
                flags[i] = hidden.get(i);
            }
            return new ReplyAttributes(definitions.toArray(new AttributeDefinition[0]), values.toArray(new byte[0][]),
                    flags);
        }
    }
}
