package dev.faultline.core.rule;

/**
 * A typed rule option with its default, set in {@code .faultline.yml} or a fixture's
 * {@code # options:} line as {@code RULE-ID.name=value}.
 */
public record RuleOption<T>(String name, Class<T> type, T defaultValue, String description) {

    /** Converts the configured text into the option's type; throws with a clear message if bad. */
    public T parse(String text) {
        Object v;
        if (type == Integer.class) {
            v = Integer.valueOf(text.trim());
        } else if (type == Long.class) {
            v = Long.valueOf(text.trim());
        } else if (type == Boolean.class) {
            String t = text.trim();
            if (!t.equalsIgnoreCase("true") && !t.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException("option " + name + " must be true or false: " + text);
            }
            v = Boolean.valueOf(t);
        } else if (type == String.class) {
            v = text;
        } else {
            throw new IllegalStateException("unsupported option type " + type);
        }
        return type.cast(v);
    }
}
