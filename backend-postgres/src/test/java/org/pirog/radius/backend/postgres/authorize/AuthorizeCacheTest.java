package org.pirog.radius.backend.postgres.authorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pirog.radius.backend.postgres.PostgresBackend;
import org.pirog.radius.backend.postgres.PostgresBackendProvider;
import org.pirog.radius.backend.postgres.SchemaMigration;
import org.pirog.radius.backend.postgres.TestDatabase;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.core.backend.AccessRequest;
import org.pirog.radius.core.backend.Authorization;
import org.pirog.radius.core.backend.BackendContext;
import org.pirog.radius.core.backend.BackendContract;
import org.pirog.radius.core.config.ConfigItem;
import org.pirog.radius.core.config.ConfigSection;
import org.pirog.radius.core.policy.PolicyContext;
import org.pirog.radius.core.policy.PolicyItem;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The authorize cache on the real PostgreSQL: a hit runs no SQL, a change by plain SQL reaches every backend on the
 * schema within a second, and the listener comes back after its connection is killed.
 */
class AuthorizeCacheTest {
    private String schema;

    @BeforeEach
    void createSchema() throws Exception {
        schema = TestDatabase.createSchema("cache");
        SchemaMigration.migrate(TestDatabase.dataSource(), schema);
        TestDatabase.executeIn(schema, """
                insert into radcheck (username, attribute, op, value) values
                    ('ann', 'Cleartext-Password', ':=', 'old');
                insert into radreply (username, attribute, op, value) values ('ann', 'Session-Timeout', '=', '60');
                insert into radusergroup (username, groupname, priority) values ('ann', 'staff', 1);
                insert into radgroupreply (groupname, attribute, op, value) values
                    ('staff', 'Idle-Timeout', ':=', '600'), ('staff', 'Fall-Through', '=', 'Yes');
                """);
    }

    @AfterEach
    void dropSchema() throws Exception {
        TestDatabase.dropSchema(schema);
    }

    @Test
    void anUpdateByPlainSqlReachesTheOtherBackendWithinOneSecond() throws Exception {
        try (PostgresBackend first = backend(); PostgresBackend second = backend()) {
            assertThat(password(first.authorize(request("ann")))).isEqualTo("old");
            awaitListening(second);
            // Cached now on the second server.
            assertThat(password(second.authorize(request("ann")))).isEqualTo("old");
            TestDatabase.executeIn(schema, "update radcheck set value = 'new' where username = 'ann'");
            long start = System.nanoTime();
            awaitTrue(() -> "new".equals(password(authorize(second, "ann"))), 1_000);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(millis).isLessThan(1_000);
            assertThat(password(first.authorize(request("ann")))).isEqualTo("new");

            // Group rows too, and a user deleted is gone.
            TestDatabase.executeIn(schema, "update radgroupreply set value = '900' where attribute = 'Idle-Timeout'");
            awaitTrue(() -> authorize(second, "ann").reply().toString().contains("900"), 1_000);
            TestDatabase.executeIn(schema, "delete from radcheck; delete from radreply; delete from radusergroup");
            awaitTrue(() -> authorize(second, "ann") == null, 1_000);
        }
    }

    @Test
    void aCacheHitRunsNoStatement() throws Exception {
        AtomicInteger statements = new AtomicInteger();
        try (Fixture fixture = new Fixture(statements)) {
            awaitTrue(fixture.authorize::listening, 5_000);
            assertThat(fixture.apply("ann")).isTrue();
            assertThat(statements.get()).as("a miss reads the user's rows in one statement, the group's in another")
                    .isEqualTo(2);
            statements.set(0);
            for (int i = 0; i < 100; i++) {
                PolicyContext context = context("ann");
                assertThat(fixture.authorize.apply("ann", context)).isTrue();
                assertThat(context.reply().items().toString()).contains("Session-Timeout", "Idle-Timeout");
            }
            assertThat(statements.get()).isZero();
            assertThat(fixture.authorize.cachedUsers()).isEqualTo(1);
        }
    }

