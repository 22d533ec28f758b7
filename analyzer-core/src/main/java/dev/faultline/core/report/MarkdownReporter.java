package dev.faultline.core.report;

import dev.faultline.core.engine.AnalysisResult;
import dev.faultline.core.engine.ToolError;
import dev.faultline.core.rule.Finding;
import dev.faultline.core.rule.RuleMetadata;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Markdown summary for pull-request comments and CI pages (GitHub's job summary,
 * {@code GITHUB_STEP_SUMMARY}): the counts per severity, the rules with the most findings, and the
 * first {@value #MAX_LISTED} active findings in a collapsed table. Suppressed findings are only counted.
 */
public final class MarkdownReporter implements Reporter {

    /** Rules listed under "Top rules". */
    static final int TOP_RULES = 10;
    /** Findings listed in the table (a job summary is limited to 1 MiB). */
    static final int MAX_LISTED = 200;

    @Override
    public void write(AnalysisResult result, ReportContext ctx, Writer out) throws IOException {
        ReportSummary s = ReportSummary.of(result);
        StringBuilder sb = new StringBuilder("### Faultline\n\n");
        sb.append(s.toText()).append("\n\n");
        sb.append("| Severity | Findings |\n|---|---:|\n");
        sb.append("| error | ").append(s.error()).append(" |\n");
        sb.append("| warning | ").append(s.warning()).append(" |\n");
        sb.append("| info | ").append(s.info()).append(" |\n");
        if (s.suppressed() > 0) {
            sb.append("| suppressed | ").append(s.suppressed()).append(" |\n");
        }
        List<Finding> active = result.activeFindings();
        if (!active.isEmpty()) {
            Map<String, Integer> perRule = new TreeMap<>();
            for (Finding f : active) {
                perRule.merge(f.ruleId(), 1, Integer::sum);
            }
            List<Map.Entry<String, Integer>> top = new ArrayList<>(perRule.entrySet());
            // most findings first, then by rule id (the map is sorted by id and the sort is stable)
            top.sort((a, b) -> Integer.compare(b.getValue(), a.getValue()));
            Map<String, RuleMetadata> rules = new HashMap<>();
            for (RuleMetadata m : result.rules()) {
                rules.put(m.id(), m);
            }
            sb.append("\n**Top rules**\n\n| Rule | Name | Findings |\n|---|---|---:|\n");
            for (Map.Entry<String, Integer> e : top.subList(0, Math.min(TOP_RULES, top.size()))) {
                RuleMetadata m = rules.get(e.getKey());
                sb.append("| ").append(e.getKey()).append(" | ").append(m == null ? "" : cell(m.name())).append(" | ")
                        .append(e.getValue()).append(" |\n");
            }
            sb.append("\n<details><summary>Findings</summary>\n\n| Location | Severity | Rule | Message |\n"
                    + "|---|---|---|---|\n");
            for (Finding f : active.subList(0, Math.min(MAX_LISTED, active.size()))) {
                sb.append("| `").append(f.file().replace("`", "'")).append(':').append(f.span().line()).append(':')
                        .append(f.span().column()).append("` | ").append(f.severity().label()).append(" | ")
                        .append(f.ruleId()).append(" | ").append(cell(f.message())).append(" |\n");
            }
            if (active.size() > MAX_LISTED) {
                sb.append("\n").append(active.size() - MAX_LISTED).append(" more findings are in the other reports.\n");
            }
            sb.append("\n</details>\n");
        }
        for (ToolError e : result.toolErrors()) {
            sb.append("\n**Internal error** in ").append(e.ruleId()).append(" at ").append(cell(e.location()))
                    .append(": ").append(cell(e.message())).append('\n');
        }
        out.write(sb.toString());
        out.flush();
    }

    /** Text for a table cell: no line breaks, pipes and HTML escaped. */
    private static String cell(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("\r", " ").replace("\n", " ").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }
}
