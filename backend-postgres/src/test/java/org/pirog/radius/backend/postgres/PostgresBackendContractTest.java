package org.pirog.radius.backend.postgres;

import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.core.backend.Backend;
import org.pirog.radius.core.backend.BackendContext;
import org.pirog.radius.core.backend.BackendContract;
import org.pirog.radius.core.backend.ContractFixture;
import org.pirog.radius.core.config.ConfigItem;
import org.pirog.radius.core.config.ConfigSection;

/** The backend SPI's contract on the real PostgreSQL, each test in a fresh schema holding the fixture as rows. */
class PostgresBackendContractTest extends BackendContract {
    private String schema;

    @Override
    protected Backend createBackend(ContractFixture fixture) throws Exception {
        schema = TestDatabase.createSchema("contract");
        ConfigSection settings = new ConfigSection("backend", "postgres", List.of(
                new ConfigItem("url", TestDatabase.URL, true, "pirog.conf", 2),
                new ConfigItem("schema", schema, false, "pirog.conf", 3),
                new ConfigItem("pool_size", "8", false, "pirog.conf", 4)), List.of(), "pirog.conf", 1);
        // The rows are there before the server starts, as an operator's are (the backend reads them into its
        // cache at start; a change made later reaches it within a second, which AuthorizeCacheTest shows).
        SchemaMigration.migrate(TestDatabase.dataSource(), schema);
        write(fixture);
        return new PostgresBackendProvider(Map.of(), Clock.systemDefaultZone())
                .create(new BackendContext(Dictionary.pirog(), Path.of("."), settings));
    }

    @AfterEach
    void dropSchema() throws Exception {
        TestDatabase.dropSchema(schema);
    }

    /** The fixture as daloRADIUS would store it. */
    private void write(ContractFixture fixture) throws Exception {
        try (Connection connection = TestDatabase.connect()) {
            connection.createStatement().execute("set search_path to " + schema);
            try (PreparedStatement check = connection.prepareStatement(
                    "insert into radcheck (username, attribute, op, value) values (?, ?, ':=', ?)");
                    PreparedStatement reply = connection.prepareStatement(
                            "insert into radreply (username, attribute, op, value) values (?, ?, '=', ?)");
                    PreparedStatement pool = connection.prepareStatement("insert into radippool"
                            + " (pool_name, framedipaddress, expiry_time) values (?, ?::inet, '2000-01-01')")) {
                for (ContractFixture.Account account : fixture.accounts()) {
                    row(check, account.name(), "Cleartext-Password", account.password());
                    if (account.pool() != null) {
                        row(check, account.name(), "Pool-Name", account.pool());
                    }
                    if (account.simultaneousUse() > 0) {
                        row(check, account.name(), "Simultaneous-Use", Integer.toString(account.simultaneousUse()));
                    }
                    for (ContractFixture.Reply item : account.reply()) {
                        row(reply, account.name(), item.attribute(), item.value());
                    }
                    if (account.fixedIp() != null) {
                        row(reply, account.name(), "Framed-IP-Address", account.fixedIp());
                    }
                }
                for (ContractFixture.Pool range : fixture.pools()) {
                    for (String text : range.ranges()) {
                        String[] ends = text.split("-");
                        long first = number(ends[0]);
                        long last = number(ends[1]);
                        for (long a = first; a <= last; a++) {
                            pool.setString(1, range.name());
                            pool.setString(2, (a >>> 24) + "." + ((a >>> 16) & 0xFF) + "." + ((a >>> 8) & 0xFF)
                                    + "." + (a & 0xFF));
                            pool.addBatch();
                        }
                    }
                }
                pool.executeBatch();
            }
        }
    }

    private static void row(PreparedStatement statement, String user, String attribute, String value)
            throws Exception {
        statement.setString(1, user);
        statement.setString(2, attribute);
        statement.setString(3, value);
        statement.executeUpdate();
    }

    private static long number(String address) throws Exception {
        byte[] b = InetAddress.getByName(address).getAddress();
        return ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
    }
}
