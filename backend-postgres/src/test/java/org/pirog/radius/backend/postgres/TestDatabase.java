package org.pirog.radius.backend.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The real PostgreSQL the tests run on ({@code PIROG_TEST_DATABASE_URL}, default the local {@code test} database),
 * and schemas of their own in it: CI and other tests share the server, so each test class creates fresh schemas
 * with random names and drops them afterwards.
 */
public final class TestDatabase {
    public static final String URL = System.getenv().getOrDefault("PIROG_TEST_DATABASE_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    /** Debian's freeradius-postgresql package. */
    public static final Path FREERADIUS_SQL = Path.of("/etc/freeradius/3.0/mods-config/sql");
    public static final Path FREERADIUS_SCHEMA = FREERADIUS_SQL.resolve("main/postgresql/schema.sql");
    public static final Path FREERADIUS_IPPOOL_SCHEMA = FREERADIUS_SQL.resolve("ippool/postgresql/schema.sql");

    private TestDatabase() {
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL);
    }

    public static PGSimpleDataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(URL);
        return dataSource;
    }

    /** Creates an empty schema with a fresh name. */
    public static String createSchema(String purpose) throws SQLException {
        String schema = "pirog_test_" + purpose + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        execute("create schema " + schema);
        return schema;
    }

    public static void dropSchema(String schema) throws SQLException {
        execute("drop schema if exists " + schema + " cascade");
    }

    /** Runs statements (several, separated by semicolons) with the schema first on the search path. */
    public static void executeIn(String schema, String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("set search_path to " + schema);
            statement.execute(sql);
        }
    }

    /** Runs a FreeRADIUS SQL file into the schema, as {@code psql -f} would. */
    public static void runFile(String schema, Path file) throws SQLException, IOException {
        executeIn(schema, Files.readString(file, StandardCharsets.UTF_8));
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
