package org.pirog.radius.backend.postgres.accounting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.pirog.radius.core.accounting.AccountingRecord;

final class RenderProbe {
    public static void main(String[] args) throws Exception {
        var nas = RadacctDatabase.nas("192.0.2.1");
        List<AccountingRecord> records = new ArrayList<>();
        for (int i = 0; i < 20000; i++) {
            records.add(RadacctDatabase.record(nas, Instant.now(), "Acct-Status-Type", i % 2 == 0 ? "Start" : "Interim-Update",
                    "User-Name", "u" + i, "Acct-Session-Id", "p" + i, "Acct-Session-Time", "60"));
        }
        DSLContext dsl = DSL.using(SQLDialect.POSTGRES, new Settings().withExecuteLogging(false).withRenderSchema(false));
        RadacctStatements statements = new RadacctStatements(Duration.ofHours(1));
        if (args.length > 0) {
            StringBuilder sql = new StringBuilder();
            for (AccountingRecord r : records) {
                List<Query> out = new ArrayList<>();
                statements.add(dsl, r, out);
                for (Query q : out) {
                    sql.append(dsl.renderInlined(q)).append(";\n");
                }
            }
            java.nio.file.Files.writeString(java.nio.file.Path.of(args[0]), sql);
            return;
        }
        for (int round = 0; round < 5; round++) {
            long began = System.nanoTime();
            long chars = 0;
            for (AccountingRecord r : records) {
                List<Query> out = new ArrayList<>();
                statements.add(dsl, r, out);
                for (Query q : out) {
                    chars += dsl.renderInlined(q).length();
                }
            }
            System.out.printf("build+render: %.1f us/record, %d chars/record%n",
                    (System.nanoTime() - began) / 1e3 / records.size(), chars / records.size());
        }
    }
}
