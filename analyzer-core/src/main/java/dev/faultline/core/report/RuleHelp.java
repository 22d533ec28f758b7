package dev.faultline.core.report;

import dev.faultline.core.rule.RuleMetadata;

/**
 * The help of a rule, as plain text and as Markdown, built from its metadata: summary, rationale,
 * fix, bad and good examples, documentation link. Used by SARIF and by {@code explain}.
 */
public final class RuleHelp {

    private RuleHelp() {}

    /** Plain-text help. */
    public static String text(RuleMetadata m) {
        StringBuilder sb = new StringBuilder();
        sb.append(m.id())
                .append(' ')
                .append(m.name())
                .append(" (")
                .append(m.severity().label())
                .append(")\n\n");
        sb.append(m.summary()).append("\n\n");
        sb.append("Why: ").append(m.rationale()).append("\n\n");
        sb.append("Fix: ").append(m.howToFix()).append('\n');
        if (!m.badExample().isBlank()) {
            sb.append("\nBad:\n").append(indent(m.badExample()));
        }
        if (!m.goodExample().isBlank()) {
            sb.append("\nGood:\n").append(indent(m.goodExample()));
        }
        if (!m.docsUrl().isBlank()) {
            sb.append("\nSee ").append(m.docsUrl()).append('\n');
        }
        return sb.toString();
    }

    /** Markdown help: headings, fenced YAML examples, a documentation link. */
    public static String markdown(RuleMetadata m) {
        StringBuilder sb = new StringBuilder();
        sb.append("## ").append(m.id()).append(": ").append(m.name()).append("\n\n");
        sb.append(m.summary()).append("\n\n");
        sb.append("**Why it matters.** ").append(m.rationale()).append("\n\n");
        sb.append("**How to fix.** ").append(m.howToFix()).append('\n');
        if (!m.badExample().isBlank()) {
            sb.append("\nNon-compliant:\n\n").append(fence(m.badExample()));
        }
        if (!m.goodExample().isBlank()) {
            sb.append("\nCompliant:\n\n").append(fence(m.goodExample()));
        }
        if (!m.docsUrl().isBlank()) {
            sb.append("\nDocumentation: <").append(m.docsUrl()).append(">\n");
        }
        return sb.toString();
    }

    private static String indent(String code) {
        StringBuilder sb = new StringBuilder();
        for (String line : code.split("\n", -1)) {
            if (!line.isEmpty()) {
                sb.append("    ").append(line);
            }
            sb.append('\n');
        }
        String s = sb.toString();
        while (s.endsWith("\n\n")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static String fence(String code) {
        String fence = code.contains("```") ? "~~~~" : "```";
        String body = code.endsWith("\n") ? code : code + "\n";
        return fence + "yaml\n" + body + fence + "\n";
    }
}
