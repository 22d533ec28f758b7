package dev.faultline.core.report;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * The output formats, each with the {@link Reporter} that writes it. This is the one table that maps
 * a format name ({@code --format json}) to its writer: adding a format is adding a constant.
 */
public enum ReportFormat {
    TEXT("text", TextReporter::new),
    JSON("json", JsonReporter::new),
    SARIF("sarif", SarifReporter::new),
    JUNIT("junit", JunitReporter::new),
    GITHUB("github", GithubReporter::new),
    MARKDOWN("markdown", MarkdownReporter::new);

    private final String label;
    private final Supplier<Reporter> factory;

    ReportFormat(String label, Supplier<Reporter> factory) {
        this.label = label;
        this.factory = factory;
    }

    /** The name used on the command line and in configuration. */
    public String label() {
        return label;
    }

    /** A new reporter for this format. */
    public Reporter reporter() {
        return factory.get();
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
