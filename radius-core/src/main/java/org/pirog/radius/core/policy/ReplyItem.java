package org.pirog.radius.core.policy;

import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reply item ready to be merged into a request's reply list: an assignment ({@code =}, {@code :=},
 * {@code +=}) whose value is checked for the attribute's type when it is loaded, or, when it holds
 * {@code %{…}}, expanded per request and checked then. Immutable and thread-safe.
 */
public final class ReplyItem {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyItem.class);

    private final PolicyItem item;
    private final Expansion value;

    private ReplyItem(PolicyItem item, Expansion value) {
        this.item = item;
        this.value = value;
    }

    public static ReplyItem compile(PolicyItem item, Dictionary dictionary) throws PolicyException {
        if (!item.operator().isAssignment()) {
            throw new PolicyException(item.attribute().name() + " " + item.operator().token()
                    + ": a reply item assigns with =, := or +=");
        }
        Expansion value = Expansion.parse(item.value(), dictionary);
        if (value.isLiteral()) {
            ParsedValue.validate(item.attribute(), value.literal());
        }
        return new ReplyItem(item, value);
    }

    public PolicyItem item() {
        return item;
    }

    /**
     * The item with its value expanded for this request, or null when the expansion is no value of the attribute
     * (the item is then left out, as FreeRADIUS skips it).
     */
    /** Whether the value holds no expansion: the item is the same for every request. */
    public boolean isLiteral() {
        return value.isLiteral();
    }

    public @Nullable PolicyItem expanded(PolicyContext context) {
        if (value.isLiteral()) {
            return item;
        }
        String text = value.expand(context);
        try {
            ParsedValue.validate(item.attribute(), text);
        } catch (PolicyException e) {
            LOG.debug("reply item {} left out: {}", item, e.getMessage());
            return null;
        }
        return item.withValue(Expansion.escape(text));
    }

    @Override
    public String toString() {
        return item.toString();
    }
}
