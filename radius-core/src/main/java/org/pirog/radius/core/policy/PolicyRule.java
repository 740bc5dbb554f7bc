package org.pirog.radius.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.Dictionary;

/**
 * One entry of check and reply items: a {@code users} file entry, or an SQL user's (or group's) check and reply
 * rows. When every check item matches a request, the entry's assignment check items are merged into the control
 * list, then its reply items into the reply list, each batch expanded for that request before it is merged
 * (FreeRADIUS's order: a reply item's {@code %{reply:…}} sees the reply as it was before this entry). Whether to go on to the next entry ({@link #fallThrough()}) is the caller's
 * decision. Immutable and thread-safe.
 *
 * @see CheckItem
 * @see PolicyList
 */
public final class PolicyRule {
    private static final int FALL_THROUGH = 500;

    private final String name;
    private final List<CheckItem> check;
    private final List<ReplyItem> reply;
    private final boolean fallThrough;
    /** The assigning check items when none expands (the same for every request), else null. */
    private final @Nullable List<PolicyItem> literalControl;
    /** The reply items when none expands, else null. */
    private final @Nullable List<PolicyItem> literalReply;

    /**
     * @param name  the entry's name (the user name, {@code DEFAULT}, the group), for logs
     * @param check its check items
     * @param reply its reply items; a {@code Fall-Through} among them is read, and never merged
     */
    public PolicyRule(String name, List<CheckItem> check, List<ReplyItem> reply) {
        this.name = Objects.requireNonNull(name, "name");
        this.check = List.copyOf(check);
        List<ReplyItem> merged = new ArrayList<>(reply.size());
        boolean fall = false;
        for (ReplyItem item : reply) {
            if (isFallThrough(item.item().attribute())) {
                fall = isYes(item.item());
            } else {
                merged.add(item);
            }
        }
        this.reply = List.copyOf(merged);
        this.fallThrough = fall;
        this.literalControl = literalControl(this.check);
        this.literalReply = literalReply(this.reply);
    }

    private static @Nullable List<PolicyItem> literalControl(List<CheckItem> check) {
        List<PolicyItem> items = new ArrayList<>();
        for (CheckItem item : check) {
            if (item.assigns()) {
                if (!item.isLiteral()) {
                    return null;
                }
                items.add(item.item());
            }
        }
        return List.copyOf(items);
    }

    private static @Nullable List<PolicyItem> literalReply(List<ReplyItem> reply) {
        List<PolicyItem> items = new ArrayList<>(reply.size());
        for (ReplyItem item : reply) {
            if (!item.isLiteral()) {
                return null;
            }
            items.add(item.item());
        }
        return List.copyOf(items);
    }

    /** Compiles every item; the first bad one throws. */
    public static PolicyRule compile(String name, List<PolicyItem> check, List<PolicyItem> reply,
            Dictionary dictionary) throws PolicyException {
        List<CheckItem> checkItems = new ArrayList<>(check.size());
        for (PolicyItem item : check) {
            checkItems.add(CheckItem.compile(item, dictionary));
        }
        List<ReplyItem> replyItems = new ArrayList<>(reply.size());
        for (PolicyItem item : reply) {
            replyItems.add(ReplyItem.compile(item, dictionary));
        }
        return new PolicyRule(name, checkItems, replyItems);
    }

    public String name() {
        return name;
    }

    public List<CheckItem> check() {
        return check;
    }

    /** The reply items, without Fall-Through. */
    public List<ReplyItem> reply() {
        return reply;
    }

    /** Whether the entry's reply says {@code Fall-Through = Yes}: matching goes on after it. */
    public boolean fallThrough() {
        return fallThrough;
    }

    /** Whether every check item matches the request. */
    public boolean matches(PolicyContext context) {
        for (CheckItem item : check) {
            if (!item.matches(context)) {
                return false;
            }
        }
        return true;
    }

    /** Merges the entry's assignment check items into the control list and its reply items into the reply. */
    public void apply(PolicyContext context) {
        // Most entries expand nothing: their lists are the same for every request and were built once.
        List<PolicyItem> control = literalControl != null ? literalControl : expandedControl(context);
        if (!control.isEmpty()) {
            context.control().merge(control);
        }
        List<PolicyItem> replies = literalReply != null ? literalReply : expandedReply(context);
        if (!replies.isEmpty()) {
            context.reply().merge(replies);
        }
    }

    private List<PolicyItem> expandedControl(PolicyContext context) {
        List<PolicyItem> control = new ArrayList<>();
        for (CheckItem item : check) {
            if (item.assigns()) {
                control.add(item.expanded(context));
            }
        }
        // FreeRADIUS moves the check items to the control list before it expands the reply items: apply() merges
        // the control list first.
        return control;
    }

    private List<PolicyItem> expandedReply(PolicyContext context) {
        List<PolicyItem> replies = new ArrayList<>(reply.size());
        for (ReplyItem item : reply) {
            PolicyItem expanded = item.expanded(context);
            if (expanded != null) {
                replies.add(expanded);
            }
        }
        return replies;
    }

    private static boolean isFallThrough(AttributeDefinition attribute) {
        return InternalAttributes.isInternal(attribute) && attribute.number() == FALL_THROUGH;
    }

    private static boolean isYes(PolicyItem item) {
        String value = Expansion.unescape(item.value());
        return item.attribute().valueNumber(value, -1) > 0 || value.strip().equals("1");
    }

    @Override
    public String toString() {
        return name + " " + check + " " + reply + (fallThrough ? " Fall-Through" : "");
    }
}
