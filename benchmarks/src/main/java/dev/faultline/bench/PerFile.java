package dev.faultline.bench;

import dev.faultline.core.engine.AnalysisRequest;
import dev.faultline.parsers.Discovery;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The full lint with every file's tree still in the processor's cache: each discovered file is
 * parsed (the parse floor) and then linted on its own, at once, as a request of its own, so that
 * graph building and the rules walk a tree that was just made. Against {@link Measure} (all files
 * parsed, then the graph, then the rules) this bounds what an analysis that streams template by
 * template could gain from memory locality. Each request also pays the per-request set-up, which
 * the printed figures include: about 14 µs per file on a 2-vCPU VM (3,000 three-line templates:
 * 102.9 ms linted one by one against 61.2 ms in one request).
 *
 * <p>{@code java -Xss8m -cp benchmarks/target/benchmarks.jar dev.faultline.bench.PerFile PATH [ROUNDS]}
 *
 * <p>Cross-file references (nested stacks, exports) are not linked this way: the figure is for the
 * experiment, not a supported mode of the analyzer.
 */
public final class PerFile {

    private PerFile() {
    }

    public static void main(String[] args) {
        Path path = Path.of(args.length > 0 ? args[0] : "/work/shared/corpus").toAbsolutePath().normalize();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Path root = path.toFile().isDirectory() ? path : path.getParent();
        List<Discovery.Candidate> candidates =
                Discovery.discover(AnalysisRequest.of(root, List.of(path)).withThreads(1)).files();
        List<Lint> lints = new ArrayList<>(candidates.size());
        for (Discovery.Candidate c : candidates) {
            lints.add(new Lint(root, List.of(c.path()), 1));
        }
        int warm = Math.max(3, rounds);
        long sink = 0;
        List<Double> parse = new ArrayList<>();
        List<Double> full = new ArrayList<>();
        List<Double> ratio = new ArrayList<>();
        for (int r = 0; r < warm + rounds; r++) {
            long p = 0;
            long f = 0;
            for (Lint l : lints) {
                long t0 = System.nanoTime();
                sink += l.parseFloor();
                long t1 = System.nanoTime();
                sink += l.fullLint();
                long t2 = System.nanoTime();
                p += t1 - t0;
                f += t2 - t1;
            }
            if (r >= warm) {
                parse.add(p / 1e6);
                full.add(f / 1e6);
                ratio.add((double) f / p);
            }
        }
        Collections.sort(ratio);
        System.out.printf(Locale.ROOT, "%s: %d files, each parsed and then linted alone, %d rounds: parse floor %.1f ms,"
                        + " full lint %.1f ms, full/parse %.2f (medians) [%d]%n",
                path, lints.size(), rounds, Measure.median(parse), Measure.median(full), Measure.median(ratio),
                sink % 10);
    }
}
