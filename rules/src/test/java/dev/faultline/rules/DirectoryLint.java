package dev.faultline.rules;

import dev.faultline.core.engine.AnalysisRequest;
import dev.faultline.core.engine.Analyzer;
import dev.faultline.core.rule.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Lints a directory with every rule on one thread (files in display-path order, one after another). */
public final class DirectoryLint {

    private DirectoryLint() {}

    /** The findings of a lint of {@code dir}, in report order. */
    public static List<Finding> findings(Path dir) {
        return Analyzer.fromClassPath()
                .analyze(AnalysisRequest.of(dir, List.of(dir)).withThreads(1))
                .findings();
    }

    /** The files of {@code dir} that {@code ruleId} reports, once per finding, in report order. */
    public static List<String> filesReportedBy(Path dir, String ruleId) {
        List<String> files = new ArrayList<>();
        for (Finding f : findings(dir)) {
            if (f.ruleId().equals(ruleId)) {
                files.add(f.file());
            }
        }
        return files;
    }
}
