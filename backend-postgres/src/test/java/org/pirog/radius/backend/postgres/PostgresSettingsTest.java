package org.pirog.radius.backend.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pirog.radius.core.config.ConfigError;
import org.pirog.radius.core.config.ConfigItem;
import org.pirog.radius.core.config.ConfigSection;

class PostgresSettingsTest {
    private static ConfigSection section(ConfigItem... items) {
        return new ConfigSection("backend", "postgres", List.of(items), List.of(), "radiusd.conf", 10);
    }

    private static ConfigItem item(String name, String value, int line) {
        return new ConfigItem(name, value, false, "radiusd.conf", line);
    }

    @Test
    void theEnvironmentOverridesTheFile() {
        List<ConfigError> errors = new ArrayList<>();
        PostgresSettings settings = PostgresSettings.read(section(item("url", "jdbc:postgresql://db/radius", 11),
                item("user", "radius", 12), item("password", "file", 13), item("pool_size", "4", 14)),
                Map.of("PIROG_DB_URL", "jdbc:postgresql://other/radius", "PIROG_DB_PASSWORD", "env"), errors);
        assertThat(errors).isEmpty();
        assertThat(settings.url()).isEqualTo("jdbc:postgresql://other/radius");
        assertThat(settings.user()).isEqualTo("radius");
        assertThat(settings.password()).isEqualTo("env");
        assertThat(settings.poolSize()).isEqualTo(4);
        assertThat(settings.schema()).isEqualTo("public");
        assertThat(settings.toString()).doesNotContain("env");
    }

    @Test
    void everyErrorNamesFileAndLine() {
        List<ConfigError> errors = new ArrayList<>();
        PostgresSettings.read(section(item("url", "mysql://db", 11), item("pool_size", "lots", 12),
                item("schema", "Bad-Name", 13), item("host", "db", 14)), Map.of(), errors);
        assertThat(errors).extracting(ConfigError::line).containsExactly(11, 12, 13, 14, 10);
        assertThat(errors).allMatch(error -> error.file().equals("radiusd.conf"));
        assertThat(errors.getLast().message()).contains("PIROG_DB_URL");
    }

    @Test
    void tuningSettingsHaveDefaultsAndRanges() {
        List<ConfigError> errors = new ArrayList<>();
        PostgresSettings defaults = PostgresSettings.read(section(item("url", "jdbc:postgresql://db/radius", 11)),
                Map.of(), errors);
        assertThat(errors).isEmpty();
        assertThat(defaults.interimInterval()).hasSeconds(600);
        assertThat(defaults.staleAfter()).isEqualTo(3);
        assertThat(defaults.accountingQueue()).isEqualTo(10_000);
        assertThat(defaults.accountingWriters()).isEqualTo(2);
        assertThat(defaults.cacheUsers()).isEqualTo(1_000_000);

        PostgresSettings set = PostgresSettings.read(section(item("url", "jdbc:postgresql://db/radius", 11),
                item("interim_interval", "300", 12), item("stale_after", "0", 13), item("accounting_queue", "50", 14),
                item("accounting_writers", "8", 15), item("cache_users", "0", 16)), Map.of(), errors);
        assertThat(errors).isEmpty();
        assertThat(set.cacheUsers()).isZero();
        assertThat(set.interimInterval()).hasSeconds(300);
        assertThat(set.staleAfter()).isZero();
        assertThat(set.accountingQueue()).isEqualTo(50);
        assertThat(set.accountingWriters()).isEqualTo(8);

        PostgresSettings.read(section(item("url", "jdbc:postgresql://db/radius", 11),
                item("interim_interval", "0", 12), item("stale_after", "-1", 13), item("accounting_queue", "x", 14),
                item("accounting_writers", "0", 15), item("cache_users", "a million", 16)), Map.of(), errors);
        assertThat(errors).extracting(ConfigError::line).containsExactly(12, 13, 14, 15, 16);
        assertThat(errors.getLast().message()).isEqualTo("cache_users: \"a million\" is no number from 0 to 100000000");
    }

    @Test
    void accountingWritersLeaveHalfThePoolToTheRest() {
        List<ConfigError> errors = new ArrayList<>();
        PostgresSettings settings = PostgresSettings.read(section(item("url", "jdbc:postgresql://db/radius", 11),
                item("pool_size", "6", 12), item("accounting_writers", "4", 13)), Map.of(), errors);
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(13);
            assertThat(error.message()).contains("accounting_writers = 4").contains("pool_size = 6");
        });
        assertThat(settings.accountingWriters()).isEqualTo(3);
    }
}
