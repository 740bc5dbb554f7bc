package org.pirog.radius.backend.memory.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SessionTableTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final InetAddress NAS = InetAddress.getLoopbackAddress();

    private static Session session(String id, String user) {
        return new Session(id, user, NAS, null, NOW, NOW);
    }

    @Test
    void aLateInterimUpdateDoesNotReopenAStoppedSession() {
        SessionTable table = new SessionTable();
        table.start(session("s1", "bob"));
        assertThat(table.stop("s1", NOW)).isNotNull();
        assertThat(table.update(session("s1", "bob"))).isFalse();
        assertThat(table.count("bob")).isZero();
        // A new Start of the same id is a new session (a NAS that reuses ids).
        assertThat(table.start(session("s1", "bob"))).isTrue();
        assertThat(table.count("bob")).isEqualTo(1);
    }

    @Test
    void aStopBeforeItsStartLeavesNothingOpenWhenTheStartArrivesLate() {
        SessionTable table = new SessionTable();
        assertThat(table.stop("s1", NOW)).isNull();
        assertThat(table.update(session("s1", "bob"))).isFalse();
        assertThat(table.count("bob")).isZero();
    }

    @Test
    void updatesKeepTheStartAndTheAddress() throws Exception {
        SessionTable table = new SessionTable();
        InetAddress framed = InetAddress.getByName("10.0.0.1");
        table.start(new Session("s1", "bob", NAS, framed, NOW, NOW));
        table.update(new Session("s1", "bob", NAS, null, NOW.plusSeconds(60), NOW.plusSeconds(60)));
        Session session = table.session("s1");
        assertThat(session.started()).isEqualTo(NOW);
        assertThat(session.updated()).isEqualTo(NOW.plusSeconds(60));
        assertThat(session.framedIp()).isEqualTo(framed);
    }

    @Test
    void countsStayRightUnderConcurrentRetransmissions() throws Exception {
        SessionTable table = new SessionTable();
        ExecutorService executor = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < 8; t++) {
                futures.add(executor.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        String id = "s" + i;
                        String user = "user" + (i % 10);
                        table.start(session(id, user));
                        table.update(session(id, user));
                        if (i % 2 == 0) {
                            table.stop(id, NOW);
                        }
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
        int total = 0;
        for (int u = 0; u < 10; u++) {
            total += table.count("user" + u);
        }
        assertThat(total).isEqualTo(table.sessions().size());
        // Every odd session stays open; an even one may be open again if a thread's Start followed another's Stop.
        assertThat(total).isBetween(1_000, 2_000);
    }
}
