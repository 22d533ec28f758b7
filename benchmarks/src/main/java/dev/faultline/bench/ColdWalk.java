package dev.faultline.bench;

import dev.faultline.core.engine.AnalysisRequest;
import dev.faultline.core.tree.IntrinsicNode;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.ScalarNode;
import dev.faultline.parsers.Discovery;
import dev.faultline.parsers.SourceText;
import dev.faultline.parsers.TreeParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one pass over every tree costs when the trees were made long before (as in a lint, which
 * parses every file and then builds the graph and runs the rules) against right after each parse.
 * Each round (a) parses every file, keeping the trees, then walks them all; (b) parses each file and
 * walks its tree at once. The walk reads every key, scalar and intrinsic name, twice per tree (the
 * second walk of a tree is warm in both), and is timed alone. Files are read once, before the rounds.
 *
 * <p>{@code java -Xss8m -cp benchmarks/target/benchmarks.jar dev.faultline.bench.ColdWalk PATH [ROUNDS]}
 */
public final class ColdWalk {

    private ColdWalk() {
    }

    public static void main(String[] args) {
        Path path = Path.of(args.length > 0 ? args[0] : "/work/shared/corpus").toAbsolutePath().normalize();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path root = path.toFile().isDirectory() ? path : path.getParent();
        List<String> texts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Discovery.Candidate c :
                Discovery.discover(AnalysisRequest.of(root, List.of(path)).withThreads(1)).files()) {
            SourceText.Read r = SourceText.read(c.path(), c.displayPath());
            if (r.text() != null) {
                texts.add(r.text());
                names.add(c.displayPath());
            }
        }
        List<Double> cold = new ArrayList<>();
        List<Double> hot = new ArrayList<>();
        List<Double> parse = new ArrayList<>();
        long sink = 0;
        int warm = Math.max(3, rounds);
        for (int round = 0; round < warm + rounds; round++) {
            long t0 = System.nanoTime();
            List<Node> roots = new ArrayList<>(texts.size());
            for (int i = 0; i < texts.size(); i++) {
                roots.add(TreeParser.parseAuto(texts.get(i), names.get(i)).root());
            }
            long t1 = System.nanoTime();
            for (Node n : roots) {
                sink += walk(n) + walk(n);
            }
            long t2 = System.nanoTime();
            roots = null;
            List<Node> kept = new ArrayList<>(texts.size());
            long walks = 0;
            for (int i = 0; i < texts.size(); i++) {
                Node n = TreeParser.parseAuto(texts.get(i), names.get(i)).root();
                long s = System.nanoTime();
                sink += walk(n) + walk(n);
                walks += System.nanoTime() - s;
                kept.add(n);
            }
            sink += kept.size();
            if (round >= warm) {
                parse.add((t1 - t0) / 1e6);
                cold.add((t2 - t1) / 1e6);
                hot.add(walks / 1e6);
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d files, %d rounds (medians) [%d]%n", path, texts.size(), rounds, sink % 10);
        System.out.printf(Locale.ROOT, "  parse, trees kept              %8.1f ms%n", Measure.median(parse));
        System.out.printf(Locale.ROOT, "  walks after all parses (cold)  %8.1f ms%n", Measure.median(cold));
        System.out.printf(Locale.ROOT, "  walks right after each parse   %8.1f ms%n", Measure.median(hot));
    }

    /** Reads every key, scalar and intrinsic name below {@code n}; returns a sum that depends on all. */
    private static long walk(Node n) {
        long c = 1;
        if (n instanceof MapNode m) {
            List<MapNode.Entry> entries = m.entries();
            for (int i = 0, size = entries.size(); i < size; i++) {
                MapNode.Entry e = entries.get(i);
                c += e.key().length() + walk(e.value());
            }
        } else if (n instanceof ListNode l) {
            for (int i = 0, size = l.size(); i < size; i++) {
                c += walk(l.get(i));
            }
        } else if (n instanceof IntrinsicNode in) {
            c += in.function().length() + walk(in.argument());
        } else if (n instanceof ScalarNode s) {
            c += s.value() == null ? 0 : s.value().length();
        }
        return c;
    }
}
