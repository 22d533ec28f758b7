package dev.faultline.core.report;

import dev.faultline.core.engine.AnalysisResult;
import dev.faultline.core.rule.Finding;
import dev.faultline.core.rule.Severity;
import java.io.IOException;
import java.io.Writer;

/**
 * Compiler-style lines, one per finding, that editors and problem matchers understand:
 * {@code file:line:col: severity RULE-ID message [cdk: path]}. Colour (ANSI) only when the context
 * allows it. The summary line is not part of the report: callers print
 * {@link ReportSummary#toText()} where they want it (the CLI: on stderr).
 */
public final class TextReporter implements Reporter {

    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String CYAN = "\u001b[36m";

    @Override
    public void write(AnalysisResult result, ReportContext ctx, Writer out) throws IOException {
        StringBuilder line = new StringBuilder(160);
        for (Finding f : result.findings()) {
            if (f.suppressed() && !ctx.includeSuppressed()) {
                continue;
            }
            line.setLength(0);
            format(f, ctx.color(), line);
            line.append('\n');
            out.write(line.toString());
        }
    }

    /** One finding as a line (without the line break). */
    public static String format(Finding f, boolean color) {
        StringBuilder sb = new StringBuilder(160);
        format(f, color, sb);
        return sb.toString();
    }

    private static void format(Finding f, boolean color, StringBuilder sb) {
        String location =
                f.span().file() + ":" + f.span().line() + ":" + f.span().column() + ":";
        if (color) {
            sb.append(BOLD).append(location).append(RESET);
        } else {
            sb.append(location);
        }
        sb.append(' ');
        String severity = f.severity().label();
        if (color) {
            sb.append(colorOf(f.severity())).append(severity).append(RESET);
        } else {
            sb.append(severity);
        }
        sb.append(' ');
        if (color) {
            sb.append(BOLD).append(f.ruleId()).append(RESET);
        } else {
            sb.append(f.ruleId());
        }
        sb.append(' ').append(oneLine(f.message()));
        if (f.cdkPath() != null && !f.cdkPath().isEmpty()) {
            String cdk = " [cdk: " + f.cdkPath() + "]";
            sb.append(color ? DIM + cdk + RESET : cdk);
        }
        if (f.suppressed()) {
            String s = " [suppressed: " + oneLine(f.suppression()) + "]";
            sb.append(color ? DIM + s + RESET : s);
        }
    }

    private static String colorOf(Severity s) {
        switch (s) {
            case ERROR:
                return RED;
            case WARNING:
                return YELLOW;
            default:
                return CYAN;
        }
    }

    /** Messages are one line by contract; keep a stray line break from breaking the format. */
    private static String oneLine(String s) {
        if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
