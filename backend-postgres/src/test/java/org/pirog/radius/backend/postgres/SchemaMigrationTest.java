package org.pirog.radius.backend.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Flyway on the real PostgreSQL: an empty schema, FreeRADIUS's own schema.sql, and the two compared. */
class SchemaMigrationTest {
    private static final List<String> ALL_TABLES = List.of("nas", "nasreload", "radacct", "radcheck",
            "radgroupcheck", "radgroupreply", "radippool", "radpostauth", "radreply", "radusergroup");

    private final List<String> schemas = new ArrayList<>();

    @AfterEach
    void dropSchemas() throws SQLException {
        for (String schema : schemas) {
            TestDatabase.dropSchema(schema);
        }
    }

    private String schema(String purpose) throws SQLException {
        String schema = TestDatabase.createSchema(purpose);
        schemas.add(schema);
        return schema;
    }

    @Test
    void anEmptySchemaGetsEveryTable() throws Exception {
        String schema = schema("empty");
        assertThat(SchemaMigration.migrate(TestDatabase.dataSource(), schema))
                .isEqualTo(SchemaMigration.Outcome.CREATED);
        assertThat(tables(schema)).containsAll(ALL_TABLES).contains("flyway_schema_history");
        assertThat(query(schema, "select version from flyway_schema_history where success order by installed_rank"))
                .containsExactly("1", "2", "3", "5");
        // A second start finds its own history and changes nothing.
        assertThat(SchemaMigration.migrate(TestDatabase.dataSource(), schema))
                .isEqualTo(SchemaMigration.Outcome.MIGRATED);
    }

    @Test
    void aSchemaThatDoesNotExistIsCreated() throws Exception {
        String schema = schema("absent");
        TestDatabase.dropSchema(schema);
        assertThat(SchemaMigration.migrate(TestDatabase.dataSource(), schema))
                .isEqualTo(SchemaMigration.Outcome.CREATED);
        assertThat(tables(schema)).containsAll(ALL_TABLES);
    }

    @Test
    void aFreeRadiusDatabaseIsAdoptedWithItsRowsIntact() throws Exception {
        String schema = schema("adopt");
        TestDatabase.runFile(schema, TestDatabase.FREERADIUS_SCHEMA);
        // Users, groups and a session the way daloRADIUS writes them: plain SQL.
        TestDatabase.executeIn(schema, """
                insert into radcheck (username, attribute, op, value) values
                    ('alice', 'Cleartext-Password', ':=', 'alice-secret');
                insert into radreply (username, attribute, op, value) values ('alice', 'Session-Timeout', ':=', '3600');
                insert into radusergroup (username, groupname, priority) values ('alice', 'daloRADIUS-Disabled-Users', 0);
                insert into radgroupreply (groupname, attribute, op, value) values ('gold', 'Idle-Timeout', ':=', '600');
                insert into nas (nasname, shortname, type, secret) values ('192.0.2.1', 'nas1', 'other', 'testing123');
                insert into radacct (acctsessionid, acctuniqueid, username, nasipaddress, acctstarttime,
                    acctinputoctets) values ('s1', 'u1', 'alice', '192.0.2.1', now(), 5000000000);
                """);
        List<String> before = dump(schema);

        assertThat(SchemaMigration.migrate(TestDatabase.dataSource(), schema))
                .isEqualTo(SchemaMigration.Outcome.ADOPTED);

        assertThat(dump(schema)).isEqualTo(before);
        assertThat(tables(schema)).containsAll(ALL_TABLES);
        assertThat(query(schema, "select version || ' ' || type from flyway_schema_history order by installed_rank"))
                .containsExactly("1 BASELINE", "2 SQL", "3 SQL", "5 SQL");
        assertThat(SchemaMigration.migrate(TestDatabase.dataSource(), schema))
                .isEqualTo(SchemaMigration.Outcome.MIGRATED);
        assertThat(dump(schema)).isEqualTo(before);
    }

    @Test
    void anAdoptedDatabaseKeepsItsOwnRadippool() throws Exception {
        String schema = schema("adoptpool");
        TestDatabase.runFile(schema, TestDatabase.FREERADIUS_SCHEMA);
        TestDatabase.runFile(schema, TestDatabase.FREERADIUS_IPPOOL_SCHEMA);
        TestDatabase.executeIn(schema, "insert into radippool (pool_name, framedipaddress) values ('main', '10.0.0.1')");
        assertThat(SchemaMigration.migrate(TestDatabase.dataSource(), schema))
                .isEqualTo(SchemaMigration.Outcome.ADOPTED);
        assertThat(query(schema, "select pool_name || ' ' || host(framedipaddress) from radippool"))
                .containsExactly("main 10.0.0.1");
    }

    @Test
    void aSchemaWithOtherApplicationsTablesGetsTheRlmSqlTables() throws Exception {
        String schema = schema("other");
        TestDatabase.executeIn(schema, "create table operators (id serial primary key, username text);"
                + " insert into operators (username) values ('administrator')");
        assertThat(SchemaMigration.migrate(TestDatabase.dataSource(), schema))
                .isEqualTo(SchemaMigration.Outcome.CREATED);
        assertThat(tables(schema)).containsAll(ALL_TABLES).contains("operators");
        assertThat(query(schema, "select username from operators")).containsExactly("administrator");
    }

