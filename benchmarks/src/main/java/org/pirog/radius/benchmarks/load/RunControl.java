package org.pirog.radius.benchmarks.load;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The phases of a run, shared by the main thread and the event loops: warm-up (requests not measured), measuring
 * (each request takes one from the {@code --count} budget), stopped (no new requests; outstanding ones drain).
 */
final class RunControl {
    enum Admission { WARMUP, MEASURED, STOP }

    private static final int WARMUP = 0;
    private static final int MEASURING = 1;
    private static final int STOPPED = 2;

    private volatile int phase;
    private volatile long measureStartNanos;
    private final AtomicLong budget;
    private final CountDownLatch budgetSpent = new CountDownLatch(1);

    RunControl(long count, boolean warmup) {
        this.budget = new AtomicLong(count);
        if (!warmup) {
            startMeasuring();
        }
    }

    /** Whether a lane may send another request now, and whether it is measured. */
    Admission admit() {
        int now = phase;
        if (now == WARMUP) {
            return Admission.WARMUP;
        }
        if (now == STOPPED) {
            return Admission.STOP;
        }
        if (budget.getAndDecrement() > 0) {
            return Admission.MEASURED;
        }
        budgetSpent.countDown();
        return Admission.STOP;
    }

    void startMeasuring() {
        measureStartNanos = System.nanoTime();
        phase = MEASURING;
    }

    long measureStartNanos() {
        return measureStartNanos;
    }

    /** Waits until the count is spent or the time is up. */
    void awaitEnd(long nanos) throws InterruptedException {
        budgetSpent.await(nanos, TimeUnit.NANOSECONDS);
    }

    void stop() {
        phase = STOPPED;
    }

    boolean stopped() {
        return phase == STOPPED;
    }
}
