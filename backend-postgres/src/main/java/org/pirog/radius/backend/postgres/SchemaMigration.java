package org.pirog.radius.backend.postgres;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a schema to Pirog's version with Flyway, whichever of three databases it finds:
 * <ul>
 *   <li>one Pirog already migrated (Flyway's history table is there): pending migrations run;</li>
 *   <li>one made from FreeRADIUS 3.2's {@code schema.sql} (its nine tables and their columns are there, no history
 *       table): it is adopted, that is baselined at version 1, which is the same schema, so no statement touches
 *       its tables or rows; later migrations then run ({@code V2} adds radippool only when it is missing);</li>
 *   <li>one without any rlm_sql table: everything is created (a schema holding other tables, such as
 *       daloRADIUS's own, is baselined at version 0 first, since Flyway refuses to migrate a non-empty schema
 *       it does not know).</li>
 * </ul>
 * Anything else (some rlm_sql tables missing, or a column missing) stops start-up with the list of what is
 * missing, rather than guessing. Several servers starting together serialise on an advisory lock.
 */
public final class SchemaMigration {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);
    /** The version whose migration equals FreeRADIUS 3.2's schema.sql. */
    public static final String FREERADIUS_VERSION = "1";
    /** Any constant no other application uses: "pirog" in ASCII. */
    private static final long LOCK = 0x7069726f67L;
    private static final String HISTORY = "flyway_schema_history";

    /** The columns FreeRADIUS 3.2's schema.sql gives each table that version 1 creates. */
    static final Map<String, List<String>> FREERADIUS_TABLES = Map.of(
            "radcheck", List.of("id", "username", "attribute", "op", "value"),
            "radreply", List.of("id", "username", "attribute", "op", "value"),
            "radgroupcheck", List.of("id", "groupname", "attribute", "op", "value"),
            "radgroupreply", List.of("id", "groupname", "attribute", "op", "value"),
            "radusergroup", List.of("id", "username", "groupname", "priority"),
            "radacct", List.of("radacctid", "acctsessionid", "acctuniqueid", "username", "realm", "nasipaddress",
                    "nasportid", "nasporttype", "acctstarttime", "acctupdatetime", "acctstoptime", "acctinterval",
                    "acctsessiontime", "acctauthentic", "connectinfo_start", "connectinfo_stop", "acctinputoctets",
                    "acctoutputoctets", "calledstationid", "callingstationid", "acctterminatecause", "servicetype",
                    "framedprotocol", "framedipaddress", "framedipv6address", "framedipv6prefix",
                    "framedinterfaceid", "delegatedipv6prefix", "class"),
            "radpostauth", List.of("id", "username", "pass", "reply", "calledstationid", "callingstationid",
                    "authdate", "class"),
            "nas", List.of("id", "nasname", "shortname", "type", "ports", "secret", "server", "community",
                    "description"),
            "nasreload", List.of("nasipaddress", "reloadtime"));

    /** What {@link #migrate} found. */
    public enum Outcome {
        /** Flyway's history was there; pending migrations ran. */
        MIGRATED,
        /** A FreeRADIUS schema was baselined at version 1, then later migrations ran. */
        ADOPTED,
        /** No rlm_sql table was there; every table was created. */
        CREATED
    }

    private SchemaMigration() {
    }

    /**
     * Migrates {@code schema} (creating it when it does not exist).
     *
     * @throws SchemaException when the schema holds part of an rlm_sql schema, or the database fails
     */
    public static Outcome migrate(DataSource dataSource, String schema) throws SchemaException {
        try (Connection lockConnection = dataSource.getConnection()) {
            DSLContext lock = DSL.using(lockConnection, SQLDialect.POSTGRES);
            lock.execute("select pg_advisory_lock(?)", LOCK);
            try {
                return migrateLocked(dataSource, schema, lock);
            } finally {
                lock.execute("select pg_advisory_unlock(?)", LOCK);
            }
        } catch (SQLException | org.jooq.exception.DataAccessException | FlywayException e) {
            throw new SchemaException("schema " + schema + ": " + e.getMessage(), e);
        }
    }

    private static Outcome migrateLocked(DataSource dataSource, String schema, DSLContext dsl)
            throws SchemaException {
        Flyway flyway = flyway(dataSource, schema);
        Found found = found(dsl, schema);
        switch (found) {
            case HISTORY -> {
                flyway.migrate();
                return Outcome.MIGRATED;
            }
            case OTHER_TABLES, NOTHING -> {
                if (found == Found.OTHER_TABLES) {
                    // Other applications' tables: Flyway only migrates a schema it knows, so it learns this one
                    // at version 0, below every migration.
                    Flyway.configure().configuration(flyway.getConfiguration()).baselineVersion("0")
                            .baselineDescription("schema without rlm_sql tables").load().baseline();
                }
                flyway.migrate();
                LOG.info("schema {}: created the rlm_sql tables", schema);
                return Outcome.CREATED;
            }
            default -> {
                flyway.baseline();
                flyway.migrate();
                LOG.info("schema {}: adopted FreeRADIUS's rlm_sql tables (Flyway baseline at version {})", schema,
                        FREERADIUS_VERSION);
                return Outcome.ADOPTED;
            }
        }
    }

    /**
     * What {@link #migrate} would do, found without changing anything (for {@code radiusd -C}).
     *
     * @return one line for the operator
     * @throws SchemaException when {@link #migrate} would refuse the schema, or the database fails
     */
    public static String check(DataSource dataSource, String schema) throws SchemaException {
        try (Connection connection = dataSource.getConnection()) {
            DSLContext dsl = DSL.using(connection, SQLDialect.POSTGRES);
            Found found = found(dsl, schema);
            if (found == Found.NOTHING || found == Found.OTHER_TABLES) {
                return "schema " + schema + ": no rlm_sql tables yet; radiusd creates them when it starts";
            }
            int pending = flyway(dataSource, schema).info().pending().length;
            if (found == Found.FREERADIUS) {
                return "schema " + schema + ": FreeRADIUS's rlm_sql tables; radiusd adopts them when it starts"
                        + " (Flyway baseline at version " + FREERADIUS_VERSION + ", existing rows unchanged), then"
                        + " applies " + (pending - 1) + " migration(s)";
            }
            return "schema " + schema + ": " + (pending == 0 ? "up to date"
                    : pending + " migration(s) pending; radiusd applies them when it starts");
        } catch (SQLException | org.jooq.exception.DataAccessException | FlywayException e) {
            throw new SchemaException("schema " + schema + ": " + e.getMessage(), e);
        }
    }

    private static Flyway flyway(DataSource dataSource, String schema) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .locations("classpath:db/migration")
                .baselineVersion(FREERADIUS_VERSION)
                .baselineDescription("FreeRADIUS 3.2 schema.sql, adopted")
                .load();
    }

    /** What a schema holds, as far as migrating it goes. */
    private enum Found {
        /** Flyway's history: Pirog's migrations made or adopted it. */
        HISTORY,
        /** Nothing at all. */
        NOTHING,
        /** Tables, none of them rlm_sql's. */
        OTHER_TABLES,
        /** FreeRADIUS 3.2's rlm_sql tables, every column there. */
        FREERADIUS
    }

    /** @throws SchemaException when the schema holds part of an rlm_sql schema and no Flyway history */
    private static Found found(DSLContext dsl, String schema) throws SchemaException {
        Map<String, Set<String>> columns = columns(dsl, schema);
        if (columns.containsKey(HISTORY)) {
            return Found.HISTORY;
        }
        List<String> missing = new ArrayList<>();
        int present = 0;
        for (Map.Entry<String, List<String>> table : FREERADIUS_TABLES.entrySet()) {
            Set<String> found = columns.get(table.getKey());
            if (found == null) {
                missing.add(table.getKey());
                continue;
            }
            present++;
            for (String column : table.getValue()) {
                if (!found.contains(column)) {
                    missing.add(table.getKey() + "." + column);
                }
            }
        }
        if (present == 0) {
            return columns.isEmpty() ? Found.NOTHING : Found.OTHER_TABLES;
        }
        if (!missing.isEmpty()) {
            missing.sort(null);
            throw new SchemaException("schema " + schema + " holds rlm_sql tables but is not FreeRADIUS 3.2's schema"
                    + " and has no Flyway history; missing: " + String.join(", ", missing));
        }
        return Found.FREERADIUS;
    }

    /** The schema's tables and their columns. */
    private static Map<String, Set<String>> columns(DSLContext dsl, String schema) {
        Map<String, Set<String>> columns = new HashMap<>();
        var tableName = field(name("table_name"), String.class);
        var columnName = field(name("column_name"), String.class);
        for (Record2<String, String> row : dsl.select(tableName, columnName)
                .from(table(name("information_schema", "columns")))
                .where(field(name("table_schema"), String.class).eq(schema))
                .fetch()) {
            columns.computeIfAbsent(row.value1(), t -> new HashSet<>()).add(row.value2());
        }
        return columns;
    }
}
