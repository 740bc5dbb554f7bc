package org.pirog.radius.backend.postgres.authorize;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pirog.radius.backend.postgres.PostgresBackend;
import org.pirog.radius.backend.postgres.PostgresBackendProvider;
import org.pirog.radius.backend.postgres.TestDatabase;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.core.backend.Authorization;
import org.pirog.radius.core.backend.BackendContext;
import org.pirog.radius.core.backend.BackendContract;
import org.pirog.radius.core.config.ConfigItem;
import org.pirog.radius.core.config.ConfigSection;
import org.pirog.radius.core.policy.PolicyItem;

/** rlm_sql's order: user check, user reply, groups by priority, Fall-Through between groups. */
class SqlAuthorizeTest {
    private static String schema;
    private static PostgresBackend backend;

    @BeforeAll
    static void create() throws Exception {
        schema = TestDatabase.createSchema("authorize");
        ConfigSection settings = new ConfigSection("backend", "postgres", List.of(
                new ConfigItem("url", TestDatabase.URL, true, "pirog.conf", 2),
                new ConfigItem("schema", schema, false, "pirog.conf", 3)), List.of(), "pirog.conf", 1);
        backend = new PostgresBackendProvider(Map.of(), Clock.systemDefaultZone())
                .create(new BackendContext(Dictionary.pirog(), Path.of("."), settings));
        TestDatabase.executeIn(schema, """
                insert into radcheck (username, attribute, op, value) values
                    ('ann', 'Cleartext-Password', ':=', 'x'),
                    ('ben', 'Cleartext-Password', ':=', 'y'),
                    ('ben', 'NAS-IP-Address', '==', '203.0.113.9'),
                    ('cat', 'Cleartext-Password', ':=', 'z');
                insert into radreply (username, attribute, op, value) values
                    ('ann', 'Reply-Message', '=', '100%% literal %{User-Name}'),
                    ('ben', 'Session-Timeout', '=', '10'),
                    ('cat', 'Reply-Message', '=', '"hi %{User-Name}"'),
                    ('cat', 'Fall-Through', '=', 'No');
                insert into radusergroup (username, groupname, priority) values
                    ('ann', 'second', 2), ('ann', 'first', 1), ('ann', 'third', 3), ('ann', 'elsewhere', 0),
                    ('ben', 'first', 1), ('cat', 'first', 1), ('dan', 'first', 1);
                insert into radgroupcheck (groupname, attribute, op, value) values
                    ('elsewhere', 'NAS-IP-Address', '==', '203.0.113.9'),
                    ('elsewhere', 'Auth-Type', ':=', 'Reject');
                insert into radgroupreply (groupname, attribute, op, value) values
                    ('first', 'Idle-Timeout', ':=', '600'),
                    ('first', 'Fall-Through', '=', 'Yes'),
                    ('second', 'Class', ':=', 'second'),
                    ('third', 'Class', ':=', 'third');
                """);
    }

    @AfterAll
    static void drop() throws Exception {
        backend.close();
        TestDatabase.dropSchema(schema);
    }

    @Test
    void groupsGoOnByPriorityOnlyWhileFallThroughIsYes() throws Exception {
        Authorization ann = authorize("ann");
        // "elsewhere" does not match this NAS: skipped, Auth-Type not taken; "first" falls through to "second",
        // which does not fall through to "third".
        assertThat(ann.control()).extracting(PolicyItem::toString)
                .containsExactly("Cleartext-Password := \"x\"");
        assertThat(lines(ann.reply())).containsExactly("Reply-Message = \"100%% literal %{User-Name}\"",
                "Idle-Timeout := \"600\"", "Class := \"second\"");
    }

    @Test
    void aUserWhoseCheckItemsFailGetsNoUserReplyButItsGroups() throws Exception {
        Authorization ben = authorize("ben");
        assertThat(lines(ben.control())).isEmpty();
        assertThat(lines(ben.reply())).containsExactly("Idle-Timeout := \"600\"");
    }

    @Test
    void fallThroughNoInTheUserReplySkipsTheGroupsAndQuotedValuesExpand() throws Exception {
        Authorization cat = authorize("cat");
        assertThat(lines(cat.reply())).containsExactly("Reply-Message = \"hi cat\"");
    }

    @Test
    void aUserOnlyInAGroupIsFound() throws Exception {
        assertThat(lines(authorize("dan").reply())).containsExactly("Idle-Timeout := \"600\"");
    }

    private static Authorization authorize(String user) throws Exception {
        Authorization authorization = backend.authorize(org.pirog.radius.core.backend.BackendContract.accessRequest(user));
        assertThat(authorization).isNotNull();
        return authorization;
    }

    private static List<String> lines(List<PolicyItem> items) {
        List<String> lines = new ArrayList<>();
        for (PolicyItem item : items) {
            lines.add(item.toString());
        }
        return lines;
    }

}
