package dev.faultline.bench;

import dev.faultline.core.engine.AnalysisRequest;
import dev.faultline.core.engine.AnalysisResult;
import dev.faultline.core.engine.Analyzer;
import dev.faultline.core.report.ReportContext;
import dev.faultline.core.report.ReportFormat;
import dev.faultline.parsers.Discovery;
import dev.faultline.parsers.SourceText;
import dev.faultline.parsers.TreeParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The two measured workloads, shared by the JMH benchmarks and {@link Measure}. */
public final class Lint {

    private final AnalysisRequest request;
    private final Analyzer analyzer;
    private final List<Discovery.Candidate> candidates;
    private final ReportContext ctx;

    /** A workload over {@code paths}, display paths relative to {@code root}, on {@code threads}. */
    public Lint(Path root, List<Path> paths, int threads) {
        this.request = AnalysisRequest.of(root, paths).withThreads(threads);
        this.analyzer = Analyzer.fromClassPath();
        this.candidates = Discovery.discover(request).files();
        this.ctx = ReportContext.plain("bench", root);
    }

    public int files() {
        return candidates.size();
    }

    /**
     * The parse floor: read and parse the discovered files into the located tree, nothing else
     * (no classification, model, graph or rules). Returns the number of parse findings.
     */
    public int parseFloor() {
        if (request.threads() <= 1) {
            int n = 0;
            for (Discovery.Candidate c : candidates) {
                n += parseOne(c);
            }
            return n;
        }
        ExecutorService pool = Executors.newFixedThreadPool(request.threads());
        try {
            List<Future<Integer>> fs = new ArrayList<>(candidates.size());
            for (Discovery.Candidate c : candidates) {
                fs.add(pool.submit(() -> parseOne(c)));
            }
            int n = 0;
            for (Future<Integer> f : fs) {
                n += f.get();
            }
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static int parseOne(Discovery.Candidate c) {
        SourceText.Read r = SourceText.read(c.path(), c.displayPath());
        return r.text() == null ? 1 : TreeParser.parseAuto(r.text(), c.displayPath()).findings().size();
    }

    /**
     * The full lint: discovery, read, parse, classify, model, state machines, graph, every rule,
     * sort, suppressions, and the text report (to a counting sink). Returns the report's length.
     */
    public long fullLint() {
        AnalysisResult result = analyzer.analyze(request);
        Counting out = new Counting();
        try {
            ReportFormat.TEXT.reporter().write(result, ctx, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.count + result.findings().size();
    }

    /** A writer that only counts. */
    static final class Counting extends Writer {
        long count;

        @Override
        public void write(char[] cbuf, int off, int len) {
            count += len;
        }

        @Override
        public void write(String str, int off, int len) {
            count += len;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
