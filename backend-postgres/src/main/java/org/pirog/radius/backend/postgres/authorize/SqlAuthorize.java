package org.pirog.radius.backend.postgres.authorize;

import static org.pirog.radius.backend.postgres.schema.Tables.RADCHECK;
import static org.pirog.radius.backend.postgres.schema.Tables.RADGROUPCHECK;
import static org.pirog.radius.backend.postgres.schema.Tables.RADGROUPREPLY;
import static org.pirog.radius.backend.postgres.schema.Tables.RADREPLY;
import static org.pirog.radius.backend.postgres.schema.Tables.RADUSERGROUP;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.Record3;
import org.jooq.Record4;
import org.jooq.Result;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
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
 * it either.
 *
 * <p>The rows are cached, compiled, in Caffeine: per user (radcheck, radreply, radusergroup) and per group
 * (radgroupcheck, radgroupreply), so that a hit runs no SQL at all. The cache is kept true by {@link TableChanges}
 * (the triggers' notifications drop the entries of the user or group whose rows changed, within a second on every
 * server); while that connection is down the cache is bypassed, and it is emptied once it is back. Entries also
 * expire after {@value #EXPIRY_MINUTES} minutes, in case a change was made with the triggers disabled
 * ({@code session_replication_role = replica}). Thread-safe.
 *
 * <p>Each time the listener starts (or comes back), the rows of the first users (by name, up to
 * {@code preloadUsers}) and of every group are read in a few statements into the emptied cache, so that a server
 * just started does not send its first few thousand requests to the database one user at a time. This runs on the
 * listener's thread: a change committed meanwhile is heard after it, and drops what the preload read.
 */
public final class SqlAuthorize implements TableChanges.Subscriber {
    private static final Logger LOG = LoggerFactory.getLogger(SqlAuthorize.class);
    static final int EXPIRY_MINUTES = 10;

    /** rlm_sql's fall_through(): absent, No or Yes. */
    private enum FallThrough { DEFAULT, NO, YES }

    /** One user's rows, compiled: check and reply rules (null when there are no rows), groups by priority. */
    private record UserRows(@Nullable PolicyRule check, @Nullable PolicyRule reply, FallThrough replyFallThrough,
            List<String> groups) {
    }

    /** One group's rows, compiled. */
    private record GroupRows(@Nullable PolicyRule check, @Nullable PolicyRule reply, FallThrough fallThrough) {
    }

    private final Dictionary dictionary;
    private final DSLContext dsl;
    private final @Nullable AttributeDefinition fallThrough;
    private final Cache<String, UserRows> users;
    private final Cache<String, GroupRows> groups;
    private final int preloadUsers;
    /** Whether notifications are being received, so that cached rows can be trusted. */
    private volatile boolean listening;
    /** Counts the times a whole cache was emptied. */
    private final AtomicLong clears = new AtomicLong();

    /**
     * @param maximumUsers the most users cached (groups: a tenth of it, at least 1,000); 0 caches nothing
     * @param preloadUsers how many users' rows to read into the cache whenever the listener starts; 0 none
     */
    public SqlAuthorize(Dictionary dictionary, DSLContext dsl, long maximumUsers, int preloadUsers) {
        if (preloadUsers < 0 || preloadUsers > maximumUsers) {
            throw new IllegalArgumentException("preloadUsers must be from 0 to maximumUsers: " + preloadUsers);
        }
        this.preloadUsers = preloadUsers;
        this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.fallThrough = dictionary.attribute("Fall-Through");
        this.users = Caffeine.newBuilder().maximumSize(maximumUsers)
                .expireAfterWrite(Duration.ofMinutes(EXPIRY_MINUTES)).build();
        this.groups = Caffeine.newBuilder().maximumSize(maximumUsers == 0 ? 0 : Math.max(1_000, maximumUsers / 10))
                .expireAfterWrite(Duration.ofMinutes(EXPIRY_MINUTES)).build();
    }

    /**
     * Applies the user's and groups' rows to the context's control and reply lists.
     *
     * @return whether the user was found: any row of theirs, or of a group, was applied
     * @throws org.jooq.exception.DataAccessException when the rows had to be read and could not be
     */
    public boolean apply(String userName, PolicyContext context) {
        UserRows user = cached(users, userName, this::loadUser);
        boolean found = false;
        boolean checkMatched = true;
        if (user.check() != null) {
            checkMatched = user.check().matches(context);
            if (checkMatched) {
                user.check().apply(context);
                found = true;
            }
        }
        FallThrough fall = FallThrough.DEFAULT;
        if (checkMatched && user.reply() != null) {
            fall = user.replyFallThrough();
            user.reply().apply(context);
            found = true;
        }
        if (fall == FallThrough.NO) {
            return found;
        }
        List<String> names = user.groups();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            GroupRows group = cached(groups, name, this::loadGroup);
            if (group.check() != null) {
                if (!group.check().matches(context)) {
                    // rlm_sql goes straight on to the next group, whatever Fall-Through says.
                    continue;
                }
                group.check().apply(context);
                found = true;
            }
            if (group.reply() != null) {
                fall = group.fallThrough();
                group.reply().apply(context);
                found = true;
            }
            if (fall != FallThrough.YES) {
                break;
            }
        }
        return found;
    }

    /** From the cache when notifications are being received, else read now. */
    private <V> V cached(Cache<String, V> cache, String key, Function<String, V> load) {
        if (!listening) {
            return load.apply(key);
        }
        V value = cache.getIfPresent(key);
        if (value != null) {
            return value;
        }
        long before = clears.get();
        value = cache.get(key, load);
        if (clears.get() != before) {
            // Emptying a whole cache does not wait for loads in progress (invalidating one key does): this one
            // may have read rows older than the change that emptied it.
            cache.invalidate(key);
        }
        return value;
    }

    private UserRows loadUser(String userName) {
        return userRows(userName, rows(dsl.select(RADCHECK.ATTRIBUTE, RADCHECK.OP, RADCHECK.VALUE)
                        .from(RADCHECK).where(RADCHECK.USERNAME.eq(userName)).orderBy(RADCHECK.ID).fetch()),
                rows(dsl.select(RADREPLY.ATTRIBUTE, RADREPLY.OP, RADREPLY.VALUE)
                        .from(RADREPLY).where(RADREPLY.USERNAME.eq(userName)).orderBy(RADREPLY.ID).fetch()),
                dsl.select(RADUSERGROUP.GROUPNAME).from(RADUSERGROUP)
                        .where(RADUSERGROUP.USERNAME.eq(userName))
                        .orderBy(RADUSERGROUP.PRIORITY, RADUSERGROUP.ID)
                        .fetch(RADUSERGROUP.GROUPNAME));
    }

    private UserRows userRows(String userName, List<Row> checkRows, List<Row> replyRows, List<String> groupNames) {
        List<PolicyItem> check = items(userName, checkRows);
        List<PolicyItem> reply = items(userName, replyRows);
        PolicyRule replyRule = reply.isEmpty() ? null : rule(userName, List.of(), reply);
        return new UserRows(check.isEmpty() ? null : rule(userName, check, List.of()), replyRule,
                replyRule == null ? FallThrough.DEFAULT : fallThrough(reply, replyRule), List.copyOf(groupNames));
    }

    private GroupRows loadGroup(String group) {
        return groupRows(group, rows(dsl.select(RADGROUPCHECK.ATTRIBUTE, RADGROUPCHECK.OP, RADGROUPCHECK.VALUE)
                        .from(RADGROUPCHECK).where(RADGROUPCHECK.GROUPNAME.eq(group))
                        .orderBy(RADGROUPCHECK.ID).fetch()),
                rows(dsl.select(RADGROUPREPLY.ATTRIBUTE, RADGROUPREPLY.OP, RADGROUPREPLY.VALUE)
                        .from(RADGROUPREPLY).where(RADGROUPREPLY.GROUPNAME.eq(group))
                        .orderBy(RADGROUPREPLY.ID).fetch()));
    }

    private GroupRows groupRows(String group, List<Row> checkRows, List<Row> replyRows) {
        List<PolicyItem> check = items(group, checkRows);
        List<PolicyItem> reply = items(group, replyRows);
        PolicyRule replyRule = reply.isEmpty() ? null : rule(group, List.of(), reply);
        return new GroupRows(check.isEmpty() ? null : rule(group, check, List.of()), replyRule,
                replyRule == null ? FallThrough.DEFAULT : fallThrough(reply, replyRule));
    }

    /**
     * Reads every group's rows and then the first {@link #preloadUsers} users' rows, a statement per table, into
     * the cache. A failure only leaves the cache to fill as requests come.
     */
    private void preload() {
        if (preloadUsers == 0) {
            return;
        }
        long began = System.nanoTime();
        try {
            int groupCount = preloadGroups();
            int userCount = preloadUsers();
            LOG.info("authorize cache: {} users and {} groups read in {} ms", userCount, groupCount,
                    (System.nanoTime() - began) / 1_000_000);
        } catch (DataAccessException e) {
            LOG.warn("authorize cache not preloaded ({}); it fills as requests come", e.getMessage());
        }
    }

    private int preloadGroups() {
        Map<String, List<Row>> check = byOwner(dsl.select(RADGROUPCHECK.GROUPNAME, RADGROUPCHECK.ATTRIBUTE,
                RADGROUPCHECK.OP, RADGROUPCHECK.VALUE).from(RADGROUPCHECK)
                .orderBy(RADGROUPCHECK.GROUPNAME, RADGROUPCHECK.ID).fetch());
        Map<String, List<Row>> reply = byOwner(dsl.select(RADGROUPREPLY.GROUPNAME, RADGROUPREPLY.ATTRIBUTE,
                RADGROUPREPLY.OP, RADGROUPREPLY.VALUE).from(RADGROUPREPLY)
                .orderBy(RADGROUPREPLY.GROUPNAME, RADGROUPREPLY.ID).fetch());
        Set<String> names = new HashSet<>(check.keySet());
        names.addAll(reply.keySet());
        for (String group : names) {
            groups.put(group, groupRows(group, check.getOrDefault(group, List.of()),
                    reply.getOrDefault(group, List.of())));
        }
        return names.size();
    }

    /** The first users by name: their rows are those with a name up to the last one's. */
    private int preloadUsers() {
        List<String> names = dsl.select(RADCHECK.USERNAME).from(RADCHECK)
                .union(DSL.select(RADREPLY.USERNAME).from(RADREPLY))
                .union(DSL.select(RADUSERGROUP.USERNAME).from(RADUSERGROUP))
                .orderBy(DSL.field(DSL.name(RADCHECK.USERNAME.getName())))
                .limit(preloadUsers)
                .fetch(RADCHECK.USERNAME);
        if (names.isEmpty()) {
            return 0;
        }
        String last = names.getLast();
        Map<String, List<Row>> check = byOwner(dsl.select(RADCHECK.USERNAME, RADCHECK.ATTRIBUTE, RADCHECK.OP,
                RADCHECK.VALUE).from(RADCHECK).where(RADCHECK.USERNAME.le(last))
                .orderBy(RADCHECK.USERNAME, RADCHECK.ID).fetch());
        Map<String, List<Row>> reply = byOwner(dsl.select(RADREPLY.USERNAME, RADREPLY.ATTRIBUTE, RADREPLY.OP,
                RADREPLY.VALUE).from(RADREPLY).where(RADREPLY.USERNAME.le(last))
                .orderBy(RADREPLY.USERNAME, RADREPLY.ID).fetch());
        Map<String, List<String>> memberships = new HashMap<>();
        for (Record2<String, String> row : dsl.select(RADUSERGROUP.USERNAME, RADUSERGROUP.GROUPNAME)
                .from(RADUSERGROUP).where(RADUSERGROUP.USERNAME.le(last))
                .orderBy(RADUSERGROUP.USERNAME, RADUSERGROUP.PRIORITY, RADUSERGROUP.ID).fetch()) {
            memberships.computeIfAbsent(row.value1(), name -> new ArrayList<>()).add(row.value2());
        }
        for (String name : names) {
            users.put(name, userRows(name, check.getOrDefault(name, List.of()), reply.getOrDefault(name, List.of()),
                    memberships.getOrDefault(name, List.of())));
        }
        return names.size();
    }

    /** One attribute row of a check or reply table. */
    private record Row(String attribute, String op, String value) {
    }

    private static List<Row> rows(Result<Record3<String, String, String>> result) {
        List<Row> rows = new ArrayList<>(result.size());
        for (Record3<String, String, String> record : result) {
            rows.add(new Row(record.value1(), record.value2(), record.value3()));
        }
        return rows;
    }

    /** Rows of (owner, attribute, op, value) grouped by owner, each owner's in the order read. */
    private static Map<String, List<Row>> byOwner(Result<Record4<String, String, String, String>> result) {
        Map<String, List<Row>> rows = new HashMap<>();
        for (Record4<String, String, String, String> record : result) {
            rows.computeIfAbsent(record.value1(), owner -> new ArrayList<>())
                    .add(new Row(record.value2(), record.value3(), record.value4()));
        }
        return rows;
    }

    @Override
    public void changed(String table, @Nullable String key) {
        Cache<String, ?> cache = switch (table) {
            case "radcheck", "radreply", "radusergroup" -> users;
            case "radgroupcheck", "radgroupreply" -> groups;
            default -> null;
        };
        if (cache == null) {
            return;
        }
        if (key == null) {
            cache.invalidateAll();
            clears.incrementAndGet();
        } else {
            // Waits for a load of that key in progress, then drops what it read.
            cache.invalidate(key);
        }
    }

    @Override
    public void lost() {
        listening = false;
    }

    @Override
    public void resynchronise() {
        users.invalidateAll();
        groups.invalidateAll();
        clears.incrementAndGet();
        listening = true;
        preload();
    }

    /** Whether cached rows are used (notifications are being received). */
    boolean listening() {
        return listening;
    }

    /** Users cached now (for tests and metrics). */
    long cachedUsers() {
        users.cleanUp();
        return users.estimatedSize();
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
    private List<PolicyItem> items(String owner, List<Row> rows) {
        List<PolicyItem> items = new ArrayList<>(rows.size());
        for (Row row : rows) {
            PolicyItem item = item(owner, row.attribute(), row.op(), row.value());
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
    public static @Nullable String text(RadiusPacket packet, String attributeName) {
        AttributeDefinition definition = packet.dictionary().attribute(attributeName);
        int i = definition == null ? -1 : packet.indexOf(definition);
        return i < 0 ? null : packet.stringValue(i);
    }
}
