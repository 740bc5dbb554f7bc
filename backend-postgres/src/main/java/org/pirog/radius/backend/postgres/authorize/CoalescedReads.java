package org.pirog.radius.backend.postgres.authorize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads by key for many callers at once: the keys asked for while the readers are busy are read together by the
 * next one free, in one statement. When many subscribers log in at once and few are cached — a NAS rebooting, a
 * server just started, a change that emptied the cache — this turns a round of statements per user into one per
 * batch, so the database answers a login storm instead of queueing it. A lone key is read at once: nothing waits
 * for a batch to fill.
 *
 * @param <V> what is read for a key
 */
final class CoalescedReads<V> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CoalescedReads.class);

    /** A key asked for and its caller's result. */
    private record Wanted<V>(String key, CompletableFuture<V> result) {
    }

    private final BlockingQueue<Wanted<V>> wanted = new LinkedBlockingQueue<>();
    private final Function<List<String>, Map<String, V>> read;
    private final int maximumBatch;
    private final List<Thread> readers = new ArrayList<>();
    private volatile boolean closed;

    /**
     * @param read         reads the distinct keys given and returns a value for each of them; its unchecked exceptions
     *                     go to every caller of the batch
     * @param readers      how many batches may be read at once (each holds a connection while it reads)
     * @param maximumBatch the most keys read by one call of {@code read}
     */
    CoalescedReads(String name, int readers, int maximumBatch, Function<List<String>, Map<String, V>> read) {
        if (readers < 1 || maximumBatch < 1) {
            throw new IllegalArgumentException("readers and maximumBatch must be positive");
        }
        this.read = Objects.requireNonNull(read, "read");
        this.maximumBatch = maximumBatch;
        for (int i = 0; i < readers; i++) {
            Thread reader = Thread.ofPlatform().daemon().name(name + "-" + i).unstarted(this::readUntilClosed);
            this.readers.add(reader);
            reader.start();
        }
    }

    /** The value for the key, read with whatever other keys are asked for meanwhile. */
    CompletableFuture<V> read(String key) {
        CompletableFuture<V> result = new CompletableFuture<>();
        if (closed) {
            result.completeExceptionally(new IllegalStateException("closed"));
            return result;
        }
        wanted.add(new Wanted<>(key, result));
        if (closed) {
            // Closed meanwhile: the readers may be gone already.
            failWaiting();
        }
        return result;
    }

    private void readUntilClosed() {
        List<Wanted<V>> batch = new ArrayList<>();
        try {
            while (!closed) {
                batch.add(wanted.take());
                wanted.drainTo(batch, maximumBatch - 1);
                readBatch(batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            // closing
        } finally {
            fail(batch);
        }
    }

    private void readBatch(List<Wanted<V>> batch) {
        Map<String, List<CompletableFuture<V>>> byKey = new LinkedHashMap<>();
        for (Wanted<V> one : batch) {
            byKey.computeIfAbsent(one.key(), key -> new ArrayList<>(1)).add(one.result());
        }
        Map<String, V> values;
        try {
            values = read.apply(List.copyOf(byKey.keySet()));
        } catch (RuntimeException e) {
            LOG.debug("reading {} keys failed: {}", byKey.size(), e.toString());
            for (Wanted<V> one : batch) {
                one.result().completeExceptionally(e);
            }
            return;
        }
        byKey.forEach((key, results) -> {
            V value = values.get(key);
            for (CompletableFuture<V> result : results) {
                if (value != null) {
                    result.complete(value);
                } else {
                    result.completeExceptionally(new IllegalStateException("nothing was read for " + key));
                }
            }
        });
    }

    private static <V> void fail(List<Wanted<V>> batch) {
        for (Wanted<V> one : batch) {
            one.result().completeExceptionally(new IllegalStateException("closed"));
        }
    }

    /** Stops the readers; keys still waiting fail. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        for (Thread reader : readers) {
            reader.interrupt();
        }
        for (Thread reader : readers) {
            reader.join();
        }
        failWaiting();
    }

    private void failWaiting() {
        List<Wanted<V>> left = new ArrayList<>();
        wanted.drainTo(left);
        fail(left);
    }
}
