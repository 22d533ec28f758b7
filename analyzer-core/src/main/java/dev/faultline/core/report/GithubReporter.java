package dev.faultline.core.report;

import dev.faultline.core.engine.AnalysisResult;
import dev.faultline.core.engine.ToolError;
import dev.faultline.core.rule.Finding;
import java.io.IOException;
import java.io.Writer;

/**
 * GitHub Actions workflow commands, one line per active finding:
 * {@code ::error file=F,line=L,endLine=EL,col=C,endColumn=EC,title=RULE::message}
 * ({@code ::warning} and {@code ::notice} for lower severities). Suppressed findings are never
 * annotated. Tool errors become {@code ::error title=faultline::...} lines.
 */
public final class GithubReporter implements Reporter {

    @Override
    public void write(AnalysisResult result, ReportContext ctx, Writer out) throws IOException {
        for (Finding f : result.findings()) {
            if (f.suppressed()) {
                continue;
            }
            out.write("::");
            out.write(command(f));
            out.write(" file=");
            out.write(escapeProperty(f.file()));
            out.write(",line=" + f.span().line());
            out.write(",endLine=" + f.span().endLine());
            out.write(",col=" + f.span().column());
            out.write(",endColumn=" + f.span().endColumn());
            out.write(",title=");
            out.write(escapeProperty(f.ruleId()));
            out.write("::");
            out.write(escapeData(f.message()));
            out.write('\n');
        }
        for (ToolError e : result.toolErrors()) {
            out.write("::error title=faultline::");
            out.write(escapeData("internal error in " + e.ruleId() + " at " + e.location() + ": " + e.message()));
            out.write('\n');
        }
        out.flush();
    }

    private static String command(Finding f) {
        return switch (f.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "notice";
        };
    }

    /** Escapes a command's message: {@code %}, CR and LF. */
    public static String escapeData(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '%' -> sb.append("%25");
                case '\r' -> sb.append("%0D");
                case '\n' -> sb.append("%0A");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Escapes a property value: as {@link #escapeData} plus {@code :} and {@code ,}. */
    public static String escapeProperty(String s) {
        String d = escapeData(s);
        StringBuilder sb = new StringBuilder(d.length() + 8);
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            switch (c) {
                case ':' -> sb.append("%3A");
                case ',' -> sb.append("%2C");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
