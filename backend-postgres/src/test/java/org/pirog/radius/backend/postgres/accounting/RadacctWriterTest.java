package org.pirog.radius.backend.postgres.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pirog.radius.backend.postgres.accounting.RadacctDatabase.nas;
import static org.pirog.radius.backend.postgres.accounting.RadacctDatabase.record;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pirog.radius.core.accounting.AccountingRecord;
import org.pirog.radius.core.nas.Nas;

/** radacct as FreeRADIUS 3.2's default PostgreSQL queries write it, by group commit, on the real PostgreSQL. */
class RadacctWriterTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private RadacctDatabase db;
    private RadacctWriter writer;
    private Nas nas;

    @BeforeEach
    void setUp() throws Exception {
        db = new RadacctDatabase("radacct");
        writer = new RadacctWriter(db.dsl, Duration.ofHours(1), 2, 10_000, 500, Duration.ofSeconds(30));
        nas = nas("192.0.2.1");
    }

    @AfterEach
    void tearDown() throws Exception {
        writer.close();
        db.close();
    }

    private void write(AccountingRecord... records) throws Exception {
        List<CompletableFuture<Void>> stages = new ArrayList<>();
        for (AccountingRecord record : records) {
            stages.add(writer.submit(record).toCompletableFuture());
        }
        CompletableFuture.allOf(stages.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    }

    private static OffsetDateTime at(Instant time) {
        return time.atOffset(ZoneOffset.UTC);
    }

    private AccountingRecord start(String session, Instant received, String... more) throws Exception {
        return record(nas, received, concat(new String[] {"Acct-Status-Type", "Start", "User-Name", "bob",
                "Acct-Session-Id", session}, more));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void startInterimStopSetEveryColumnAsFreeRadius() throws Exception {
        String[] session = {"NAS-Port-Type", "Virtual", "NAS-Port-Id", "eth0.101", "Acct-Authentic", "RADIUS",
                "Connect-Info", "100BASE-TX", "Called-Station-Id", "00-11-22-33-44-55:ssid",
                "Calling-Station-Id", "66-77-88-99-AA-BB", "Service-Type", "Framed-User", "Framed-Protocol", "PPP",
                "Framed-IP-Address", "10.0.0.7", "Framed-IPv6-Prefix", "2001:db8:1::/64",
                "Framed-Interface-Id", "0011:2233:4455:6677", "Delegated-IPv6-Prefix", "2001:db8:ff00::/56",
                "Class", "0x6162"};
        AccountingRecord start = record(nas, T0.plusSeconds(5), concat(new String[] {"Acct-Status-Type", "Start",
                "User-Name", "bob@example.net", "Acct-Session-Id", "s1", "Event-Timestamp", "1795255200"}, session));
        write(start);
        Map<String, Object> row = db.row(start.uniqueSessionId());
        OffsetDateTime event = at(Instant.ofEpochSecond(1795255200L));
        assertThat(row).containsEntry("acctsessionid", "s1").containsEntry("username", "bob@example.net")
                .containsEntry("realm", null).containsEntry("nasipaddress", "192.0.2.1")
                .containsEntry("nasportid", "eth0.101").containsEntry("nasporttype", "Virtual")
                .containsEntry("acctstarttime", event).containsEntry("acctupdatetime", event)
                .containsEntry("acctstoptime", null).containsEntry("acctinterval", null)
                .containsEntry("acctsessiontime", 0L).containsEntry("acctauthentic", "RADIUS")
                .containsEntry("connectinfo_start", "100BASE-TX").containsEntry("connectinfo_stop", null)
                .containsEntry("acctinputoctets", 0L).containsEntry("acctoutputoctets", 0L)
                .containsEntry("calledstationid", "00-11-22-33-44-55:ssid")
                .containsEntry("callingstationid", "66-77-88-99-AA-BB").containsEntry("acctterminatecause", null)
                .containsEntry("servicetype", "Framed-User").containsEntry("framedprotocol", "PPP")
                .containsEntry("framedipaddress", "10.0.0.7").containsEntry("framedipv6address", null)
                .containsEntry("framedipv6prefix", "2001:db8:1::/64")
                .containsEntry("framedinterfaceid", "11:2233:4455:6677") // FreeRADIUS prints ifid groups with %x
                .containsEntry("delegatedipv6prefix", "2001:db8:ff00::/56").containsEntry("class", "0x6162");

        // Interim 300 s later: gigawords folded in, acctinterval since the Start.
        write(record(nas, T0.plusSeconds(400), concat(new String[] {"Acct-Status-Type", "Interim-Update",
                "User-Name", "bob@example.net", "Acct-Session-Id", "s1", "Event-Timestamp", "1795255500",
                "Acct-Session-Time", "300", "Acct-Input-Octets", "5", "Acct-Input-Gigawords", "2",
                "Acct-Output-Octets", "4294967295", "Framed-IPv6-Address", "2001:db8:1::7"}, session)));
        row = db.row(start.uniqueSessionId());
        assertThat(row).containsEntry("acctupdatetime", event.plusSeconds(300)).containsEntry("acctinterval", 300L)
                .containsEntry("acctsessiontime", 300L).containsEntry("acctinputoctets", (2L << 32) + 5)
                .containsEntry("acctoutputoctets", 4294967295L).containsEntry("acctstarttime", event)
                .containsEntry("framedipv6address", "2001:db8:1::7");

        // Stop without Event-Timestamp: the time it arrived.
        Instant stopReceived = T0.plusSeconds(900).plusMillis(750);
        write(record(nas, stopReceived, concat(new String[] {"Acct-Status-Type", "Stop", "User-Name",
                "bob@example.net", "Acct-Session-Id", "s1", "Acct-Session-Time", "895", "Acct-Input-Octets", "9",
                "Acct-Input-Gigawords", "3", "Acct-Output-Octets", "1", "Acct-Terminate-Cause", "User-Request"},
                session)));
        row = db.row(start.uniqueSessionId());
        OffsetDateTime stop = at(T0.plusSeconds(900));
        assertThat(row).containsEntry("acctstoptime", stop).containsEntry("acctupdatetime", stop)
                .containsEntry("acctsessiontime", 895L).containsEntry("acctinputoctets", (3L << 32) + 9)
                .containsEntry("acctoutputoctets", 1L).containsEntry("acctterminatecause", "User-Request")
                .containsEntry("connectinfo_stop", "100BASE-TX").containsEntry("acctstarttime", event)
                .containsEntry("acctinterval", 300L);
    }

    @Test
    void absentAttributesAreEmptyTextOrNullAsInFreeRadiusQueries() throws Exception {
        AccountingRecord start = record(nas, T0, "Acct-Status-Type", "Start", "Acct-Session-Id", "s2",
                "NAS-Port", "17");
        write(start);
        assertThat(db.row(start.uniqueSessionId())).containsEntry("username", "").containsEntry("nasportid", "17")
                .containsEntry("nasporttype", "").containsEntry("acctauthentic", "")
                .containsEntry("connectinfo_start", "").containsEntry("calledstationid", "")
                .containsEntry("servicetype", "").containsEntry("framedprotocol", "")
                .containsEntry("framedipaddress", null).containsEntry("class", null)
                .containsEntry("acctstarttime", at(T0));
    }

    @Test
    void interimWithoutStartInsertsTheSession() throws Exception {
        AccountingRecord interim = record(nas, T0, "Acct-Status-Type", "Interim-Update", "User-Name", "bob",
                "Acct-Session-Id", "lost", "Acct-Session-Time", "600", "Acct-Input-Octets", "10");
        write(interim);
        // FreeRADIUS's fall-back insert: start = update = the event, the session time as sent.
        assertThat(db.row(interim.uniqueSessionId())).containsEntry("acctstarttime", at(T0))
                .containsEntry("acctupdatetime", at(T0)).containsEntry("acctsessiontime", 600L)
                .containsEntry("acctinputoctets", 10L).containsEntry("acctstoptime", null);
    }

    @Test
    void stopWithoutStartInsertsTheClosedSessionStartedSessionTimeEarlier() throws Exception {
        AccountingRecord stop = record(nas, T0, "Acct-Status-Type", "Stop", "User-Name", "bob",
                "Acct-Session-Id", "lost", "Acct-Session-Time", "600", "Acct-Terminate-Cause", "Idle-Timeout",
                "Connect-Info", "ci");
        write(stop);
        assertThat(db.row(stop.uniqueSessionId())).containsEntry("acctstarttime", at(T0.minusSeconds(600)))
                .containsEntry("acctupdatetime", at(T0)).containsEntry("acctstoptime", at(T0))
                .containsEntry("acctsessiontime", 600L).containsEntry("acctterminatecause", "Idle-Timeout")
                .containsEntry("connectinfo_start", "ci").containsEntry("connectinfo_stop", null);
    }

    @Test
    void aBatchOfManySessionsWritesEveryRowAsRecordsWrittenOneByOne() throws Exception {
        // Sessions already known: open ones, and ones whose Stop came first.
        List<AccountingRecord> before = new ArrayList<>();
        for (String id : List.of("open-interim", "open-stop-timed", "open-stop-untimed")) {
            before.add(start(id, T0, "Framed-IP-Address", "10.0.0.1"));
        }
        for (String id : List.of("closed-start", "closed-stop", "closed-interim")) {
            before.add(record(nas, T0.plusSeconds(30), "Acct-Status-Type", "Stop", "User-Name", "bob",
                    "Acct-Session-Id", id, "Acct-Session-Time", "30", "Acct-Terminate-Cause", "Lost-Service"));
        }
        // One record per session, every shape of statement the set-based writer has to get right.
        Instant t = T0.plusSeconds(120);
        List<AccountingRecord> batch = List.of(
                start("new", t, "Framed-IP-Address", "10.0.0.2", "Framed-IPv6-Prefix", "2001:db8:1::/48",
                        "Class", "0x0102", "Connect-Info", "ci"),
                start("closed-start", t, "Connect-Info", "late"),
                record(nas, t, "Acct-Status-Type", "Start", "Acct-Session-Id", "anonymous"),
                record(nas, t, "Acct-Status-Type", "Interim-Update", "User-Name", "bob", "Acct-Session-Id",
                        "open-interim", "Acct-Session-Time", "120", "Acct-Input-Octets", "7",
                        "Acct-Input-Gigawords", "1", "Framed-IP-Address", "10.0.0.3"),
                record(nas, t, "Acct-Status-Type", "Interim-Update", "User-Name", "bob", "Acct-Session-Id",
                        "lost-interim", "Acct-Output-Octets", "5"),
                record(nas, t, "Acct-Status-Type", "Interim-Update", "User-Name", "bob", "Acct-Session-Id",
                        "closed-interim", "Acct-Session-Time", "99"),
                record(nas, t, "Acct-Status-Type", "Stop", "User-Name", "bob", "Acct-Session-Id",
                        "open-stop-timed", "Acct-Session-Time", "100", "Acct-Terminate-Cause", "User-Request"),
                record(nas, t, "Acct-Status-Type", "Stop", "User-Name", "bob", "Acct-Session-Id",
                        "open-stop-untimed", "Connect-Info", "bye"),
                record(nas, t, "Acct-Status-Type", "Stop", "User-Name", "bob", "Acct-Session-Id", "lost-stop-timed",
                        "Acct-Session-Time", "60"),
                record(nas, t, "Acct-Status-Type", "Stop", "User-Name", "bob", "Acct-Session-Id",
                        "lost-stop-untimed"),
                record(nas, t, "Acct-Status-Type", "Stop", "User-Name", "bob", "Acct-Session-Id", "closed-stop",
                        "Acct-Session-Time", "31", "Acct-Terminate-Cause", "Idle-Timeout"));

        for (AccountingRecord record : before) {
            write(record);
        }
        for (AccountingRecord record : batch) {
            write(record);
        }
        List<Map<String, Object>> alone = rows(batch);
        assertThat(alone).doesNotContainNull();

        db.execute("truncate radacct");
        write(before.toArray(AccountingRecord[]::new));
        long transactions = writer.transactions();
        write(batch.toArray(AccountingRecord[]::new));
        assertThat(writer.transactions() - transactions).as("the batch shared transactions")
                .isLessThan(batch.size());
        assertThat(rows(batch)).isEqualTo(alone);
    }

    @Test
    void oneRoundExtendsLeasesOfStartsAndInterimsAndFreesThoseOfStopsUnlessANewSessionTookTheAddress()
            throws Exception {
        db.execute("insert into radippool (pool_name, framedipaddress, nasipaddress, username, expiry_time) values"
                + " ('main', '10.0.0.1', '192.0.2.1', 'bob', localtimestamp - interval '1 hour'),"
                + " ('main', '10.0.0.2', '192.0.2.1', 'ann', localtimestamp + interval '1 minute'),"
                + " ('main', '10.0.0.3', '192.0.2.1', 'cid', localtimestamp + interval '1 minute'),"
                + " ('main', '10.0.0.4', '192.0.2.1', 'dan', localtimestamp + interval '1 minute')");
        List<AccountingRecord> round = List.of(
                start("bob-new", T0, "Framed-IP-Address", "10.0.0.1"),
                record(nas, T0, "Acct-Status-Type", "Stop", "User-Name", "ann", "Acct-Session-Id", "ann-old",
                        "Framed-IP-Address", "10.0.0.2"),
                // cid reconnected: his old session's Stop and his new session's Start, sent in that order.
                record(nas, T0, "Acct-Status-Type", "Stop", "User-Name", "cid", "Acct-Session-Id", "cid-old",
                        "Framed-IP-Address", "10.0.0.3"),
                record(nas, T0, "Acct-Status-Type", "Start", "User-Name", "cid", "Acct-Session-Id", "cid-new",
                        "Framed-IP-Address", "10.0.0.3"),
                record(nas, T0, "Acct-Status-Type", "Interim-Update", "User-Name", "dan", "Acct-Session-Id",
                        "dan-now", "Framed-IP-Address", "10.0.0.4"));
        RadacctStatements statements = new RadacctStatements(db.dsl, Duration.ofHours(1));
        db.dsl.transaction(configuration -> RadacctBatch.of(round).execute(DSL.using(configuration), statements));

        String leased = "select count(*) from radippool where framedipaddress = ?::inet"
                + " and expiry_time > localtimestamp + interval '50 minutes'";
        String free = "select count(*) from radippool where framedipaddress = ?::inet and expiry_time < localtimestamp";
        assertThat(db.count(leased, "10.0.0.1")).isEqualTo(1);
        assertThat(db.count(free, "10.0.0.2")).isEqualTo(1);
        assertThat(db.count(leased, "10.0.0.3")).isEqualTo(1);
        assertThat(db.count(leased, "10.0.0.4")).isEqualTo(1);
        assertThat(db.count("select count(*) from radacct")).isEqualTo(5);
    }

    private List<Map<String, Object>> rows(List<AccountingRecord> records) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AccountingRecord record : records) {
            rows.add(db.row(record.uniqueSessionId()));
        }
        return rows;
    }

    @Test
    void retransmissionsChangeNothingAndCountNothingTwice() throws Exception {
        AccountingRecord start = start("dup", T0);
        AccountingRecord interim = record(nas, T0.plusSeconds(60), "Acct-Status-Type", "Interim-Update",
                "User-Name", "bob", "Acct-Session-Id", "dup", "Acct-Session-Time", "60", "Acct-Input-Octets", "100");
        AccountingRecord stop = record(nas, T0.plusSeconds(120), "Acct-Status-Type", "Stop", "User-Name", "bob",
                "Acct-Session-Id", "dup", "Acct-Session-Time", "120", "Acct-Input-Octets", "200",
                "Acct-Terminate-Cause", "User-Request");
        write(start, start, interim, interim, stop);
        Map<String, Object> once = db.row(start.uniqueSessionId());
        write(stop, interim, start, stop);
        assertThat(db.count("select count(*) from radacct")).isEqualTo(1);
        Map<String, Object> after = db.row(start.uniqueSessionId());
        assertThat(after).isEqualTo(once).containsEntry("acctinputoctets", 200L)
                .containsEntry("acctstoptime", at(T0.plusSeconds(120)));
    }

    @Test
    void accountingOnClosesEveryOpenSessionOfThatNas() throws Exception {
        Nas other = nas("192.0.2.2");
        AccountingRecord a = start("a", T0);
        AccountingRecord b = start("b", T0.plusSeconds(10));
        AccountingRecord c = record(other, T0, "Acct-Status-Type", "Start", "User-Name", "bob",
                "Acct-Session-Id", "c");
        write(a, b, c);
        write(record(nas, T0.plusSeconds(100), "Acct-Status-Type", "Accounting-On"));
        assertThat(db.row(a.uniqueSessionId())).containsEntry("acctstoptime", at(T0.plusSeconds(100)))
                .containsEntry("acctsessiontime", 100L).containsEntry("acctterminatecause", "NAS-Reboot");
        assertThat(db.row(b.uniqueSessionId())).containsEntry("acctsessiontime", 90L)
                .containsEntry("acctterminatecause", "NAS-Reboot");
        assertThat(db.row(c.uniqueSessionId())).containsEntry("acctstoptime", null);
        write(record(other, T0.plusSeconds(200), "Acct-Status-Type", "Accounting-Off",
                "Acct-Terminate-Cause", "Admin-Reboot"));
        assertThat(db.row(c.uniqueSessionId())).containsEntry("acctterminatecause", "Admin-Reboot");
    }

    @Test
    void sessionsKeepTheirOrderUnderConcurrencyAndShareCommits() throws Exception {
        int sessions = 2000;
        int interims = 3;
        ExecutorService senders = Executors.newFixedThreadPool(8);
        long began = System.nanoTime();
        List<Future<List<CompletableFuture<Void>>>> sent = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int first = t;
            sent.add(senders.submit(() -> {
                // Each session's records are sent in order without waiting, as a NAS's queue would.
                List<CompletableFuture<Void>> stages = new ArrayList<>();
                for (int s = first; s < sessions; s += 8) {
                    String id = "c" + s;
                    stages.add(writer.submit(start(id, T0)).toCompletableFuture());
                    for (int i = 1; i <= interims; i++) {
                        stages.add(writer.submit(record(nas, T0.plusSeconds(60L * i), "Acct-Status-Type",
                                "Interim-Update", "User-Name", "bob", "Acct-Session-Id", id, "Acct-Session-Time",
                                Integer.toString(60 * i), "Acct-Input-Octets", Integer.toString(i)))
                                .toCompletableFuture());
                    }
                    stages.add(writer.submit(record(nas, T0.plusSeconds(300), "Acct-Status-Type", "Stop",
                            "User-Name", "bob", "Acct-Session-Id", id, "Acct-Session-Time", "300",
                            "Acct-Input-Octets", "99", "Acct-Terminate-Cause", "User-Request"))
                            .toCompletableFuture());
                }
                return stages;
            }));
        }
        for (Future<List<CompletableFuture<Void>>> future : sent) {
            for (CompletableFuture<Void> stage : future.get()) {
                stage.get(60, TimeUnit.SECONDS);
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        senders.shutdown();
        int records = sessions * (interims + 2);
        System.out.printf("radacct group commit: %d records in %.2f s = %.0f records/s, %d transactions%n",
                records, seconds, records / seconds, writer.transactions());
        assertThat(writer.written()).isEqualTo(records);
        assertThat(writer.transactions()).isLessThan(records / 4);
        assertThat(db.count("select count(*) from radacct")).isEqualTo(sessions);
        // In order: every session ends closed with the Stop's counters and the last Interim's interval.
        assertThat(db.count("select count(*) from radacct where acctstoptime is not null and acctinputoctets = 99"
                + " and acctinterval = 60 and acctsessiontime = 300")).isEqualTo(sessions);
    }

    @Test
    void aFailedTransactionLeavesNothingHalfWritten() throws Exception {
        write(start("half", T0, "Framed-IP-Address", "10.0.0.9"));
        db.execute("insert into radippool (pool_name, framedipaddress, nasipaddress, username, expiry_time)"
                + " values ('main', '10.0.0.9', '192.0.2.1', 'bob', now() + interval '1 hour');"
                + "create function refuse() returns trigger language plpgsql as"
                + " $$ begin raise exception 'refused'; end $$;"
                + "create trigger refuse before update on radippool for each row execute function refuse()");
        // The Stop's radacct update succeeds, its lease update fails: the transaction rolls back as a whole.
        AccountingRecord stop = record(nas, T0.plusSeconds(60), "Acct-Status-Type", "Stop", "User-Name", "bob",
                "Acct-Session-Id", "half", "Framed-IP-Address", "10.0.0.9", "Acct-Session-Time", "60");
        AccountingRecord other = start("other", T0);
        CompletableFuture<Void> failed = writer.submit(stop).toCompletableFuture();
        CompletableFuture<Void> fine = writer.submit(other).toCompletableFuture();
        assertThatThrownBy(() -> failed.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("refused");
        fine.get(30, TimeUnit.SECONDS);
        assertThat(db.row(stop.uniqueSessionId())).containsEntry("acctstoptime", null);
        assertThat(db.row(other.uniqueSessionId())).isNotNull();
        assertThat(writer.failed()).isEqualTo(1);
        // Once the database accepts it, the NAS's retransmission closes the session.
        db.execute("drop trigger refuse on radippool");
        write(stop);
        assertThat(db.row(stop.uniqueSessionId())).containsEntry("acctstoptime", at(T0.plusSeconds(60)));
    }

    @Test
    void databaseDownFailsStagesAndAFullQueueRefusesAtOnce() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/test?user=postgres&connectTimeout=1");
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(1000);
        try (HikariDataSource down = new HikariDataSource(config);
                RadacctWriter broken = new RadacctWriter(RadacctDatabase.context(down), Duration.ofHours(1), 1, 2,
                        500, Duration.ofSeconds(30))) {
            List<CompletableFuture<Void>> stages = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                stages.add(broken.submit(start("down" + i, T0)).toCompletableFuture());
            }
            assertThat(broken.rejected()).isPositive();
            for (CompletableFuture<Void> stage : stages) {
                assertThatThrownBy(() -> stage.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
            }
            assertThat(broken.written()).isZero();
            assertThat(broken.failed() + broken.rejected()).isEqualTo(10);
        }
        // The retransmissions, once the database is back, are written once each.
        for (int i = 0; i < 10; i++) {
            write(start("down" + i, T0));
        }
        assertThat(db.count("select count(*) from radacct")).isEqualTo(10);
    }

    @Test
    void aSlowDatabaseTimesStagesOutAndTheRetransmissionIsAbsorbed() throws Exception {
        db.execute("create function slow() returns trigger language plpgsql as"
                + " $$ begin perform pg_sleep(1.5); return new; end $$;"
                + "create trigger slow before insert on radacct for each row execute function slow()");
        AccountingRecord start = start("slow", T0);
        try (RadacctWriter impatient = new RadacctWriter(db.dsl, Duration.ofHours(1), 1, 10, 10,
                Duration.ofMillis(300))) {
            CompletableFuture<Void> stage = impatient.submit(start).toCompletableFuture();
            // No Accounting-Response: the stage fails after 300 ms although the commit comes later.
            assertThatThrownBy(() -> stage.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(java.util.concurrent.TimeoutException.class);
        }
        db.execute("drop trigger slow on radacct");
        write(start);
        assertThat(db.count("select count(*) from radacct")).isEqualTo(1);
    }

    @Test
    void closingDrainsTheQueue() throws Exception {
        List<CompletableFuture<Void>> stages = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            stages.add(writer.submit(start("drain" + i, T0)).toCompletableFuture());
        }
        writer.close();
        for (CompletableFuture<Void> stage : stages) {
            assertThat(stage).isCompleted();
            stage.get();
        }
        assertThat(db.count("select count(*) from radacct")).isEqualTo(500);
        assertThatThrownBy(() -> writer.submit(start("late", T0)).toCompletableFuture().get())
                .hasMessageContaining("shutting down");
    }
}
