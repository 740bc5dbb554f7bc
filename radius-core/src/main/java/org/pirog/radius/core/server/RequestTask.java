package org.pirog.radius.core.server;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.core.nas.Nas;

/** One request the pipeline accepted, from dispatch to its reply or its abandonment. */
final class RequestTask {
    private static final AtomicIntegerFieldUpdater<RequestTask> COMPLETED =
            AtomicIntegerFieldUpdater.newUpdater(RequestTask.class, "completed");

    private final RadiusPacket packet;
    private final Nas nas;
    private final InetSocketAddress sender;
    private final Instant received;
    private final long number;
    private final ListenerKind kind;
    private final ReplyChannel channel;
    private final DuplicateCache duplicates;
    private final DuplicateCache.@Nullable Entry entry;
    private final long generation;
    private volatile int completed;
    /** The max_request_time timer of a request that waits for a backend; cancelled when it is answered. */
    private volatile java.util.concurrent.@Nullable Future<?> abandonTimer;

    RequestTask(RadiusPacket packet, Nas nas, InetSocketAddress sender, Instant received, long number,
            ListenerKind kind, ReplyChannel channel, DuplicateCache duplicates, DuplicateCache.@Nullable Entry entry,
            long generation) {
        this.packet = packet;
        this.nas = nas;
        this.sender = sender;
        this.received = received;
        this.number = number;
        this.kind = kind;
        this.channel = channel;
        this.duplicates = duplicates;
        this.entry = entry;
        this.generation = generation;
    }

    /**
     * Marks the task finished (replied or abandoned); only the first caller gets true. Cancels the abandon timer,
     * so that a scheduled task does not keep the request in memory for max_request_time after its reply.
     */
    boolean complete() {
        if (!COMPLETED.compareAndSet(this, 0, 1)) {
            return false;
        }
        java.util.concurrent.Future<?> timer = abandonTimer;
        if (timer != null) {
            timer.cancel(false);
        }
        return true;
    }

    void abandonTimer(java.util.concurrent.Future<?> timer) {
        abandonTimer = timer;
        if (completed != 0) {
            timer.cancel(false);
        }
    }

    RadiusPacket packet() {
        return packet;
    }

    Nas nas() {
        return nas;
    }

    InetSocketAddress sender() {
        return sender;
    }

    Instant received() {
        return received;
    }

    long number() {
        return number;
    }

    ListenerKind kind() {
        return kind;
    }

    ReplyChannel channel() {
        return channel;
    }

    DuplicateCache duplicates() {
        return duplicates;
    }

    DuplicateCache.@Nullable Entry entry() {
        return entry;
    }

    long generation() {
        return generation;
    }
}
