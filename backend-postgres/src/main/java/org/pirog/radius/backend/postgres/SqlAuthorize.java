package org.pirog.radius.backend.postgres;

import static org.pirog.radius.backend.postgres.schema.Tables.RADCHECK;
import static org.pirog.radius.backend.postgres.schema.Tables.RADGROUPCHECK;
import static org.pirog.radius.backend.postgres.schema.Tables.RADGROUPREPLY;
import static org.pirog.radius.backend.postgres.schema.Tables.RADREPLY;
import static org.pirog.radius.backend.postgres.schema.Tables.RADUSERGROUP;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.Result;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.core.policy.CheckItem;
import org.pirog.radius.core.policy.Expansion;
import org.pirog.radius.core.policy.Operator;
import org.pirog.radius.core.policy.PolicyContext;
import org.pirog.radius.core.policy.PolicyException;
import org.pirog.radius.core.policy.PolicyItem;
import org.pirog.radius.core.policy.PolicyRule;
import org.pirog.radius.core.policy.ReplyItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * rlm_sql's authorize (FreeRADIUS 3.2, {@code read_groups = yes}), on the same check and reply semantics as the
 * {@code users} file ({@link PolicyRule}):
 * <ol>
 *   <li>the user's radcheck rows: when they compare true with the request, their assignments go to the control
 *       list; when they do not, the user's reply rows are skipped;</li>
 *   <li>the user's radreply rows go to the reply list;</li>
 *   <li>unless the user's reply says {@code Fall-Through = No}, the groups from radusergroup by priority: a group
 *       whose radgroupcheck rows do not match is skipped; otherwise its check assignments go to control and its
 *       radgroupreply rows to the reply; the next group is tried only while {@code Fall-Through = Yes} holds
 *       (the last Fall-Through seen, the user's included).</li>
 * </ol>
 * Values are literal text unless the whole value is in double quotes, which rlm_sql expands ({@code %{…}}).
 * A row with an unknown attribute, operator or a bad value is left out and logged, as FreeRADIUS does not stop on
 * it either. Thread-safe.
 */
final class SqlAuthorize {
    private static final Logger LOG = LoggerFactory.getLogger(SqlAuthorize.class);

    /** rlm_sql's fall_through(): absent, No or Yes. */
    private enum FallThrough { DEFAULT, NO, YES }

    private final Dictionary dictionary;
    private final @Nullable AttributeDefinition fallThrough;

    SqlAuthorize(Dictionary dictionary) {
        this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
        this.fallThrough = dictionary.attribute("Fall-Through");
    }

    /**
     * Applies the user's and groups' rows to the context's control and reply lists.
     *
     * @return whether the user was found: any row of theirs, or of a group, was applied
     */
    boolean apply(DSLContext dsl, String userName, PolicyContext context) {
        boolean found = false;
        FallThrough fall = FallThrough.DEFAULT;
        List<PolicyItem> check = items(userName, dsl.select(RADCHECK.ATTRIBUTE, RADCHECK.OP, RADCHECK.VALUE)
                .from(RADCHECK).where(RADCHECK.USERNAME.eq(userName)).orderBy(RADCHECK.ID).fetch());
        boolean checkMatched = true;
        if (!check.isEmpty()) {
            PolicyRule rule = rule(userName, check, List.of());
            checkMatched = rule.matches(context);
            if (checkMatched) {
                rule.apply(context);
                found = true;
            }
        }
        if (checkMatched) {
            List<PolicyItem> reply = items(userName, dsl.select(RADREPLY.ATTRIBUTE, RADREPLY.OP, RADREPLY.VALUE)
                    .from(RADREPLY).where(RADREPLY.USERNAME.eq(userName)).orderBy(RADREPLY.ID).fetch());
            if (!reply.isEmpty()) {
                PolicyRule rule = rule(userName, List.of(), reply);
                fall = fallThrough(reply, rule);
                rule.apply(context);
                found = true;
            }
        }
        if (fall == FallThrough.NO) {
            return found;
        }
        List<String> groups = dsl.select(RADUSERGROUP.GROUPNAME).from(RADUSERGROUP)
                .where(RADUSERGROUP.USERNAME.eq(userName))
                .orderBy(RADUSERGROUP.PRIORITY, RADUSERGROUP.ID)
                .fetch(RADUSERGROUP.GROUPNAME);
        for (int i = 0; i < groups.size(); i++) {
            String group = groups.get(i);
            List<PolicyItem> groupCheck = items(group, dsl.select(RADGROUPCHECK.ATTRIBUTE, RADGROUPCHECK.OP,
                    RADGROUPCHECK.VALUE).from(RADGROUPCHECK).where(RADGROUPCHECK.GROUPNAME.eq(group))
                    .orderBy(RADGROUPCHECK.ID).fetch());
            if (!groupCheck.isEmpty()) {
                PolicyRule rule = rule(group, groupCheck, List.of());
                if (!rule.matches(context)) {
                    // rlm_sql goes straight on to the next group, whatever Fall-Through says.
                    continue;
                }
                rule.apply(context);
                found = true;
            }
            List<PolicyItem> groupReply = items(group, dsl.select(RADGROUPREPLY.ATTRIBUTE, RADGROUPREPLY.OP,
                    RADGROUPREPLY.VALUE).from(RADGROUPREPLY).where(RADGROUPREPLY.GROUPNAME.eq(group))
                    .orderBy(RADGROUPREPLY.ID).fetch());
            if (!groupReply.isEmpty()) {
                PolicyRule rule = rule(group, List.of(), groupReply);
                fall = fallThrough(groupReply, rule);
                rule.apply(context);
                found = true;
            }
            if (fall != FallThrough.YES) {
                break;
            }
        }
        return found;
    }

    private FallThrough fallThrough(List<PolicyItem> reply, PolicyRule rule) {
        for (PolicyItem item : reply) {
            if (item.attribute().equals(fallThrough)) {
                return rule.fallThrough() ? FallThrough.YES : FallThrough.NO;
            }
        }
        return FallThrough.DEFAULT;
    }

    /** Compiles rows already checked one by one; nothing can fail here any more. */
    private PolicyRule rule(String name, List<PolicyItem> check, List<PolicyItem> reply) {
        try {
            return PolicyRule.compile(name, check, reply, dictionary);
        } catch (PolicyException e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        }
    }

    /** The rows as policy items, each compiled once to leave out what FreeRADIUS would refuse. */
    private List<PolicyItem> items(String owner, Result<Record3<String, String, String>> rows) {
        List<PolicyItem> items = new ArrayList<>(rows.size());
        for (Record3<String, String, String> row : rows) {
            PolicyItem item = item(owner, row.value1(), row.value2(), row.value3());
            if (item != null) {
                items.add(item);
            }
        }
        return items;
    }

    private @Nullable PolicyItem item(String owner, String attributeName, String op, String value) {
        AttributeDefinition attribute = dictionary.attribute(attributeName.strip());
        if (attribute == null) {
            LOG.warn("{}: unknown attribute {} in an SQL row, left out", owner, attributeName);
            return null;
        }
        // rlm_sql: an empty operator means =.
        Operator operator = op.isBlank() ? Operator.fromToken("=") : Operator.fromToken(op.strip());
        if (operator == null) {
            LOG.warn("{}: unknown operator {} for {} in an SQL row, left out", owner, op, attributeName);
            return null;
        }
        PolicyItem item = PolicyItem.of(attribute, operator, template(value));
        try {
            if (operator.isAssignment() && !item.isNamed("Fall-Through")) {
                ReplyItem.compile(item, dictionary);
            } else {
                CheckItem.compile(item, dictionary);
            }
        } catch (PolicyException e) {
            LOG.warn("{}: {} left out: {}", owner, item, e.getMessage());
            return null;
        }
        return item;
    }

    /** rlm_sql expands a value only when the whole of it is in double quotes; any other is literal. */
    private static String template(String value) {
        if (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
            return value.substring(1, value.length() - 1);
        }
        return Expansion.escape(value);
    }

    /** A string attribute of the request, or null when absent. */
    static @Nullable String text(RadiusPacket packet, String attributeName) {
        AttributeDefinition definition = packet.dictionary().attribute(attributeName);
        int i = definition == null ? -1 : packet.indexOf(definition);
        return i < 0 ? null : packet.stringValue(i);
    }
}
