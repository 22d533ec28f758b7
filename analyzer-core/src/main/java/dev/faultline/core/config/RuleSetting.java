package dev.faultline.core.config;

import dev.faultline.core.rule.Severity;
import dev.faultline.core.tree.Span;
import java.util.Map;

/**
 * The config-file setting of one rule.
 *
 * @param off      the rule is disabled
 * @param severity the severity override, or {@code null}
 * @param options  option values by option name, as text
 * @param span     where the setting is written
 */
public record RuleSetting(boolean off, Severity severity, Map<String, String> options, Span span) {

    public RuleSetting {
        options = Map.copyOf(options);
    }
}
