package org.pirog.radius.backend.postgres.postauth;

import static org.pirog.radius.backend.postgres.schema.Tables.RADPOSTAUTH;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep5;
import org.jooq.exception.DataAccessException;
import org.pirog.radius.backend.postgres.schema.tables.records.RadpostauthRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes radpostauth rows on a thread of its own, many rows per statement: a reply never waits for its row, and
 * the database sees one insert per batch instead of one commit per Access-Request (which capped the server at
 * the database's commit rate). A row is a log, not a record a NAS would retransmit: when PostgreSQL is down or the
 * queue is full, rows are dropped and counted ({@link #dropped()}), never the reply.
 */
public final class PostAuthWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostAuthWriter.class);
    private static final int BATCH = 500;
    private static final Row END = new Row("", "", "", "", OffsetDateTime.MIN);

    /** One radpostauth row; FreeRADIUS's default also stores the typed password, Pirog never does. */
    public record Row(String userName, String reply, String calledStationId, String callingStationId,
            OffsetDateTime authDate) {
        public Row {
            Objects.requireNonNull(userName, "userName");
            Objects.requireNonNull(reply, "reply");
            Objects.requireNonNull(calledStationId, "calledStationId");
            Objects.requireNonNull(callingStationId, "callingStationId");
            Objects.requireNonNull(authDate, "authDate");
        }
    }

    private final DSLContext dsl;
    private final BlockingQueue<Row> queue;
    private final Thread thread;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private volatile boolean closed;

    public PostAuthWriter(DSLContext dsl, int capacity) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = Thread.ofPlatform().name("pirog-radpostauth").daemon(true).start(this::run);
    }

    /** Queues a row; never blocks. */
    public void submit(Row row) {
        if (closed || !queue.offer(row)) {
            dropped.incrementAndGet();
        }
    }

    /** Rows written. */
    public long written() {
        return written.get();
    }

    /** Rows dropped (queue full, writer closed, or the database refused the batch). */
    public long dropped() {
        return dropped.get();
    }

    /** Insert statements executed. */
    public long batches() {
        return batches.get();
    }

    private void run() {
        List<Row> batch = new ArrayList<>(BATCH);
        boolean end = false;
        while (!end) {
            try {
                batch.add(queue.take());
                queue.drainTo(batch, BATCH - 1);
            } catch (InterruptedException e) {
                // Only close() ends this thread, by queueing END.
                continue;
            }
            end = batch.remove(END);
            if (!batch.isEmpty()) {
                write(batch);
            }
            batch.clear();
        }
    }

    private void write(List<Row> rows) {
        InsertValuesStep5<RadpostauthRecord, String, String, String, String, OffsetDateTime> insert = dsl
                .insertInto(RADPOSTAUTH, RADPOSTAUTH.USERNAME, RADPOSTAUTH.REPLY, RADPOSTAUTH.CALLEDSTATIONID,
                        RADPOSTAUTH.CALLINGSTATIONID, RADPOSTAUTH.AUTHDATE);
        for (Row row : rows) {
            insert = insert.values(row.userName(), row.reply(), row.calledStationId(), row.callingStationId(),
                    row.authDate());
        }
        try {
            insert.execute();
            written.addAndGet(rows.size());
            batches.incrementAndGet();
        } catch (DataAccessException e) {
            dropped.addAndGet(rows.size());
            LOG.warn("radpostauth: {} rows not written: {}", rows.size(), e.getMessage());
        }
    }

    /** Writes what is queued, then stops the thread. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        queue.put(END);
        thread.join();
    }
}