    @Test
    void theListenerComesBackAfterItsConnectionIsKilled() throws Exception {
        AtomicInteger statements = new AtomicInteger();
        try (Fixture fixture = new Fixture(statements)) {
            awaitTrue(fixture.authorize::listening, 5_000);
            int oldPid = listenerPid();
            terminate(oldPid);
            // Lost, so the cache is bypassed; then back on a new connection, listening again.
            awaitTrue(() -> {
                int pid = listenerPid();
                return pid != 0 && pid != oldPid && fixture.authorize.listening();
            }, 5_000);
            assertThat(password(fixture.control("ann"))).isEqualTo("old");
            statements.set(0);
            assertThat(password(fixture.control("ann"))).isEqualTo("old");
            assertThat(statements.get()).as("cached again").isZero();
            TestDatabase.executeIn(schema, "update radcheck set value = 'new' where username = 'ann'");
            awaitTrue(() -> "new".equals(password(fixture.control("ann"))), 1_000);
        }
    }

    @Test
    void fromMemoryAnswersOnlyWhatIsCachedAndNeverReads() throws Exception {
        TestDatabase.executeIn(schema, """
                insert into radusergroup (username, groupname, priority) values ('bob', 'night', 1);
                insert into radgroupcheck (groupname, attribute, op, value) values
                    ('night', 'Cleartext-Password', ':=', 'n');
                """);
        AtomicInteger statements = new AtomicInteger();
        try (Fixture fixture = new Fixture(statements)) {
            awaitTrue(fixture.authorize::listening, 5_000);
            assertThat(fixture.fromMemory("ann")).isEqualTo(SqlAuthorize.Found.NOT_IN_MEMORY);
            assertThat(statements.get()).isZero();
            assertThat(fixture.apply("ann")).isTrue();
            PolicyContext ann = context("ann");
            assertThat(fixture.authorize.applyFromMemory("ann", ann)).isEqualTo(SqlAuthorize.Found.YES);
            assertThat(password(ann.control().items())).isEqualTo("old");
            assertThat(ann.reply().items().toString()).contains("Session-Timeout", "Idle-Timeout");
            // A user read and found to have no rows is an answer too.
            assertThat(fixture.apply("nobody")).isFalse();
            assertThat(fixture.fromMemory("nobody")).isEqualTo(SqlAuthorize.Found.NO);
            statements.set(0);

            // bob's own rows cached, his group's not: not an answer either.
            assertThat(fixture.apply("bob")).isTrue();
            fixture.authorize.changed("radgroupcheck", "night");
            assertThat(fixture.fromMemory("bob")).isEqualTo(SqlAuthorize.Found.NOT_IN_MEMORY);
            assertThat(fixture.apply("bob")).isTrue();
            assertThat(fixture.fromMemory("bob")).isEqualTo(SqlAuthorize.Found.YES);

            // A change drops the entry; while changes are not heard, the cache is not trusted.
            TestDatabase.executeIn(schema, "update radcheck set value = 'new' where username = 'ann'");
            awaitTrue(() -> fixture.fromMemory("ann") == SqlAuthorize.Found.NOT_IN_MEMORY, 1_000);
            assertThat(fixture.apply("ann")).isTrue();
            fixture.authorize.lost();
            assertThat(fixture.fromMemory("ann")).isEqualTo(SqlAuthorize.Found.NOT_IN_MEMORY);
        }
    }

    @Test
    void whileTheListenerIsDownNothingStaleIsServed() throws Exception {
        AtomicInteger statements = new AtomicInteger();
        try (Fixture fixture = new Fixture(statements)) {
            awaitTrue(fixture.authorize::listening, 5_000);
            assertThat(password(fixture.control("ann"))).isEqualTo("old");
            fixture.authorize.lost();
            TestDatabase.executeIn(schema, "alter table radcheck disable trigger pirog_changes;"
                    + " update radcheck set value = 'unannounced'; alter table radcheck enable trigger pirog_changes");
            assertThat(password(fixture.control("ann"))).isEqualTo("unannounced");
            fixture.authorize.resynchronise();
            TestDatabase.executeIn(schema, "alter table radcheck disable trigger pirog_changes;"
                    + " update radcheck set value = 'later'; alter table radcheck enable trigger pirog_changes");
            // Emptied on resynchronising: read afresh, then cached.
            assertThat(password(fixture.control("ann"))).isEqualTo("later");
        }
    }

