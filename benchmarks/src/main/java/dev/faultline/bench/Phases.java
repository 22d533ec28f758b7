package dev.faultline.bench;

import dev.faultline.core.engine.AnalysisRequest;
import dev.faultline.core.engine.Analyzer;
import dev.faultline.core.engine.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the full lint's time goes beyond the parse floor, in one JVM: alternates the parse floor
 * with a full analysis (no report) and prints, as medians over the measured rounds, the parse floor
 * and each phase of the analysis as the {@link Progress} callback separates them (loading: discovery,
 * reading, parsing, classification, the model and state machines; the graph; rules and
 * suppressions), each also divided by the parse floor of the same round. Pauses of the collector
 * fall into whichever phase allocates when they come; a young generation so large that nothing is
 * collected does not give "the work alone" either (it was slower: every allocation touches memory
 * the cache has not seen).
 *
 * <p>{@code java -Xss8m -cp benchmarks/target/benchmarks.jar dev.faultline.bench.Phases PATH [ROUNDS [THREADS]]}
 * (THREADS, default 1, is used by both the parse floor and the analysis, as in {@link Measure})
 */
public final class Phases {

    private Phases() {
    }

    /** The progress callback that records when each phase starts. */
    private static final class Clock implements Progress {
        final long[] at = new long[8];
        int n;

        @Override
        public void status(String status) {
            if (n < at.length) {
                at[n++] = System.nanoTime();
            }
        }
    }

    public static void main(String[] args) {
        Path path = Path.of(args.length > 0 ? args[0] : "/work/shared/corpus").toAbsolutePath().normalize();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Path root = path.toFile().isDirectory() ? path : path.getParent();
        Lint lint = new Lint(root, List.of(path), threads);
        AnalysisRequest request = AnalysisRequest.of(root, List.of(path)).withThreads(threads);
        Clock clock = new Clock();
        Analyzer analyzer = Analyzer.fromClassPath().withProgress(clock);
        String[] names = {"load", "graph", "rules+suppressions"};
        List<List<Double>> ms = new ArrayList<>();
        List<List<Double>> rel = new ArrayList<>();
        for (int k = 0; k <= names.length + 1; k++) {
            ms.add(new ArrayList<>());
            rel.add(new ArrayList<>());
        }
        long sink = 0;
        int warm = Math.max(3, rounds / 2);
        for (int i = 0; i < warm + rounds; i++) {
            long t0 = System.nanoTime();
            sink += lint.parseFloor();
            long t1 = System.nanoTime();
            clock.n = 0;
            sink += analyzer.analyze(request).findings().size();
            long t2 = System.nanoTime();
            if (i < warm || clock.n < 4) {
                continue;
            }
            double floor = (t1 - t0) / 1e6;
            double[] phase = {
                (clock.at[1] - clock.at[0]) / 1e6, (clock.at[2] - clock.at[1]) / 1e6, (t2 - clock.at[2]) / 1e6
            };
            ms.get(0).add(floor);
            rel.get(0).add(1.0);
            for (int k = 0; k < phase.length; k++) {
                ms.get(k + 1).add(phase[k]);
                rel.get(k + 1).add(phase[k] / floor);
            }
            ms.get(names.length + 1).add((t2 - t1) / 1e6);
            rel.get(names.length + 1).add((t2 - t1) / 1e6 / floor);
        }
        System.out.printf(Locale.ROOT, "%s: %d files, %d thread%s, %d rounds (medians) [%d]%n", path, lint.files(),
                threads, threads == 1 ? "" : "s", rounds, sink % 10);
        System.out.printf(Locale.ROOT, "  %-20s %8.1f ms%n", "parse floor", Measure.median(ms.get(0)));
        for (int k = 0; k < names.length; k++) {
            System.out.printf(Locale.ROOT, "  %-20s %8.1f ms  %5.2f x parse floor%n", names[k],
                    Measure.median(ms.get(k + 1)), Measure.median(rel.get(k + 1)));
        }
        System.out.printf(Locale.ROOT, "  %-20s %8.1f ms  %5.2f x parse floor%n", "full analysis",
                Measure.median(ms.get(names.length + 1)), Measure.median(rel.get(names.length + 1)));
    }
}
