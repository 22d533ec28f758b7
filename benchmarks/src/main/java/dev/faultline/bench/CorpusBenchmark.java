package dev.faultline.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse floor vs full lint over a whole directory (default: the shared corpus), in one JVM.
 * {@code java -jar benchmarks/target/benchmarks.jar CorpusBenchmark -p corpus=/work/shared/corpus}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xss8m", "-Xmx1g"})
public class CorpusBenchmark {

    /** The directory to lint. */
    @Param("/work/shared/corpus")
    public String corpus;

    /** Worker threads for both workloads. */
    @Param("1")
    public int threads;

    private Lint lint;

    @Setup
    public void setup() {
        Path root = Path.of(corpus).toAbsolutePath().normalize();
        lint = new Lint(root, List.of(root), threads);
    }

    @Benchmark
    public int parseFloor() {
        return lint.parseFloor();
    }

    @Benchmark
    public long fullLint() {
        return lint.fullLint();
    }
}
