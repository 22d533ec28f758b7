package dev.faultline.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Which rule ids are on: enable/disable lists of ids or id prefixes ({@code FL-SQS}). */
final class RuleSelection {

    private final List<String> enabled;
    private final List<String> disabled;

    RuleSelection(List<String> enabled, List<String> disabled) {
        this.enabled = normalized(enabled);
        this.disabled = normalized(disabled);
    }

    private static List<String> normalized(List<String> patterns) {
        List<String> out = new ArrayList<>(patterns.size());
        for (String p : patterns) {
            out.add(p.trim().toUpperCase(Locale.ROOT));
        }
        return out;
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