    @Test
    void theListenerPreloadsTheFirstUsersAndEveryGroupSoTheirFirstRequestRunsNoStatement() throws Exception {
        TestDatabase.executeIn(schema, """
                insert into radreply (username, attribute, op, value) values ('bob', 'Session-Timeout', '=', '30');
                insert into radusergroup (username, groupname, priority) values ('bob', 'staff', 1);
                insert into radcheck (username, attribute, op, value) values ('cid', 'Cleartext-Password', ':=', 'x');
                """);
        AtomicInteger statements = new AtomicInteger();
        try (Fixture fixture = new Fixture(statements, 2)) {
            assertThat(fixture.authorize.awaitPreload(Duration.ofSeconds(5))).isTrue();
            assertThat(fixture.authorize.cachedUsers()).as("the preload is over when awaitPreload says so").isEqualTo(2);
            statements.set(0);
            PolicyContext ann = context("ann");
            assertThat(fixture.authorize.apply("ann", ann)).isTrue();
            assertThat(password(ann.control().items())).isEqualTo("old");
            PolicyContext bob = context("bob");
            assertThat(fixture.authorize.apply("bob", bob)).isTrue();
            assertThat(bob.reply().items().toString()).contains("Session-Timeout", "Idle-Timeout");
            assertThat(statements.get()).as("ann, bob and their group were preloaded").isZero();
            // Only the first two users by name: cid is read when asked for.
            assertThat(password(fixture.control("cid"))).isEqualTo("x");
            assertThat(statements.get()).isEqualTo(1);
            // A change after the preload drops what it read.
            TestDatabase.executeIn(schema, "update radcheck set value = 'new' where username = 'ann'");
            awaitTrue(() -> "new".equals(password(fixture.control("ann"))), 1_000);
        }
    }

    @Test
    void aBackendIsMadeOnlyOnceItsCacheIsPreloadedSoThatTheServerOpensItsPortsWarm() throws Exception {
        try (PostgresBackend backend = backend()) {
            // No waiting here: radiusd opens its ports right after the provider returns.
            assertThat(backend.listening()).isTrue();
            assertThat(backend.cachedUsers()).isEqualTo(1);
        }
    }

