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
 * <p>{@code java -Xss8m -cp benchmarks/target/benchmarks.jar dev.faultline.bench.Measure PATH [THREADS] [ROUNDS] [full|parse]}
 *
 * <p>With {@code full} or {@code parse} last, only that workload runs, and its median and quartiles
 * are printed. Compare two builds on the full lint alone as well as on the ratio: a JVM's parse floor
 * moves by several per cent with what else ran in it and with the JIT's choices (the same parse code
 * measured 167-176 ms in separate JVMs, and 5-15 ms slower next to one build's full lint than next to
 * another's), so a better ratio alone may be a slower parse floor.
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
        if (args.length > 3) {
            if (!args[3].equals("full") && !args[3].equals("parse")) {
                System.err.println("Measure: the workload is 'full' or 'parse', not '" + args[3] + "'");
                System.exit(2);
            }
            alone(lint, path, threads, rounds, args[3].equals("full"));
            return;
        }
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

    /** Times one workload alone: the full lint, or the parse floor. */
    private static void alone(Lint lint, Path path, int threads, int rounds, boolean full) {
        long sink = 0;
        for (int i = 0; i < Math.max(3, rounds / 2); i++) {
            sink += full ? lint.fullLint() : lint.parseFloor();
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            sink += full ? lint.fullLint() : lint.parseFloor();
            times.add((System.nanoTime() - t0) / 1e6);
        }
        Collections.sort(times);
        System.out.printf(Locale.ROOT, "%s: %d files, %d threads, %d rounds: %s alone %.1f ms (quartiles %.1f-%.1f) [%d]%n",
                path, lint.files(), threads, rounds, full ? "full lint" : "parse floor", median(times),
                times.get(rounds / 4), times.get((3 * rounds) / 4), sink % 10);
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
