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
}
