package org.pirog.radius.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.dictionary.DictionaryException;

/** Loading FreeRADIUS's whole dictionary tree (Debian's freeradius-common) and Pirog's own. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DictionaryBenchmark {
    private static final Path FREERADIUS = Path.of("/usr/share/freeradius/dictionary");

    @Setup
    public void requireTree() {
        if (!Files.exists(FREERADIUS)) {
            throw new IllegalStateException(FREERADIUS + " is missing: install freeradius-common");
        }
    }

    @Benchmark
    public Dictionary loadFreeRadiusTree() throws DictionaryException {
        return Dictionary.load(FREERADIUS);
    }

    @Benchmark
    public Dictionary loadPirogDictionary() throws DictionaryException {
        return Dictionary.loadResource("org/pirog/radius/codec/dictionary/pirog/dictionary");
    }
}
