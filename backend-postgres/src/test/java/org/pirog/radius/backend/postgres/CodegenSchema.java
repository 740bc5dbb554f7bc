package org.pirog.radius.backend.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * For the {@code jooq-codegen} profile: drops the schema it is given and migrates it afresh, so that jOOQ generates
 * its classes from exactly what the migrations make. Arguments: JDBC URL, schema.
 */
public final class CodegenSchema {
    private CodegenSchema() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String schema = args[1];
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        System.out.println("codegen schema " + schema + ": " + SchemaMigration.migrate(dataSource, schema));
    }
}
