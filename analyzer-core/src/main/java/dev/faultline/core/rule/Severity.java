package dev.faultline.core.rule;

import java.util.Locale;

/**
 * How bad a finding is. {@code ERROR}: the configuration will fail to deploy or is certainly broken
 * at runtime; {@code WARNING}: events can be lost, processing can block, duplicates or invisible
 * failures are likely; {@code INFO}: a safer setting exists.
 */
public enum Severity {
    /** Will fail to deploy, or is certainly broken at run time. */
    ERROR,
    /** Events can be lost, processing can block, duplicates or invisible failures are likely. */
    WARNING,
    /** A safer setting exists. */
    INFO;

    /** Lower-case name used in every output format. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this severity is at least as severe as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    /** Parses {@code error|warning|info} case-insensitively. */
    public static Severity parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
