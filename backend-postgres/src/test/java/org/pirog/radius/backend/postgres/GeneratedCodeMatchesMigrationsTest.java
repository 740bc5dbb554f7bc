package org.pirog.radius.backend.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Schema;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pirog.radius.backend.postgres.schema.DefaultSchema;

/**
 * The committed jOOQ classes ({@code mvn -Pjooq-codegen}) describe what the migrations make: every table, column,
 * type and nullability, read back from a freshly migrated schema through jOOQ's own meta model. When this fails,
 * regenerate the classes.
 */
class GeneratedCodeMatchesMigrationsTest {
    private static String schema;

    @BeforeAll
    static void migrate() throws Exception {
        schema = TestDatabase.createSchema("codegen");
        SchemaMigration.migrate(TestDatabase.dataSource(), schema);
    }

    @AfterAll
    static void drop() throws Exception {
        TestDatabase.dropSchema(schema);
    }

    @Test
    void everyTableAndColumnOfTheMigratedSchemaIsGeneratedAlike() throws Exception {
        List<String> migrated;
        try (Connection connection = TestDatabase.connect()) {
            DSLContext dsl = DSL.using(connection, SQLDialect.POSTGRES);
            Schema live = dsl.meta().getSchemas(schema).getFirst();
            migrated = describe(live.getTables());
        }
        assertThat(describe(DefaultSchema.DEFAULT_SCHEMA.getTables())).containsExactlyElementsOf(migrated);
        assertThat(migrated).hasSize(81);
    }

    private static List<String> describe(List<? extends Table<?>> tables) {
        List<String> lines = new ArrayList<>();
        for (Table<?> table : tables) {
            if (table.getName().equals("flyway_schema_history")) {
                continue;
            }
            for (Field<?> field : table.fields()) {
                lines.add(table.getName() + "." + field.getName() + " " + typeName(field)
                        + (field.getDataType().nullable() ? " null" : " not null")
                        + (field.getDataType().hasPrecision() ? " precision " + field.getDataType().precision() : "")
                        + (field.getDataType().hasLength() && !field.getDataType().isLob()
                                ? " length " + field.getDataType().length() : ""));
            }
        }
        lines.sort(null);
        return lines;
    }

    /** The generated code names types PostgreSQL defines ({@code inet}) with their schema, quoted. */
    private static String typeName(Field<?> field) {
        return field.getDataType().getTypeName().replace("\"pg_catalog\".", "").replace("\"", "");
    }
}
