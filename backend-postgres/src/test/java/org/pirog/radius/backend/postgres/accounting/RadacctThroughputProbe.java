package org.pirog.radius.backend.postgres.accounting;

import static org.pirog.radius.backend.postgres.accounting.RadacctDatabase.nas;
import static org.pirog.radius.backend.postgres.accounting.RadacctDatabase.record;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.pirog.radius.core.accounting.AccountingRecord;
import org.pirog.radius.core.nas.Nas;

/** Measures the writer alone (records built beforehand): {@code java … RadacctThroughputProbe [threads] [n]}. */
final class RadacctThroughputProbe {
    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        Nas nas = nas("192.0.2.1");
        Instant t0 = Instant.parse("2026-11-21T10:00:00Z");
        List<AccountingRecord> records = new ArrayList<>();
        for (int i = 0; i < n / 2; i++) {
            records.add(record(nas, t0, "Acct-Status-Type", "Start", "User-Name", "u" + i, "Acct-Session-Id",
                    "p" + i, "NAS-Port-Type", "Virtual", "Framed-IP-Address", "10.1." + (i >> 8 & 255) + "." + (i & 255)));
        }
        for (int i = 0; i < n / 2; i++) {
            records.add(record(nas, t0.plusSeconds(60), "Acct-Status-Type", "Interim-Update", "User-Name", "u" + i,
                    "Acct-Session-Id", "p" + i, "Acct-Session-Time", "60", "Acct-Input-Octets", "1000"));
        }
        try (RadacctDatabase db = new RadacctDatabase("probe")) {
            for (int round = 0; round < 2; round++) {
                db.execute("truncate radacct");
                try (RadacctWriter writer = new RadacctWriter(db.dsl, Duration.ofHours(1), threads, 100_000, 500,
                        Duration.ofSeconds(60))) {
                    long began = System.nanoTime();
                    List<CompletableFuture<Void>> stages = new ArrayList<>(n);
                    for (AccountingRecord record : records) {
                        stages.add(writer.submit(record).toCompletableFuture());
                    }
                    CompletableFuture.allOf(stages.toArray(CompletableFuture[]::new)).get();
                    double s = (System.nanoTime() - began) / 1e9;
                    System.out.printf("round %d: %d records, %d threads: %.0f records/s, %d transactions%n", round,
                            n, threads, n / s, writer.transactions());
                }
            }
        }
    }
}
