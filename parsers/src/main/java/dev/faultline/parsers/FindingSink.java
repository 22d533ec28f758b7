package dev.faultline.parsers;

import dev.faultline.core.rule.Finding;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.tree.Span;
import java.util.ArrayList;
import java.util.List;

/** Collects the FL-PARSE findings of one file, with a cap so a hostile file cannot flood the report. */
final class FindingSink {

    /** More findings than this from one file are summarized in one last finding. */
    static final int MAX_FINDINGS = 200;

    private final String file;
    private final List<Finding> findings = new ArrayList<>();
    private int dropped;

    FindingSink(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void add(RuleMetadata rule, String message, Span span, String logicalPath) {
        if (findings.size() >= MAX_FINDINGS) {
            dropped++;
            return;
        }
        findings.add(finding(rule, message, span, logicalPath));
    }

    static Finding finding(RuleMetadata rule, String message, Span span, String logicalPath) {
        return new Finding(
                rule.id(),
                rule.severity(),
                message,
                span,
                null,
                null,
                logicalPath == null || logicalPath.isEmpty() ? null : logicalPath,
                null,
                null);
    }

    List<Finding> findings() {
        if (dropped == 0) {
            return List.copyOf(findings);
        }
        List<Finding> all = new ArrayList<>(findings);
        Finding last = findings.get(findings.size() - 1);
        all.add(finding(
                dev.faultline.core.rule.InputRules.PARSE_LIMIT,
                dropped + " more parse findings in this file were not reported",
                last.span(),
                null));
        return List.copyOf(all);
    }
}
