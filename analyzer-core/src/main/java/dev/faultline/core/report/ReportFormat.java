package dev.faultline.core.report;

import java.util.Locale;

/**
 * The output formats, each with the {@link Reporter} that writes it. This is the one table that maps
 * a format name ({@code --format json}) to its writer: adding a format is adding a constant and its
 * case in {@link #reporter()}.
 */
public enum ReportFormat {
    TEXT("text"),
    JSON("json"),
    SARIF("sarif"),
    JUNIT("junit"),
    GITHUB("github"),
    MARKDOWN("markdown");

    private final String label;

    ReportFormat(String label) {
        this.label = label;
    }

    /** The name used on the command line and in configuration. */
    public String label() {
        return label;
    }

    /**
     * A new reporter for this format. A plain switch rather than a constructor reference per constant:
     * linking those would load every reporter class (and SARIF's and JSON's Jackson) on every run.
     */
    public Reporter reporter() {
        // exhaustive (no default): a new constant does not compile until it has its reporter here
        return switch (this) {
            case TEXT -> new TextReporter();
            case JSON -> new JsonReporter();
            case SARIF -> new SarifReporter();
            case JUNIT -> new JunitReporter();
            case GITHUB -> new GithubReporter();
            case MARKDOWN -> new MarkdownReporter();
        };
    }

    /** The format with this name, case-insensitively; throws with the known names if unknown. */
    public static ReportFormat parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (ReportFormat f : values()) {
            if (f.label.equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "' (known: " + names() + ")");
    }

    /** The known names, comma-separated, in declaration order. */
    public static String names() {
        StringBuilder sb = new StringBuilder();
        for (ReportFormat f : values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(f.label);
        }
        return sb.toString();
    }
}