    @Test
    void partOfAnRlmSqlSchemaIsRefusedWithWhatIsMissing() throws Exception {
        String schema = schema("partial");
        TestDatabase.runFile(schema, TestDatabase.FREERADIUS_SCHEMA);
        TestDatabase.executeIn(schema, "drop table nasreload; alter table radacct drop column class");
        assertThatThrownBy(() -> SchemaMigration.migrate(TestDatabase.dataSource(), schema))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("nasreload")
                .hasMessageContaining("radacct.class");
        assertThat(tables(schema)).doesNotContain("flyway_schema_history");
    }

    @Test
    void checkingSaysWhatStartWouldDoAndChangesNothing() throws Exception {
        String empty = schema("checkempty");
        assertThat(SchemaMigration.check(TestDatabase.dataSource(), empty))
                .isEqualTo("schema " + empty + ": no rlm_sql tables yet; radiusd creates them when it starts");
        assertThat(tables(empty)).isEmpty();

        String freeradius = schema("checkfr");
        TestDatabase.runFile(freeradius, TestDatabase.FREERADIUS_SCHEMA);
        TestDatabase.executeIn(freeradius, "insert into radcheck (username, attribute, op, value) values"
                + " ('alice', 'Cleartext-Password', ':=', 'secret')");
        List<String> before = dump(freeradius);
        List<String> tablesBefore = tables(freeradius);
        assertThat(SchemaMigration.check(TestDatabase.dataSource(), freeradius))
                .startsWith("schema " + freeradius + ": FreeRADIUS's rlm_sql tables; radiusd adopts them")
                .endsWith("then applies 3 migration(s)");
        assertThat(tables(freeradius)).isEqualTo(tablesBefore).doesNotContain("flyway_schema_history");
        assertThat(dump(freeradius)).isEqualTo(before);

        SchemaMigration.migrate(TestDatabase.dataSource(), freeradius);
        assertThat(SchemaMigration.check(TestDatabase.dataSource(), freeradius))
                .isEqualTo("schema " + freeradius + ": up to date");
        TestDatabase.executeIn(freeradius, "delete from flyway_schema_history where version = '5'");
        assertThat(SchemaMigration.check(TestDatabase.dataSource(), freeradius))
                .isEqualTo("schema " + freeradius + ": 1 migration(s) pending; radiusd applies them when it starts");

        String partial = schema("checkpartial");
        TestDatabase.runFile(partial, TestDatabase.FREERADIUS_SCHEMA);
        TestDatabase.executeIn(partial, "drop table nasreload");
        assertThatThrownBy(() -> SchemaMigration.check(TestDatabase.dataSource(), partial))
                .isInstanceOf(SchemaException.class).hasMessageContaining("missing: nasreload");
    }

    @Test
    void theMigratedSchemaIsFreeRadiusSchemaColumnByColumn() throws Exception {
        String theirs = schema("freeradius");
        TestDatabase.runFile(theirs, TestDatabase.FREERADIUS_SCHEMA);
        TestDatabase.runFile(theirs, TestDatabase.FREERADIUS_IPPOOL_SCHEMA);
        String ours = schema("pirog");
        SchemaMigration.migrate(TestDatabase.dataSource(), ours);

        String columns = """
                select table_name || '.' || column_name || ' #' || ordinal_position || ' ' || data_type
                    || ' ' || udt_name || ' len=' || coalesce(character_maximum_length::text, '-')
                    || ' precision=' || coalesce(datetime_precision::text, '-')
                    || ' nullable=' || is_nullable
                    || ' default=' || coalesce(replace(column_default, table_schema || '.', ''), '-')
                from information_schema.columns where table_schema = current_schema()
                    and table_name <> 'flyway_schema_history'
                order by table_name, ordinal_position
                """;
        List<String> freeradius = query(theirs, columns);
        assertThat(freeradius).hasSizeGreaterThan(80);
        assertThat(query(ours, columns)).containsExactlyElementsOf(freeradius);

        String indexes = """
                select tablename || ' ' || indexname || ' ' || replace(indexdef, schemaname || '.', '')
                from pg_indexes where schemaname = current_schema() and tablename <> 'flyway_schema_history'
                order by tablename, indexname
                """;
        // FreeRADIUS's indexes, and Pirog's additions on top (which FreeRADIUS ignores).
        List<String> pirogs = new ArrayList<>(query(ours, indexes));
        assertThat(pirogs.removeIf(index -> index.startsWith("radreply radreply_framedipaddress "))).isTrue();
        assertThat(pirogs).containsExactlyElementsOf(query(theirs, indexes));

        String constraints = """
                select c.conrelid::regclass::text || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid)
                from pg_constraint c join pg_namespace n on n.oid = c.connamespace
                where n.nspname = current_schema() and c.conrelid::regclass::text <> 'flyway_schema_history'
                order by 1
                """;
        assertThat(query(ours, constraints)).containsExactlyElementsOf(query(theirs, constraints));
    }

    private static List<String> tables(String schema) throws SQLException {
        return query(schema, "select table_name from information_schema.tables where table_schema = current_schema()");
    }

    /** Every row of the rlm_sql tables, as text. */
    private static List<String> dump(String schema) throws SQLException {
        List<String> rows = new ArrayList<>();
        for (String table : List.of("radcheck", "radreply", "radusergroup", "radgroupreply", "nas", "radacct")) {
            rows.addAll(query(schema, "select '" + table + " ' || t::text from " + table + " t order by 1"));
        }
        return rows;
    }

    static List<String> query(String schema, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
            statement.execute("set search_path to " + schema);
            try (ResultSet rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }
}
