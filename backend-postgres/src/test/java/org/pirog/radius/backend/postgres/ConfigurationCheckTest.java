package org.pirog.radius.backend.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.core.backend.BackendCheck;
import org.pirog.radius.core.backend.BackendContext;
import org.pirog.radius.core.config.ConfigException;
import org.pirog.radius.core.config.ConfigItem;
import org.pirog.radius.core.config.ConfigSection;

/** {@code radiusd -C} with {@code backend postgres}: the database is reached and judged, never changed. */
class ConfigurationCheckTest {
    private String schema;

    @BeforeEach
    void createSchema() throws Exception {
        schema = TestDatabase.createSchema("check");
    }

    @AfterEach
    void dropSchema() throws Exception {
        TestDatabase.dropSchema(schema);
    }

    @Test
    void checkingAnEmptySchemaSaysItWillBeCreatedAndCreatesNothing() throws Exception {
        BackendCheck check = provider().check(context(new ConfigItem("schema", schema, false, "pirog.conf", 3)));
        assertThat(check.definesClients()).as("the nas table is a source of clients").isTrue();
        assertThat(check.notes().getFirst()).isEqualTo("schema " + schema
                + ": no rlm_sql tables yet; radiusd creates them when it starts");
        // And a word on autovacuum exactly when the server runs without it.
        assertThat(check.notes()).hasSize("on".equals(setting("autovacuum")) ? 1 : 2);
        assertThat(tableCount()).isZero();
    }

    @Test
    void aBadSettingIsReportedWithItsLineBeforeAnyConnection() {
        assertThatThrownBy(() -> provider().check(context(new ConfigItem("pool_size", "2", false, "pirog.conf", 7))))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(error -> assertThat(error.line()).isEqualTo(7)));
    }

    private static PostgresBackendProvider provider() {
        return new PostgresBackendProvider(Map.of(), Clock.systemDefaultZone());
    }

    private static BackendContext context(ConfigItem item) {
        ConfigSection settings = new ConfigSection("backend", "postgres", List.of(
                new ConfigItem("url", TestDatabase.URL, true, "pirog.conf", 2), item), List.of(), "pirog.conf", 1);
        return new BackendContext(Dictionary.pirog(), Path.of("."), settings);
    }

    private static String setting(String name) throws Exception {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("show " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private int tableCount() throws Exception {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from information_schema.tables"
                        + " where table_schema = '" + schema + "'")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
