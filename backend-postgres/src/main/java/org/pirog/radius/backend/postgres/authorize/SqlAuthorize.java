package org.pirog.radius.backend.postgres.authorize;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
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
 * <p>Rows not cached are read by {@link CoalescedReads}: the users (or groups) missed while a read is running are
 * read together by the next one, a statement for all of them ({@link AuthorizeTables}), so that a login storm costs
 * the database a statement per batch rather than three per user. Requests for the same user share one read.
 *
 * <p>Each time the listener starts (or comes back), the rows of the first users (by name, up to
 * {@code preloadUsers}) and of every group are read in a few statements into the emptied cache, so that a server
 * just started does not send its first few thousand requests to the database. This runs on the listener's thread:
 * a change committed meanwhile is heard after it, and drops what the preload read. Start-up waits for the first
 * preload ({@link #awaitPreload}) before the server opens its ports.
 */
public final class SqlAuthorize implements TableChanges.Subscriber, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SqlAuthorize.class);
    static final int EXPIRY_MINUTES = 10;
    /**
     * Batches read at once, each on a connection of its own: while one waits for PostgreSQL, the next batch forms
     * and goes out on the other.
     */
    private static final int READERS = 2;
    /** The most names in a batch read for requests; a bigger burst is read in several. */
    private static final int READ_BATCH = 500;
    /** The most names in a statement of the preload. */
    private static final int PRELOAD_BATCH = 10_000;

    /** rlm_sql's fall_through(): absent, No or Yes. */
    private enum FallThrough { DEFAULT, NO, YES }

    /** One user's rows, compiled: check and reply rules (null when there are no rows), groups by priority. */
    private record UserRows(@Nullable PolicyRule check, @Nullable PolicyRule reply, FallThrough replyFallThrough,
            List<String> groups) {
    }

    /** A group's rows (or a user's check and reply rows), compiled: rules null when there are no rows. */
    private record Rules(@Nullable PolicyRule check, @Nullable PolicyRule reply, FallThrough fallThrough) {
    }

    private final Dictionary dictionary;
    private final @Nullable AttributeDefinition fallThrough;
    private final AuthorizeTables tables;
    /** Null when nothing is cached. */
    private final @Nullable AsyncCache<String, UserRows> users;
    private final @Nullable AsyncCache<String, Rules> groups;
    private final CoalescedReads<UserRows> userReads;
    private final CoalescedReads<Rules> groupReads;
    private final int preloadUsers;
    /** Whether notifications are being received, so that cached rows can be trusted. */
    private volatile boolean listening;
    /** Open once the first preload is over. */
    private final CountDownLatch preloaded = new CountDownLatch(1);

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
        this.fallThrough = dictionary.attribute("Fall-Through");
        this.tables = new AuthorizeTables(dsl);
        this.users = maximumUsers == 0 ? null : Caffeine.newBuilder().maximumSize(maximumUsers)
                .expireAfterWrite(Duration.ofMinutes(EXPIRY_MINUTES)).buildAsync();
        this.groups = maximumUsers == 0 ? null : Caffeine.newBuilder().maximumSize(Math.max(1_000, maximumUsers / 10))
                .expireAfterWrite(Duration.ofMinutes(EXPIRY_MINUTES)).buildAsync();
        this.userReads = new CoalescedReads<>("pirog-radcheck-read", READERS, READ_BATCH, this::readUsers);
        this.groupReads = new CoalescedReads<>("pirog-radgroupcheck-read", 1, READ_BATCH, this::readGroups);
    }

    /** What {@link #applyFromMemory} found. */
    public enum Found {
        /** Rows of the user or of a group were applied. */
        YES,
        /** The user has no row that applies. */
        NO,
        /** A row needed is not in memory; nothing can be concluded from the context. */
        NOT_IN_MEMORY
    }

    /**
     * Applies the user's and groups' rows to the context's control and reply lists.
     *
     * @return whether the user was found: any row of theirs, or of a group, was applied
     * @throws org.jooq.exception.DataAccessException when the rows had to be read and could not be
     */
    public boolean apply(String userName, PolicyContext context) {
        return apply(userName, context, false) == Found.YES;
    }

    /**
     * As {@link #apply}, from the cache only: never reads, never waits for a read in progress. Safe on an event
     * loop. {@link Found#NOT_IN_MEMORY} when the user's or a group's rows are not cached (or changes are not being
     * heard, so that the cache is not trusted); the context may then hold part of the rows.
     */
    public Found applyFromMemory(String userName, PolicyContext context) {
        return apply(userName, context, true);
    }

    private Found apply(String userName, PolicyContext context, boolean memoryOnly) {
        UserRows user = memoryOnly ? inMemory(users, userName) : user(userName);
        if (user == null) {
            return Found.NOT_IN_MEMORY;
        }
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
            return found ? Found.YES : Found.NO;
        }
        List<String> names = user.groups();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Rules group = memoryOnly ? inMemory(groups, name) : group(name);
            if (group == null) {
                return Found.NOT_IN_MEMORY;
            }
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
        return found ? Found.YES : Found.NO;
    }

    /** The cached rows, when changes are being heard and the read has completed; else null. */
    private <V> @Nullable V inMemory(@Nullable AsyncCache<String, V> cache, String key) {
        if (cache == null || !listening) {
            return null;
        }
        CompletableFuture<V> value = cache.getIfPresent(key);
        return value == null || !value.isDone() || value.isCompletedExceptionally() ? null : value.join();
    }

    private UserRows user(String name) {
        return cached(listening ? users : null, name, userReads);
    }

    private Rules group(String name) {
        return cached(listening ? groups : null, name, groupReads);
    }

    /**
     * From the cache when notifications are being received, else read now. A change heard while the rows are
     * being read drops the entry before the rows arrive, so that they are not kept (the caller still uses them).
     */
    private static <V> V cached(@Nullable AsyncCache<String, V> cache, String key, CoalescedReads<V> reads) {
        CompletableFuture<V> value;
        if (cache == null) {
            value = reads.read(key);
        } else {
            value = cache.getIfPresent(key);
            if (value == null || value.isCompletedExceptionally()) {
                if (value != null) {
                    // A failed read, which Caffeine drops just after its callers hear of the failure: not an answer.
                    cache.asMap().remove(key, value);
                }
                value = cache.get(key, (name, executor) -> reads.read(name));
            }
        }
        try {
            return value.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            // A new exception per caller: the batch's failure is shared by every request in it.
            throw cause instanceof DataAccessException ? new DataAccessException(cause.getMessage(), cause)
                    : new IllegalStateException(String.valueOf(cause.getMessage()), cause);
        }
    }

    private Map<String, UserRows> readUsers(List<String> names) {
        Map<String, UserRows> compiled = new HashMap<>(names.size() * 2);
        tables.users(names).forEach((name, rows) -> compiled.put(name, userRows(name, rows)));
        return compiled;
    }

    private UserRows userRows(String userName, AuthorizeTables.UserTables rows) {
        Rules rules = rules(userName, rows.check(), rows.reply());
        return new UserRows(rules.check(), rules.reply(), rules.fallThrough(), List.copyOf(rows.groups()));
    }

    private Map<String, Rules> readGroups(List<String> names) {
        Map<String, Rules> compiled = new HashMap<>(names.size() * 2);
        tables.groups(names).forEach((name, rows) -> compiled.put(name, groupRows(name, rows)));
        return compiled;
    }

    private Rules groupRows(String group, AuthorizeTables.GroupTables rows) {
        return rules(group, rows.check(), rows.reply());
    }

    /** A user's or group's check and reply rows, compiled. */
    private Rules rules(String owner, List<AuthorizeTables.Row> checkRows, List<AuthorizeTables.Row> replyRows) {
        List<PolicyItem> check = items(owner, checkRows);
        List<PolicyItem> reply = items(owner, replyRows);
        PolicyRule replyRule = reply.isEmpty() ? null : rule(owner, List.of(), reply);
        return new Rules(check.isEmpty() ? null : rule(owner, check, List.of()), replyRule,
                replyRule == null ? FallThrough.DEFAULT : fallThrough(reply, replyRule));
    }

    /**
     * Reads every group's rows and then the first {@link #preloadUsers} users' rows into the cache, in batches of
     * {@value #PRELOAD_BATCH}. A failure only leaves the cache to fill as requests come.
     */
    private void preload() {
        try {
            preloadTables();
        } finally {
            preloaded.countDown();
        }
    }

    private void preloadTables() {
        if (preloadUsers == 0 || users == null || groups == null) {
            return;
        }
        long began = System.nanoTime();
        try {
            int groupCount = preload(groups, tables.groupNames(), this::readGroups);
            int userCount = preload(users, tables.firstUserNames(preloadUsers), this::readUsers);
            LOG.info("authorize cache: {} users and {} groups read in {} ms", userCount, groupCount,
                    (System.nanoTime() - began) / 1_000_000);
        } catch (DataAccessException e) {
            LOG.warn("authorize cache not preloaded ({}); it fills as requests come", e.getMessage());
        }
    }

    private static <V> int preload(AsyncCache<String, V> cache, List<String> names,
            Function<List<String>, Map<String, V>> read) {
        for (int from = 0; from < names.size(); from += PRELOAD_BATCH) {
            cache.synchronous().putAll(read.apply(names.subList(from, Math.min(names.size(), from + PRELOAD_BATCH))));
        }
        return names.size();
    }

    @Override
    public void changed(String table, @Nullable String key) {
        AsyncCache<String, ?> cache = switch (table) {
            case "radcheck", "radreply", "radusergroup" -> users;
            case "radgroupcheck", "radgroupreply" -> groups;
            default -> null;
        };
        if (cache == null) {
            return;
        }
        if (key == null) {
            // Reads in progress too: what they bring is not kept.
            cache.synchronous().invalidateAll();
        } else {
            cache.synchronous().invalidate(key);
        }
    }

    @Override
    public void lost() {
        listening = false;
    }

    @Override
    public void resynchronise() {
        if (users != null && groups != null) {
            users.synchronous().invalidateAll();
            groups.synchronous().invalidateAll();
        }
        listening = true;
        preload();
    }

    /**
     * Waits until the first preload since this cache was made is over (done, failed, or none to do), at most
     * {@code timeout}.
     *
     * @return whether it is over
     */
    public boolean awaitPreload(Duration timeout) throws InterruptedException {
        return preloaded.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Whether cached rows are used (notifications are being received). */
    public boolean listening() {
        return listening;
    }

    /** Users cached now (for tests and metrics). */
    public long cachedUsers() {
        if (users == null) {
            return 0;
        }
        users.synchronous().cleanUp();
        return users.synchronous().estimatedSize();
    }

    /** Stops the readers; requests waiting for rows fail. */
    @Override
    public void close() throws InterruptedException {
        userReads.close();
        groupReads.close();
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
    private List<PolicyItem> items(String owner, List<AuthorizeTables.Row> rows) {
        List<PolicyItem> items = new ArrayList<>(rows.size());
        for (AuthorizeTables.Row row : rows) {
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
