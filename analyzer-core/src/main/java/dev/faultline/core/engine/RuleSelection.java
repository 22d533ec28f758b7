package dev.faultline.core.engine;

import java.util.List;
import java.util.Locale;

/** Which rule ids are on: enable/disable lists of ids or id prefixes ({@code FL-SQS}). */
final class RuleSelection {

    private final List<String> enabled;
    private final List<String> disabled;

    RuleSelection(List<String> enabled, List<String> disabled) {
        this.enabled = enabled.stream().map(s -> s.trim().toUpperCase(Locale.ROOT)).toList();
        this.disabled = disabled.stream().map(s -> s.trim().toUpperCase(Locale.ROOT)).toList();
    }

    boolean isOn(String id) {
        if (matchesAny(disabled, id)) {
            return false;
        }
        return enabled.isEmpty() || matchesAny(enabled, id) || id.startsWith("FL-PARSE-");
    }

    private static boolean matchesAny(List<String> patterns, String id) {
        for (String p : patterns) {
            if (id.equals(p) || id.startsWith(p.endsWith("-") ? p : p + "-")) {
                return true;
            }
        }
        return false;
    }
}
