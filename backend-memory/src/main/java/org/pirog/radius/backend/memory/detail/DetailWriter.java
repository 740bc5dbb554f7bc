package org.pirog.radius.backend.memory.detail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.core.accounting.AccountingRecord;
import org.pirog.radius.core.policy.Expansion;
import org.pirog.radius.core.policy.PolicyContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends accounting records to FreeRADIUS-format detail files. The file name is a template expanded per record
 * ({@code detail-%Y%m%d}, {@code %{Packet-Src-IP-Address}/detail}); a relative name is relative to the
 * configuration directory, missing directories are made, new files are created {@code rw-------} as FreeRADIUS
 * does, and a file that was moved away (log rotation) is opened anew.
 *
 * <p>One writer thread owns the files. {@link #write} queues the record and waits until it is written and flushed
 * to the operating system: callers that arrive together are written with one flush (group commit), so a burst of
 * accounting costs one write per file, not one per record. No fsync, as FreeRADIUS does none.
 */
public final class DetailWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DetailWriter.class);
    private static final int BATCH = 1024;
    private static final int OPEN_FILES = 8;

    private final Expansion path;
    private final Path directory;
    private final ZoneId zone;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Map<Path, OutputStream> open = new LinkedHashMap<>(16, 0.75f, true);
    private final Thread thread;
    private volatile boolean closed;

    private record Pending(@Nullable AccountingRecord record, CompletableFuture<Void> done) {
    }

    /** Queued by {@link #close}: what was queued before it is written, then the thread ends. */
    private static final Pending END = new Pending(null, new CompletableFuture<>());

    /**
     * @param path      the file name template
     * @param directory what a relative file name is relative to
     * @param zone      the time zone of dates in names and records
     */
    public DetailWriter(Expansion path, Path directory, ZoneId zone) {
        this.path = path;
        this.directory = directory;
        this.zone = zone;
        this.thread = Thread.ofPlatform().name("pirog-detail").daemon(true).start(this::run);
    }

    /**
     * Queues the record; the stage completes on the writer's thread once the record is in the file and flushed,
     * or exceptionally with an {@link IOException} when it could not be written.
     */
    public CompletableFuture<Void> submit(AccountingRecord record) {
        Pending pending = new Pending(record, new CompletableFuture<>());
        if (closed) {
            pending.done().completeExceptionally(new IOException("the detail writer is closed"));
            return pending.done();
        }
        queue.add(pending);
        if (closed && !thread.isAlive()) {
            failQueued();
        }
        return pending.done();
    }

    /** Writes the record; returns once it is in the file and flushed. */
    public void write(AccountingRecord record) throws IOException {
        try {
            submit(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the detail file", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        boolean end = false;
        while (!end) {
            try {
                batch.add(queue.take());
                queue.drainTo(batch, BATCH - 1);
                end = batch.remove(END);
                writeBatch(batch);
            } catch (InterruptedException e) {
                // Only close() stops this thread, by queueing END: an interrupt is not a reason to lose records.
            } catch (RuntimeException e) {
                for (Pending pending : batch) {
                    pending.done().completeExceptionally(e);
                }
                LOG.error("detail writer failed", e);
            } finally {
                batch.clear();
            }
        }
        closeFiles();
    }

    private void writeBatch(List<Pending> batch) {
        Map<Path, List<Pending>> byFile = new LinkedHashMap<>();
        Map<Path, StringBuilder> text = new HashMap<>();
        for (Pending pending : batch) {
            AccountingRecord record = Objects.requireNonNull(pending.record());
            PolicyContext context = new PolicyContext(record.packet(), record.source().getAddress(),
                    record.received(), zone);
            Path file = directory.resolve(path.expand(context));
            byFile.computeIfAbsent(file, f -> new ArrayList<>()).add(pending);
            text.computeIfAbsent(file, f -> new StringBuilder()).append(DetailRecord.format(record, zone));
        }
        for (Map.Entry<Path, List<Pending>> entry : byFile.entrySet()) {
            Path file = entry.getKey();
            try {
                OutputStream out = stream(file);
                out.write(text.get(file).toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
                for (Pending pending : entry.getValue()) {
                    pending.done().complete(null);
                }
            } catch (IOException e) {
                closeQuietly(open.remove(file));
                String reason = reason(e);
                LOG.error("cannot write detail file {}: {}", file, reason);
                for (Pending pending : entry.getValue()) {
                    pending.done().completeExceptionally(new IOException("cannot write " + file + ": " + reason, e));
                }
            }
        }
    }

    /** File-system exceptions often say only the path; say what happened to it. */
    private static String reason(IOException e) {
        return switch (e) {
            case NoSuchFileException n -> "no such file or directory " + n.getFile();
            case FileAlreadyExistsException f -> f.getFile() + " is in the way (a file where a directory belongs?)";
            case AccessDeniedException a -> "permission denied on " + a.getFile();
            default -> String.valueOf(e.getMessage());
        };
    }

    private OutputStream stream(Path file) throws IOException {
        OutputStream out = open.get(file);
        if (out != null && Files.exists(file)) {
            return out;
        }
        closeQuietly(open.remove(file));
        Path parent = file.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (FileAlreadyExistsException e) {
                // appended to below
            }
        }
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
        open.put(file, out);
        // Dated names leave yesterday's file behind: keep only the most recently used few open.
        for (Iterator<Map.Entry<Path, OutputStream>> it = open.entrySet().iterator(); open.size() > OPEN_FILES; ) {
            closeQuietly(it.next().getValue());
            it.remove();
        }
        return out;
    }

    private void closeFiles() {
        for (OutputStream out : open.values()) {
            closeQuietly(out);
        }
        open.clear();
    }

    private static void closeQuietly(@Nullable OutputStream out) {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            LOG.warn("closing a detail file failed: {}", e.getMessage());
        }
    }

    /** Writes what is queued, closes the files and stops the thread. */
    @Override
    public void close() throws InterruptedException {
        if (!closed) {
            closed = true;
            queue.add(END);
        }
        thread.join();
        failQueued();
    }

    /** Records queued after the writer stopped are not written: their callers get an error, not a hang. */
    private void failQueued() {
        for (Pending pending; (pending = queue.poll()) != null; ) {
            pending.done().completeExceptionally(new IOException("the detail writer is closed"));
        }
    }
}
