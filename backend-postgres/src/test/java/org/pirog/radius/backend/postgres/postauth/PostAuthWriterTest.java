package org.pirog.radius.backend.postgres.postauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pirog.radius.backend.postgres.SchemaMigration;
import org.pirog.radius.backend.postgres.TestDatabase;

/** radpostauth rows from many threads, written in batches, on the real database. */
class PostAuthWriterTest {
    private String schema;
    private HikariDataSource dataSource;
    private DSLContext dsl;

    @BeforeEach
    void migrate() throws Exception {
        schema = TestDatabase.createSchema("postauth");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(TestDatabase.URL);
        config.setSchema(schema);
        config.setMaximumPoolSize(8);
        dataSource = new HikariDataSource(config);
        SchemaMigration.migrate(dataSource, schema);
        dsl = DSL.using(dataSource, SQLDialect.POSTGRES, new Settings().withRenderSchema(false));
    }

    @AfterEach
    void drop() throws Exception {
        dataSource.close();
        TestDatabase.dropSchema(schema);
    }

    @Test
    void writesEveryRowInFewerStatementsThanRows() throws Exception {
        PostAuthWriter writer = new PostAuthWriter(dsl, 20_000);
        ExecutorService nases = Executors.newFixedThreadPool(8);
        // Microseconds are kept (and the nanoseconds below them cut), as timestamptz stores them.
        Instant when = Instant.parse("2026-11-21T12:00:00.123456789Z");
        for (int t = 0; t < 8; t++) {
            int thread = t;
            nases.execute(() -> {
                for (int i = 0; i < 1_000; i++) {
                    writer.submit(new PostAuthWriter.Row("user" + thread + "-" + i,
                            i % 2 == 0 ? "Access-Accept" : "Access-Reject", "", "02-00-00-00-00-01", when));
                }
            });
        }
        nases.shutdown();
        assertThat(nases.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        writer.close();

        assertThat(writer.written()).isEqualTo(8_000);
        assertThat(writer.dropped()).isZero();
        assertThat(writer.batches()).isLessThan(8_000);
        assertThat(dsl.fetchCount(DSL.table(DSL.name("radpostauth")))).isEqualTo(8_000);
        assertThat(dsl.fetchValue("select count(*) from radpostauth where reply = 'Access-Accept'"
                + " and callingstationid = '02-00-00-00-00-01' and pass is null")).isEqualTo(4_000L);
        assertThat(dsl.fetchValue("select count(*) from radpostauth where username = 'user3-999'"
                + " and reply = 'Access-Reject' and calledstationid = ''"
                + " and authdate = timestamptz '2026-11-21 12:00:00.123456+00'")).isEqualTo(1L);
        assertThat(dsl.fetchValue("select count(distinct authdate) from radpostauth")).isEqualTo(1L);
    }

    @Test
    void dropsAndCountsRowsItCannotQueueInsteadOfBlocking() throws Exception {
        PostAuthWriter writer = new PostAuthWriter(dsl, 1);
        writer.close();
        writer.submit(new PostAuthWriter.Row("late", "Access-Accept", "", "", Instant.now()));
        assertThat(writer.dropped()).isEqualTo(1);
        assertThat(writer.written()).isZero();
    }
}
