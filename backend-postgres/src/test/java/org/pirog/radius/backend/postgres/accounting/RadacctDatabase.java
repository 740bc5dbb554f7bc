package org.pirog.radius.backend.postgres.accounting;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.backend.postgres.SchemaMigration;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.packet.PacketCode;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.codec.packet.RadiusPacketBuilder;
import org.pirog.radius.codec.value.ValueText;
import org.pirog.radius.core.accounting.AccountingRecord;
import org.pirog.radius.core.nas.Nas;
import org.pirog.radius.core.nas.NasNetwork;

/**
 * A migrated schema of its own on the real PostgreSQL ({@code PIROG_TEST_DATABASE_URL}), a pool and a jOOQ context
 * on it, and Accounting-Requests built from attribute text. Dropped on close.
 */
final class RadacctDatabase implements AutoCloseable {
    static final String URL = System.getenv().getOrDefault("PIROG_TEST_DATABASE_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    static final Dictionary DICTIONARY = Dictionary.pirog();

    final String schema;
    final HikariDataSource dataSource;
    final DSLContext dsl;

    RadacctDatabase(String purpose) throws Exception {
        schema = "pirog_test_" + purpose + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        execute("create schema " + schema);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(URL);
        config.setSchema(schema);
        config.setMaximumPoolSize(8);
        dataSource = new HikariDataSource(config);
        SchemaMigration.migrate(dataSource, schema);
        dsl = context(dataSource);
    }

    static DSLContext context(javax.sql.DataSource dataSource) {
        return DSL.using(dataSource, SQLDialect.POSTGRES,
                new Settings().withExecuteLogging(false).withRenderSchema(false));
    }

    /** The session's radacct row, addresses and times as text, or null. */
    @Nullable Map<String, Object> row(String uniqueId) {
        Record record = dsl.fetchOne("select acctsessionid, acctuniqueid, username, realm, host(nasipaddress) as"
                + " nasipaddress, nasportid, nasporttype, acctstarttime, acctupdatetime, acctstoptime, acctinterval,"
                + " acctsessiontime, acctauthentic, connectinfo_start, connectinfo_stop, acctinputoctets,"
                + " acctoutputoctets, calledstationid, callingstationid, acctterminatecause, servicetype,"
                + " framedprotocol, host(framedipaddress) as framedipaddress, host(framedipv6address) as"
                + " framedipv6address, framedipv6prefix::text as framedipv6prefix, framedinterfaceid,"
                + " delegatedipv6prefix::text as delegatedipv6prefix, class from radacct where acctuniqueid = ?",
                uniqueId);
        return record == null ? null : record.intoMap();
    }

    int count(String sql, Object... bindings) {
        return dsl.fetchValue(sql, bindings) instanceof Number n ? n.intValue() : -1;
    }

    static Nas nas(String address) throws Exception {
        return Nas.of("nas-" + address, NasNetwork.host(InetAddress.getByName(address)), SharedSecret.of("testing123"));
    }

    /**
     * An Accounting-Request from the NAS arriving at {@code received}; attributes as name/text pairs
     * ({@code "Acct-Status-Type", "Start", "NAS-Port-Type", "Virtual"}), parsed as FreeRADIUS parses them.
     */
    static AccountingRecord record(Nas nas, Instant received, String... attributes) throws Exception {
        RadiusPacketBuilder builder = RadiusPacket.builder(DICTIONARY, PacketCode.ACCOUNTING_REQUEST, 1);
        for (int i = 0; i < attributes.length; i += 2) {
            builder.add(DICTIONARY.attribute(attributes[i]),
                    ValueText.parse(DICTIONARY.attribute(attributes[i]), attributes[i + 1]));
        }
        builder.addAddress("NAS-IP-Address", nas.network().address());
        return AccountingRecord.from(builder.build(), nas, new InetSocketAddress(nas.network().address(), 40001),
                received);
    }

    void execute(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(URL); Statement statement =
                connection.createStatement()) {
            statement.execute("set search_path to " + (schema == null ? "public" : schema));
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws Exception {
        dataSource.close();
        execute("drop schema if exists " + schema + " cascade");
    }
}
