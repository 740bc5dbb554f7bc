package org.pirog.radius.backend.postgres.accounting;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.impl.DefaultConnectionProvider;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.core.accounting.AccountingRecord;
import org.pirog.radius.core.backend.BackendException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes accounting records into radacct by group commit: each of a few writer threads takes every record waiting in
 * its bounded queue (up to a batch limit) and writes them in one transaction, so that one commit (one WAL flush)
 * serves many Accounting-Requests. A record's stage completes only after the commit that holds its row; if the
 * transaction fails, every stage of the batch fails (no Accounting-Response, the NAS retransmits), and nothing of it
 * is in the database. Retransmissions are harmless: {@link RadacctStatements} absorbs duplicates.
 *
 * <p>Order: records of one session (acctuniqueid) always go to the same thread and are written in arrival order.
 * Overload: a full queue fails the stage at once (counted in {@link #rejected()}); a stage that waits longer than
 * the timeout fails too (its record may still be written later, which a retransmission then finds done).
 *
 * <p>{@link #submit} never blocks: it is called on the Netty event loop.
 *
 * <p>Accounting-On/Off goes to the thread of its NAS, sessions to theirs: a Start the NAS sent just before its
 * Accounting-On may be committed just after it and stay open (FreeRADIUS's thread pool has the same race); the
 * stale-session closer ends it.
 */
public final class RadacctWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RadacctWriter.class);
    /** Put into each queue by {@link #close()}: write what came before, then end. Never written itself. */
    private static final Pending STOP = new Pending(null, new CompletableFuture<>());

    private final DSLContext dsl;
    private final RadacctStatements statements;
    private final int maxBatch;
    private final Duration timeout;
    private final Lane[] lanes;
    private final LongAdder transactions = new LongAdder();
    private final LongAdder written = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private volatile boolean closed;

    /**
     * @param dsl       the shared jOOQ context (its pool gives each writer thread a connection per batch)
     * @param leaseTime how long Start and Interim-Update extend the session's radippool lease
     * @param threads   writer threads (each one connection at a time)
     * @param capacity  records each thread's queue holds before new ones are rejected
     * @param maxBatch  most records in one transaction
     * @param timeout   how long a stage may wait for its commit
     */
    public RadacctWriter(DSLContext dsl, Duration leaseTime, int threads, int capacity, int maxBatch,
            Duration timeout) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.statements = new RadacctStatements(dsl, leaseTime);
        if (threads < 1 || capacity < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("threads, capacity and maxBatch must be positive");
        }
        this.maxBatch = maxBatch;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.lanes = new Lane[threads];
        for (int i = 0; i < threads; i++) {
            lanes[i] = new Lane(new ArrayBlockingQueue<>(capacity));
            lanes[i].thread = Thread.ofPlatform().daemon().name("pirog-radacct-" + i).start(lanes[i]);
        }
    }

    /** Queues the record; the stage completes after the commit that holds it, or fails. Never blocks. */
    public CompletionStage<Void> submit(AccountingRecord record) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Lane lane = lanes[Math.floorMod(laneKey(record).hashCode(), lanes.length)];
        if (closed || !lane.queue.offer(new Pending(record, done))) {
            rejected.increment();
            return CompletableFuture.failedFuture(new BackendException("accounting " + record.statusType() + " "
                    + record.uniqueSessionId() + ": " + (closed ? "shutting down" : "queue full")));
        }
        return done.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A session's records share a thread; a NAS's Accounting-On/Off goes by the NAS. */
    private static String laneKey(AccountingRecord record) {
        return switch (record.statusType()) {
            case ACCOUNTING_ON, ACCOUNTING_OFF -> record.nasIpAddress().getHostAddress();
            default -> record.uniqueSessionId();
        };
    }

    /** Transactions committed (fewer than {@link #written()} when group commit works). */
    public long transactions() {
        return transactions.sum();
    }

    /** Records committed. */
    public long written() {
        return written.sum();
    }

    /** Records refused because a queue was full or the writer closing. */
    public long rejected() {
        return rejected.sum();
    }

    /** Records whose transaction failed. */
    public long failed() {
        return failed.sum();
    }

    /** Stops taking records, writes those queued, and waits for the threads (at most 30 s). */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        for (Lane lane : lanes) {
            lane.queue.put(STOP);
        }
        for (Lane lane : lanes) {
            lane.thread.join(30_000);
        }
    }

    private void write(List<Pending> batch) {
        try {
            List<AccountingRecord> records = new ArrayList<>(batch.size());
            for (Pending pending : batch) {
                records.add(pending.accounting());
            }
            RadacctBatch writes = RadacctBatch.of(records);
            List<RadacctValues> round = writes.singleRound();
            if (round != null) {
                writeAlone(round);
            } else if (!writes.isEmpty()) {
                inTransaction(tx -> writes.execute(tx, statements));
            }
            transactions.increment();
            written.add(batch.size());
            for (Pending pending : batch) {
                pending.done.complete(null);
            }
        } catch (RuntimeException e) {
            if (batch.size() > 1 && !connectionLost(e)) {
                // One record the database refuses must not fail the others: each on its own.
                LOG.debug("radacct batch of {} failed, writing one by one: {}", batch.size(), e.getMessage());
                for (Pending pending : batch) {
                    write(List.of(pending));
                }
                return;
            }
            String reason = reason(e);
            failed.add(batch.size());
            LOG.warn("radacct: {} record(s) not written (no Accounting-Response, the NAS retransmits): {}",
                    batch.size(), reason);
            for (Pending pending : batch) {
                pending.done.completeExceptionally(new BackendException("accounting "
                        + pending.accounting().statusType() + " " + pending.accounting().uniqueSessionId() + ": "
                        + reason, e));
            }
        }
    }

    /**
     * Writes one round as a statement of its own (auto-commit): PostgreSQL commits it before it answers, so the
     * batch costs one round trip where BEGIN ... COMMIT costs two, and it is as atomic, being one statement; its
     * row locks are held for the commit only, not for a round trip more. Most batches are one round.
     */
    private void writeAlone(List<RadacctValues> round) {
        dsl.connection(connection -> {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true); // The pool's default; never left otherwise, but it must hold here.
            }
            statements.write(connection, round);
        });
    }

    /**
     * Runs the work in one transaction on a pooled connection. Not jOOQ's {@code transaction()}: it asks the
     * connection for its isolation level at every start, which PgJDBC answers with a round trip to PostgreSQL
     * ({@code SHOW TRANSACTION ISOLATION LEVEL}), one more per batch than the work needs.
     */
    private void inTransaction(Consumer<DSLContext> work) {
        dsl.connection(connection -> {
            connection.setAutoCommit(false);
            try {
                work.accept(dsl.configuration().derive(new DefaultConnectionProvider(connection)).dsl());
                connection.commit();
            } catch (Throwable e) {
                rollback(connection, e);
                throw e;
            } finally {
                restoreAutoCommit(connection);
            }
        });
    }

    private static void restoreAutoCommit(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // A broken connection, which the pool drops; the batch's own outcome is what counts.
        }
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** What PostgreSQL said (a batch's first error), else the exception's own message. */
    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                SQLException next = sql.getNextException();
                return (next != null ? next : sql).getMessage();
            }
        }
        return String.valueOf(e.getMessage());
    }

    /** No connection, or it broke: retrying record by record would only wait again. */
    private static boolean connectionLost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** A queued record and its stage; the record is null only in {@link #STOP}. */
    private record Pending(@Nullable AccountingRecord record, CompletableFuture<Void> done) {
        AccountingRecord accounting() {
            return Objects.requireNonNull(record, "STOP is never written");
        }
    }

    private final class Lane implements Runnable {
        final BlockingQueue<Pending> queue;
        Thread thread;

        Lane(BlockingQueue<Pending> queue) {
            this.queue = queue;
        }

        @Override
        public void run() {
            List<Pending> batch = new ArrayList<>(maxBatch);
            while (true) {
                try {
                    batch.add(queue.take());
                } catch (InterruptedException e) {
                    return;
                }
                queue.drainTo(batch, maxBatch - 1);
                boolean stop = false;
                for (int i = batch.size() - 1; i >= 0; i--) {
                    if (batch.get(i) == STOP) {
                        batch.remove(i);
                        stop = true;
                    }
                }
                if (!batch.isEmpty()) {
                    write(batch);
                }
                batch.clear();
                if (stop) {
                    // Records offered after close() set closed are refused; drain any that slipped in before.
                    queue.drainTo(batch);
                    if (!batch.isEmpty()) {
                        write(batch);
                    }
                    return;
                }
            }
        }
    }
}
