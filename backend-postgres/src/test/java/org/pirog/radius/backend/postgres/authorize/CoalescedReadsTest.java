package org.pirog.radius.backend.postgres.authorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Keys asked for while the reader is busy are read together, each once, and a failure reaches each of them. */
class CoalescedReadsTest {
    /** Every call of the read function, with the keys it was given; the first call waits for {@link #release}. */
    private final List<List<String>> calls = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstCallStarted = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    private Map<String, String> read(List<String> keys) {
        calls.add(keys);
        firstCallStarted.countDown();
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (keys.contains("broken")) {
            throw new IllegalStateException("no such table");
        }
        Map<String, String> values = new HashMap<>();
        for (String key : keys) {
            values.put(key, "rows of " + key);
        }
        return values;
    }

    @Test
    void keysAskedForDuringAReadAreReadTogetherByTheNextEachOnce() throws Exception {
        try (CoalescedReads<String> reads = new CoalescedReads<>("test-read", 1, 100, this::read)) {
            CompletableFuture<String> first = reads.read("u0");
            assertThat(firstCallStarted.await(5, TimeUnit.SECONDS)).isTrue();
            List<CompletableFuture<String>> waiting = new ArrayList<>();
            for (int i = 1; i <= 250; i++) {
                waiting.add(reads.read("u" + (i % 50 + 1)));
            }
            release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("rows of u0");
            for (int i = 1; i <= 250; i++) {
                assertThat(waiting.get(i - 1).get(5, TimeUnit.SECONDS)).isEqualTo("rows of u" + (i % 50 + 1));
            }
            // 250 requests for 50 users, waiting while the first read ran: batches of at most 100 requests, and
            // each batch asks for each of its users once.
            assertThat(calls).hasSize(4);
            assertThat(calls.getFirst()).containsExactly("u0");
            for (List<String> call : calls.subList(1, 4)) {
                assertThat(call).hasSize(50).doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void aFailedReadFailsEveryRequestOfItsBatchAndTheNextBatchIsReadAgain() throws Exception {
        try (CoalescedReads<String> reads = new CoalescedReads<>("test-read", 1, 100, this::read)) {
            CompletableFuture<String> first = reads.read("u0");
            assertThat(firstCallStarted.await(5, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<String> broken = reads.read("broken");
            CompletableFuture<String> sameBatch = reads.read("u1");
            release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("rows of u0");
            for (CompletableFuture<String> failed : List.of(broken, sameBatch)) {
                assertThatThrownBy(() -> failed.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                        .cause().hasMessage("no such table");
            }
            assertThat(reads.read("u1").get(5, TimeUnit.SECONDS)).isEqualTo("rows of u1");
        }
    }

    @Test
    void closingFailsTheRequestsStillWaiting() throws Exception {
        CompletableFuture<String> waiting;
        try (CoalescedReads<String> reads = new CoalescedReads<>("test-read", 1, 100, this::read)) {
            reads.read("u0");
            assertThat(firstCallStarted.await(5, TimeUnit.SECONDS)).isTrue();
            waiting = reads.read("u1");
            release.countDown();
            // The reader may or may not take u1 before it sees the close: either way u1 is answered.
        }
        assertThat(waiting.handle((value, failure) -> value != null ? value : failure.getMessage())
                .get(5, TimeUnit.SECONDS)).isIn("rows of u1", "closed");
    }
}
