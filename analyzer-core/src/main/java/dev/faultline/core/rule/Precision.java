package dev.faultline.core.rule;

import java.util.Locale;

/** How often a rule's findings are right, as SARIF consumers understand it. */
public enum Precision {
    VERY_HIGH, HIGH, MEDIUM, LOW;

    /** The SARIF spelling: {@code very-high}, {@code high}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
