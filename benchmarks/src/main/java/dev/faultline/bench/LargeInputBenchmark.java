package dev.faultline.bench;

import java.io.IOException;
import java.nio.file.Files;
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
 * Parse floor vs full lint of one generated large input ({@link Generate}), for the linear-growth
 * check: compare each 5,000/2,000 input with its half-size variant.
 * {@code java -jar benchmarks/target/benchmarks.jar LargeInputBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xss8m", "-Xmx1g"})
public class LargeInputBenchmark {

    @Param({"template-2500.json", "template-5000.json", "template-2500.yaml", "template-5000.yaml",
            "states-1000.asl.json", "states-2000.asl.json"})
    public String input;

    private Lint lint;

    @Setup
    public void setup() throws IOException {
        Path dir = Files.createTempDirectory("faultline-bench");
        Generate.writeAll(dir);
        lint = new Lint(dir, List.of(dir.resolve(input)), 1);
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
