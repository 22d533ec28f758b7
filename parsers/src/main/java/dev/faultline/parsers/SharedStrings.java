package dev.faultline.parsers;

import java.util.HashMap;

/**
 * One string object per distinct YAML mapping key and per distinct short scalar text, per thread. A
 * lint keeps every tree until its report, and keys and values repeat across files ({@code Type},
 * {@code Properties}, {@code Allow}, {@code true}, ...): the corpus's YAML keys were about 92,900
 * strings of 8,500 values and its scalars 152,000 strings of 20,500 values, each a string and an
 * array of its own. (Jackson already shares JSON property names, not values.) Bounded: the table is
 * emptied when it holds {@link #MAX_STRINGS} strings, so a long-lived process keeps at most that many.
 */
final class SharedStrings {

    /** Longer keys are kept as they are (they seldom repeat). */
    static final int MAX_KEY_LENGTH = 64;

    /** Longer scalar texts are kept as they are (descriptions, ARNs, code: they seldom repeat). */
    static final int MAX_SCALAR_LENGTH = 32;

    static final int MAX_STRINGS = 32_768;

    private static final ThreadLocal<SharedStrings> PER_THREAD = ThreadLocal.withInitial(SharedStrings::new);

    private final HashMap<String, String> strings = new HashMap<>();

    private SharedStrings() {}

    /** The table of the current thread. */
    static SharedStrings get() {
        return PER_THREAD.get();
    }

    /** The string equal to the mapping key {@code key} that this table shares, or {@code key} itself. */
    String key(String key) {
        return key.length() > MAX_KEY_LENGTH ? key : shared(key);
    }

    /** The string equal to the scalar text {@code text} that this table shares, or {@code text} itself. */
    String scalar(String text) {
        return text == null || text.length() > MAX_SCALAR_LENGTH ? text : shared(text);
    }

    private String shared(String s) {
        String earlier = strings.putIfAbsent(s, s);
        if (earlier != null) {
            return earlier;
        }
        if (strings.size() > MAX_STRINGS) {
            strings.clear();
        }
        return s;
    }
}
