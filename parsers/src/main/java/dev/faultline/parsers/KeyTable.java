package dev.faultline.parsers;

import java.util.HashMap;

/**
 * One string object per distinct short YAML mapping key, per thread. A lint keeps every tree until
 * its report, and YAML keys repeat across files ({@code Type}, {@code Properties}, ...): the corpus's
 * YAML templates have about 93,000 keys of 8,500 distinct values, each a string and an array of its
 * own without this. (Jackson already shares JSON property names.) Bounded: the table is emptied when
 * it holds {@link #MAX_KEYS} keys, so a long-lived process keeps at most that many.
 */
final class KeyTable {

    /** Longer keys are kept as they are (they seldom repeat). */
    static final int MAX_LENGTH = 64;

    static final int MAX_KEYS = 16_384;

    private static final ThreadLocal<KeyTable> PER_THREAD = ThreadLocal.withInitial(KeyTable::new);

    private final HashMap<String, String> keys = new HashMap<>();

    private KeyTable() {}

    /** The table of the current thread. */
    static KeyTable get() {
        return PER_THREAD.get();
    }

    /** The string equal to {@code key} that this table shares, or {@code key} itself. */
    String canonical(String key) {
        if (key.length() > MAX_LENGTH) {
            return key;
        }
        String shared = keys.putIfAbsent(key, key);
        if (shared != null) {
            return shared;
        }
        if (keys.size() > MAX_KEYS) {
            keys.clear();
        }
        return key;
    }
}
