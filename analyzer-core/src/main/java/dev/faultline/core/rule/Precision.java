package dev.faultline.core.rule;

import java.util.Locale;

/** How often a rule's findings are right, as SARIF consumers understand it. */
public enum Precision {
    /** Practically never wrong. */
    VERY_HIGH,
    /** Rarely wrong (the default). */
    HIGH,
    /** Sometimes wrong: depends on intent the configuration does not show. */
    MEDIUM,
    /** Often wrong: a hint to look, not a verdict. */
    LOW;

    /** The SARIF spelling: {@code very-high}, {@code high}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
