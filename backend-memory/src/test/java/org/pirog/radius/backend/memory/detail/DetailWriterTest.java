package org.pirog.radius.backend.memory.detail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.packet.PacketCode;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.core.accounting.AccountingRecord;
import org.pirog.radius.core.nas.Nas;
import org.pirog.radius.core.nas.NasNetwork;
import org.pirog.radius.core.policy.Expansion;

class DetailWriterTest {
    private static final Dictionary DICTIONARY = Dictionary.pirog();
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final InetAddress SOURCE = InetAddress.getLoopbackAddress();
    private static final Nas NAS = Nas.of("localhost", NasNetwork.host(SOURCE), SharedSecret.of("x"));

    @TempDir
    Path directory;

    private static AccountingRecord record(String session, Instant received) {
        RadiusPacket packet = RadiusPacket.builder(DICTIONARY, PacketCode.ACCOUNTING_REQUEST, 1)
                .addString("User-Name", "bob")
                .addNumber("Acct-Status-Type", 1)
                .addString("Acct-Session-Id", session)
                .addAddress("NAS-IP-Address", SOURCE)
                .build();
        return AccountingRecord.from(packet, NAS, new InetSocketAddress(SOURCE, 1646), received);
    }

    private DetailWriter writer(String template) throws Exception {
        return new DetailWriter(Expansion.parse(template, DICTIONARY), directory, UTC);
    }

    @Test
    void writesToTheExpandedFileNameWithFreeRadiusPermissions() throws Exception {
        try (DetailWriter writer = writer("radacct/%{Packet-Src-IP-Address}/detail-%Y%m%d")) {
            writer.write(record("s1", Instant.parse("2026-11-21T10:00:00Z")));
            writer.write(record("s2", Instant.parse("2026-11-22T00:00:01Z")));
        }
        Path first = directory.resolve("radacct/127.0.0.1/detail-20261121");
        Path second = directory.resolve("radacct/127.0.0.1/detail-20261122");
        assertThat(Files.readString(first)).startsWith("Sat Nov 21 10:00:00 2026\n\tUser-Name = \"bob\"\n")
                .contains("\tAcct-Session-Id = \"s1\"\n").endsWith("\tTimestamp = 1795255200\n\n");
        assertThat(Files.readString(second)).contains("\tAcct-Session-Id = \"s2\"\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first))).isEqualTo("rw-------");
    }

    @Test
    void everyConcurrentRecordIsWrittenWhole() throws Exception {
        int threads = 8;
        int each = 250;
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        try (DetailWriter writer = writer("detail")) {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(executor.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        writer.write(record("t" + thread + "-" + i, Instant.parse("2026-11-21T10:00:00Z")));
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            executor.shutdownNow();
        }
        String text = Files.readString(directory.resolve("detail"));
        String[] records = text.split("\n\n");
        assertThat(records).hasSize(threads * each);
        for (String record : records) {
            assertThat(record).startsWith("Sat Nov 21 10:00:00 2026\n").contains("\tTimestamp = ");
        }
    }

    @Test
    void aFileMovedAwayIsOpenedAnew() throws Exception {
        try (DetailWriter writer = writer("detail")) {
            writer.write(record("s1", Instant.now()));
            Files.move(directory.resolve("detail"), directory.resolve("detail.1"));
            writer.write(record("s2", Instant.now()));
        }
        assertThat(Files.readString(directory.resolve("detail.1"))).contains("\"s1\"").doesNotContain("\"s2\"");
        assertThat(Files.readString(directory.resolve("detail"))).contains("\"s2\"");
    }

    @Test
    void aFileThatCannotBeWrittenFailsTheRecord() throws Exception {
        Files.writeString(directory.resolve("blocker"), "a file where a directory should be");
        try (DetailWriter writer = writer("blocker/detail")) {
            assertThatThrownBy(() -> writer.write(record("s1", Instant.now()))).isInstanceOf(IOException.class)
                    .hasMessageContaining("cannot write");
        }
    }

    @Test
    void aClosedWriterRefusesRecords() throws Exception {
        DetailWriter writer = writer("detail");
        writer.close();
        assertThatThrownBy(() -> writer.write(record("s1", Instant.now()))).isInstanceOf(IOException.class)
                .hasMessageContaining("closed");
    }
}
