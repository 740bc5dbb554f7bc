package org.pirog.radius.backend.postgres.postauth;

import static org.pirog.radius.backend.postgres.schema.Tables.RADPOSTAUTH;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.pirog.radius.backend.postgres.ArrayStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes radpostauth rows on a thread of its own, many rows per statement: a reply never waits for its row, and
 * the database sees one insert per batch instead of one commit per Access-Request (which capped the server at
 * the database's commit rate). A row is a log, not a record a NAS would retransmit: when PostgreSQL is down or the
 * queue is full, rows are dropped and counted ({@link #dropped()}), never the reply.
 *
 * <p>The insert is one {@link ArrayStatement} over {@code unnest} of one array per column, rendered once: a
 * multi-row {@code VALUES} list rendered by jOOQ per batch cost this thread as much CPU as the whole request path
 * (measured with the load generator), and its SQL text changed with every batch size, so PostgreSQL parsed and
 * planned each batch anew.
 */
public final class PostAuthWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostAuthWriter.class);
    private static final int BATCH = 500;
    private static final Row END = new Row("", "", "", "", Instant.EPOCH);

    /** One radpostauth row; FreeRADIUS's default also stores the typed password, Pirog never does. */
    public record Row(String userName, String reply, String calledStationId, String callingStationId,
            Instant authDate) {
        public Row {
            Objects.requireNonNull(userName, "userName");
            Objects.requireNonNull(reply, "reply");
            Objects.requireNonNull(calledStationId, "calledStationId");
            Objects.requireNonNull(callingStationId, "callingStationId");
            Objects.requireNonNull(authDate, "authDate");
        }
    }

    private final DSLContext dsl;
    private final ArrayStatement insert;
    private final BlockingQueue<Row> queue;
    private final Thread thread;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private volatile boolean closed;

    public PostAuthWriter(DSLContext dsl, int capacity) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.insert = insert(dsl);
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
        Object[][] columns = {new String[rows.size()], new String[rows.size()], new String[rows.size()],
            new String[rows.size()], new Long[rows.size()]};
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            columns[0][i] = row.userName();
            columns[1][i] = row.reply();
            columns[2][i] = row.calledStationId();
            columns[3][i] = row.callingStationId();
            columns[4][i] = epochMicros(row.authDate());
        }
        try {
            dsl.connection(connection -> insert.execute(connection, columns));
            written.addAndGet(rows.size());
            batches.incrementAndGet();
        } catch (DataAccessException e) {
            dropped.addAndGet(rows.size());
            LOG.warn("radpostauth: {} rows not written: {}", rows.size(), e.getMessage());
        }
    }

    /**
     * {@code INSERT INTO radpostauth (…) SELECT … FROM unnest(?, ?, ?, ?, ?)}: four text arrays and the times as
     * microseconds since the epoch (radpostauth keeps microseconds, as FreeRADIUS's {@code '%S.%M'} does).
     */
    private static ArrayStatement insert(DSLContext dsl) {
        ArrayStatement.Parameters parameters = new ArrayStatement.Parameters();
        List<Field<?>> arrays = List.of(parameters.text(), parameters.text(), parameters.text(), parameters.text(),
                parameters.bigint());
        Field<Long> micros = DSL.field(DSL.name("v", "micros"), SQLDataType.BIGINT);
        Query query = dsl.insertInto(RADPOSTAUTH, RADPOSTAUTH.USERNAME, RADPOSTAUTH.REPLY,
                        RADPOSTAUTH.CALLEDSTATIONID, RADPOSTAUTH.CALLINGSTATIONID, RADPOSTAUTH.AUTHDATE)
                .select(DSL.select(DSL.field(DSL.name("v", "username"), SQLDataType.CLOB),
                                DSL.field(DSL.name("v", "reply"), SQLDataType.CLOB),
                                DSL.field(DSL.name("v", "called"), SQLDataType.CLOB),
                                DSL.field(DSL.name("v", "calling"), SQLDataType.CLOB),
                                DSL.field("timestamptz 'epoch' + {0} * interval '1 microsecond'",
                                        SQLDataType.TIMESTAMPWITHTIMEZONE, micros))
                        .from(ArrayStatement.unnest(arrays)
                                .as("v", "username", "reply", "called", "calling", "micros")));
        return ArrayStatement.render(dsl, query, parameters);
    }

    private static long epochMicros(Instant time) {
        return TimeUnit.SECONDS.toMicros(time.getEpochSecond()) + TimeUnit.NANOSECONDS.toMicros(time.getNano());
    }

    /** Writes what is queued, then stops the thread. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        queue.put(END);
        thread.join();
    }
}
