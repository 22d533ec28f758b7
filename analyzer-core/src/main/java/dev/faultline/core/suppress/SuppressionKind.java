package dev.faultline.core.suppress;

/**
 * Where a suppression came from, recovered from its reason text: template {@code Metadata}
 * suppressions keep the author's reason as is; config-file suppressions are prefixed with
 * {@link #CONFIG_PREFIX}; baseline matches carry exactly {@link #BASELINE_REASON}.
 */
public enum SuppressionKind {
    /** Template or resource {@code Metadata} (SARIF {@code inSource}). */
    IN_SOURCE,
    /** The config file or the baseline (SARIF {@code external}). */
    EXTERNAL;

    /** The reason given to findings that match a baseline entry. */
    public static final String BASELINE_REASON = "baseline";

    /** The prefix of reasons of config-file suppressions. */
    public static final String CONFIG_PREFIX = "config: ";

    /** The kind of a suppression reason. */
    public static SuppressionKind of(String reason) {
        if (reason != null && (reason.equals(BASELINE_REASON) || reason.startsWith(CONFIG_PREFIX))) {
            return EXTERNAL;
        }
        return IN_SOURCE;
    }

    /** The SARIF spelling: {@code inSource} or {@code external}. */
    public String sarif() {
        return this == IN_SOURCE ? "inSource" : "external";
    }
}
