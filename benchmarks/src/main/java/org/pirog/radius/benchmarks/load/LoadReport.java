package org.pirog.radius.benchmarks.load;

import java.io.PrintStream;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The outcome of a run over its measured requests: rate, latency percentiles of good replies, lost and wrong
 * replies. {@link #print} writes it for people, ending with one {@code RESULT key=value ...} line for scripts.
 *
 * @param measuredNanos  from the start of measurement to the last good reply
 * @param generatorCores CPU time of this process over the measurement, in cores (1.0 = one core busy)
 */
record LoadReport(LoadOptions options, long measuredNanos, long sent, long ok, long lost, long[] verdicts,
        long withoutMessageAuthenticator, long stray, long late, Histogram latency, double generatorCores) {

    long wrong() {
        long wrong = 0;
        for (int i = 1; i < verdicts.length; i++) {
            wrong += verdicts[i];
        }
        return wrong;
    }

    double rate() {
        return measuredNanos <= 0 ? 0 : ok * 1e9 / measuredNanos;
    }

    /** Latency at {@code percentile} in milliseconds. */
    double millis(double percentile) {
        return latency.getTotalCount() == 0 ? 0 : latency.getValueAtPercentile(percentile) / 1e6;
    }

    boolean clean() {
        return lost == 0 && wrong() == 0 && ok > 0;
    }

    void print(PrintStream out) {
        LoadOptions o = options;
        out.printf(Locale.ROOT, "%s to %s, window %d over %d sockets, %d users, timeout %d ms%n", o.type().flag(),
                o.server(), o.window(), o.sockets(), o.users(), o.timeout().toMillis());
        out.printf(Locale.ROOT, "measured   %.2f s after %.1f s warm-up%n", measuredNanos / 1e9,
                o.warmup().toMillis() / 1e3);
        out.printf(Locale.ROOT, "requests   %d sent, %d answered right%n", sent, ok);
        out.printf(Locale.ROOT, "rate       %.0f requests/s%n", rate());
        out.printf(Locale.ROOT, "latency    p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms%n", millis(50),
                millis(99), millis(99.9), latency.getMaxValue() / 1e6);
        out.printf(Locale.ROOT, "lost       %d (no reply within %d ms)%n", lost, o.timeout().toMillis());
        StringBuilder wrongDetail = new StringBuilder();
        for (Verdict verdict : Verdict.values()) {
            if (verdict != Verdict.OK && verdicts[verdict.ordinal()] > 0) {
                wrongDetail.append(wrongDetail.isEmpty() ? " (" : ", ").append(verdict.label()).append(' ')
                        .append(verdicts[verdict.ordinal()]);
            }
        }
        out.printf(Locale.ROOT, "wrong      %d%s%n", wrong(), wrongDetail.isEmpty() ? "" : wrongDetail + ")");
        out.printf(Locale.ROOT, "other      %d late, %d stray replies; %d good replies without Message-Authenticator%n",
                late, stray, withoutMessageAuthenticator);
        out.printf(Locale.ROOT, "generator  %.2f cores of CPU%n", generatorCores);
        out.printf(Locale.ROOT, "RESULT type=%s window=%d rate=%.0f p50_ms=%.3f p99_ms=%.3f p999_ms=%.3f lost=%d"
                + " wrong=%d sent=%d cpu_cores=%.2f%n", o.type().flag(), o.window(), rate(), millis(50), millis(99),
                millis(99.9), lost, wrong(), sent, generatorCores);
    }
}
