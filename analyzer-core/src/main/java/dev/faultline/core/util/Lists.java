package dev.faultline.core.util;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Multimap helpers without lambdas: {@code map.computeIfAbsent(k, x -> new ArrayList<>())} links a
 * lambda class per call site at run time, which a one-template lint pays for at start-up.
 */
public final class Lists {

    private Lists() {}

    /** The list {@code map} holds for {@code key}, put there empty first when absent. */
    public static <K, V> List<V> in(Map<K, List<V>> map, K key) {
        List<V> l = map.get(key);
        if (l == null) {
            l = new ArrayList<>();
            map.put(key, l);
        }
        return l;
    }
}