    @Test
    void usersMissedWhileAReadIsRunningAreReadTogetherInOneStatement() throws Exception {
        TestDatabase.executeIn(schema, """
                insert into radcheck (username, attribute, op, value)
                    select 'user' || i, 'Cleartext-Password', ':=', 'pass' || i from generate_series(1, 200) i;
                """);
        AtomicInteger statements = new AtomicInteger();
        try (Fixture fixture = new Fixture(statements); Connection locker = TestDatabase.connect()) {
            awaitTrue(fixture.authorize::listening, 5_000);
            statements.set(0);
            // radcheck locked: the first reads wait on PostgreSQL while the other requests come in.
            locker.setAutoCommit(false);
            locker.createStatement().execute("lock table " + schema + ".radcheck in access exclusive mode");
            CountDownLatch asked = new CountDownLatch(200);
            List<CompletableFuture<String>> passwords = new ArrayList<>();
            for (int i = 1; i <= 200; i++) {
                String user = "user" + i;
                passwords.add(CompletableFuture.supplyAsync(() -> {
                    asked.countDown();
                    return password(fixture.control(user));
                }, Executors.newVirtualThreadPerTaskExecutor()));
            }
            assertThat(asked.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(200);
            locker.commit();
            for (int i = 1; i <= 200; i++) {
                assertThat(passwords.get(i - 1).get(10, TimeUnit.SECONDS)).isEqualTo("pass" + i);
            }
            // Each of the two readers took the first user it saw; the 198 others were read by one of them next.
            assertThat(statements.get()).isLessThanOrEqualTo(4);
            assertThat(fixture.authorize.cachedUsers()).isEqualTo(200);
        }
    }

    @Test
    void withNoCacheEveryRequestReadsItsRows() throws Exception {
        AtomicInteger statements = new AtomicInteger();
        try (Fixture fixture = new Fixture(statements, 0, 0)) {
            awaitTrue(fixture.authorize::listening, 5_000);
            statements.set(0);
            for (int i = 0; i < 3; i++) {
                assertThat(password(fixture.control("ann"))).isEqualTo("old");
            }
            assertThat(statements.get()).as("the user's rows and the group's, for each request").isEqualTo(6);
            assertThat(fixture.authorize.cachedUsers()).isZero();
            TestDatabase.executeIn(schema, "update radcheck set value = 'new' where username = 'ann'");
            assertThat(password(fixture.control("ann"))).isEqualTo("new");
        }
    }

    @Test
    void aReadThatFailsIsADatabaseErrorForTheRequestAndTheNextReadsAgain() throws Exception {
        AtomicInteger statements = new AtomicInteger();
        try (Fixture fixture = new Fixture(statements)) {
            awaitTrue(fixture.authorize::listening, 5_000);
            TestDatabase.executeIn(schema, "alter table radcheck rename to radcheck_away");
            assertThatThrownBy(() -> fixture.control("ann")).isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("radcheck");
            TestDatabase.executeIn(schema, "alter table radcheck_away rename to radcheck");
            assertThat(password(fixture.control("ann"))).isEqualTo("old");
        }
    }

    /** SqlAuthorize and TableChanges on their own, with every statement counted. */
    private final class Fixture implements AutoCloseable {
        final SqlAuthorize authorize;
        final TableChanges changes;

        Fixture(AtomicInteger statements) {
            this(statements, 0);
        }

        Fixture(AtomicInteger statements, int preloadUsers) {
            this(statements, preloadUsers, 1_000);
        }

        Fixture(AtomicInteger statements, int preloadUsers, long maximumUsers) {
            PGSimpleDataSource dataSource = TestDatabase.dataSource();
            dataSource.setCurrentSchema(schema);
            DSLContext dsl = DSL.using(StatementCounter.counting(dataSource, statements), SQLDialect.POSTGRES);
            authorize = new SqlAuthorize(Dictionary.pirog(), dsl, maximumUsers, preloadUsers);
            changes = new TableChanges(TestDatabase.URL, null, null, schema);
            changes.subscribe(authorize);
            changes.start();
        }

        boolean apply(String user) {
            return authorize.apply(user, context(user));
        }

        SqlAuthorize.Found fromMemory(String user) {
            return authorize.applyFromMemory(user, context(user));
        }

        List<PolicyItem> control(String user) {
            PolicyContext context = context(user);
            authorize.apply(user, context);
            return context.control().items();
        }

        @Override
        public void close() throws InterruptedException {
            changes.close();
            authorize.close();
        }
    }

    private static PolicyContext context(String user) {
        AccessRequest request = request(user);
        return new PolicyContext(request.packet(), request.source().getAddress(), request.received(),
                ZoneOffset.UTC);
    }

    private int listenerPid() {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select pid from pg_stat_activity where application_name = '"
                        + TableChanges.applicationName(schema) + "'")) {
            return rows.next() ? rows.getInt(1) : 0;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void terminate(int pid) throws Exception {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
            statement.execute("select pg_terminate_backend(" + pid + ")");
        }
    }

    private PostgresBackend backend() throws Exception {
        ConfigSection settings = new ConfigSection("backend", "postgres", List.of(
                new ConfigItem("url", TestDatabase.URL, true, "pirog.conf", 2),
                new ConfigItem("schema", schema, false, "pirog.conf", 3),
                new ConfigItem("pool_size", "4", false, "pirog.conf", 4)), List.of(), "pirog.conf", 1);
        return new PostgresBackendProvider(Map.of(), Clock.systemDefaultZone())
                .create(new BackendContext(Dictionary.pirog(), Path.of("."), settings));
    }

    /** Until the backend hears the tables' changes, so that it caches what it reads. */
    private static void awaitListening(PostgresBackend backend) throws Exception {
        awaitTrue(backend::listening, 5_000);
    }

    private static Authorization authorize(PostgresBackend backend, String user) {
        try {
            return backend.authorize(request(user));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String password(List<PolicyItem> control) {
        for (PolicyItem item : control) {
            if (item.isNamed("Cleartext-Password")) {
                return item.value();
            }
        }
        return null;
    }

    private static String password(Authorization authorization) {
        return authorization == null ? null : password(authorization.control());
    }

    private static AccessRequest request(String user) {
        return org.pirog.radius.core.backend.BackendContract.accessRequest(user);
    }

    interface ThrowingCondition {
        boolean get() throws Exception;
    }

    private static void awaitTrue(ThrowingCondition condition, long millis) throws Exception {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!condition.get()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + millis + " ms");
            }
            Thread.sleep(10);
        }
    }

}
