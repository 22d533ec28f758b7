package dev.faultline.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A quick alternative to JMH for a loaded machine: in one JVM, warms up, then alternates parse floor
 * and full lint and prints the medians and the median of the pairwise ratios (pairs taken close in
 * time see the same load).
 *
 * <p>{@code java -Xss8m -cp benchmarks/target/benchmarks.jar dev.faultline.bench.Measure PATH [THREADS] [ROUNDS]}
 */
public final class Measure {

    private Measure() {
    }

    public static void main(String[] args) {
        Path path = Path.of(args.length > 0 ? args[0] : "/work/shared/corpus").toAbsolutePath().normalize();
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path root = path.toFile().isDirectory() ? path : path.getParent();
        Lint lint = new Lint(root, List.of(path), threads);
        long sink = 0;
        for (int i = 0; i < Math.max(3, rounds / 2); i++) {
            sink += lint.parseFloor() + lint.fullLint();
        }
        List<Double> parse = new ArrayList<>();
        List<Double> full = new ArrayList<>();
        List<Double> ratio = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            sink += lint.parseFloor();
            long t1 = System.nanoTime();
            sink += lint.fullLint();
            long t2 = System.nanoTime();
            parse.add((t1 - t0) / 1e6);
            full.add((t2 - t1) / 1e6);
            ratio.add((double) (t2 - t1) / (t1 - t0));
        }
        System.out.printf(Locale.ROOT, "%s: %d files, %d threads, %d rounds: parse floor %.1f ms, full lint %.1f ms,"
                + " full/parse %.2f (median of pairs) [%d]%n", path, lint.files(), threads, rounds, median(parse),
                median(full), median(ratio), sink % 10);
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
