package dev.faultline.core.tree;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A mapping. Keys keep their own spans; order is the order in the file. When a key is duplicated
 * (reported by the parser as FL-PARSE-002) the first occurrence wins for lookups.
 */
public final class MapNode extends Located implements Node {

    /** One key and its value; equal as a record of the key, its span and the value would be. */
    public static final class Entry extends Located {

        private final String key;
        private final Node value;

        /**
         * @param key     the key
         * @param keySpan where the key is written
         * @param value   its value
         */
        public Entry(String key, Span keySpan, Node value) {
            super(keySpan);
            this.key = key;
            this.value = value;
        }

        /**
         * @return the key
         */
        public String key() {
            return key;
        }

        /**
         * @return where the key is written
         */
        public Span keySpan() {
            return toSpan();
        }

        /**
         * @return the value
         */
        public Node value() {
            return value;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e && sameSpan(e) && Objects.equals(key, e.key) && Objects.equals(value, e.value);
        }

        @Override
        public int hashCode() {
            return (Objects.hashCode(key) * 31 + Objects.hashCode(toSpan())) * 31 + Objects.hashCode(value);
        }

        @Override
        public String toString() {
            return "Entry[key=" + key + ", keySpan=" + toSpan() + ", value=" + value + "]";
        }
    }

    /**
     * Maps of up to this many entries are searched in order, without a hash index (here for lookups,
     * in the parser for duplicate keys): most maps of a template are that small.
     */
    public static final int LINEAR_MAX = 8;

    private final List<Entry> entries;
    /** The first entry per key, or {@code null} when the map is small enough to search in order. */
    private final Map<String, Entry> index;

    private final boolean containsIntrinsic;

    /**
     * Internal: made by the parsers.
     *
     * @param span    where the mapping is written
     * @param entries its entries, in document order
     */
    public MapNode(Span span, List<Entry> entries) {
        super(span);
        this.entries = List.copyOf(entries);
        // small maps (most of a template) are searched in order: a hash index per map was a large part
        // of the memory the trees keep alive during a lint
        Map<String, Entry> idx = this.entries.size() > LINEAR_MAX ? new HashMap<>(this.entries.size() * 2) : null;
        boolean intrinsic = false;
        for (int i = 0, n = this.entries.size(); i < n; i++) {
            Entry e = this.entries.get(i);
            if (idx != null) {
                idx.putIfAbsent(e.key(), e);
            }
            intrinsic = intrinsic || holdsIntrinsic(e.value());
        }
        this.index = idx;
        this.containsIntrinsic = intrinsic;
    }

    /**
     * Whether an intrinsic function ({@link IntrinsicNode}) is anywhere below this map: walks that
     * only look for references skip the maps without any (computed once, when the map is built).
     */
    public boolean containsIntrinsic() {
        return containsIntrinsic;
    }

    /** Whether {@code n} is or holds an intrinsic function. */
    public static boolean holdsIntrinsic(Node n) {
        if (n instanceof IntrinsicNode) {
            return true;
        }
        if (n instanceof MapNode m) {
            return m.containsIntrinsic;
        }
        return n instanceof ListNode l && l.containsIntrinsic();
    }

    /** An empty map at a span (used for absent optional sections). */
    public static MapNode empty(Span span) {
        return new MapNode(span, List.of());
    }

    @Override
    public Span span() {
        return toSpan();
    }

    /**
     * @return the entries, in document order
     */
    public List<Entry> entries() {
        return entries;
    }

    /** The value under {@code key}, or {@code null}. */
    public Node get(String key) {
        Entry e = entry(key);
        return e == null ? null : e.value();
    }

    /** The entry under {@code key}, or {@code null}. */
    public Entry entry(String key) {
        if (index != null) {
            return index.get(key);
        }
        for (int i = 0, n = entries.size(); i < n; i++) {
            Entry e = entries.get(i);
            if (Objects.equals(key, e.key())) {
                return e;
            }
        }
        return null;
    }

    /**
     * @param key a key
     * @return whether the mapping has it
     */
    public boolean has(String key) {
        return entry(key) != null;
    }

    /** The value under {@code key} if it is a map, else {@code null}. */
    public MapNode getMap(String key) {
        Node n = get(key);
        return n == null ? null : n.asMap();
    }

    /** The value under {@code key} if it is a list, else {@code null}. */
    public ListNode getList(String key) {
        Node n = get(key);
        return n == null ? null : n.asList();
    }

    /** The scalar text under {@code key}, or {@code null}. */
    public String getText(String key) {
        Node n = get(key);
        return n == null ? null : n.text();
    }

    /** Follows a chain of keys through nested maps; {@code null} if any step is missing. */
    public Node path(String... keys) {
        Node cur = this;
        for (String k : keys) {
            if (!(cur instanceof MapNode m)) {
                return null;
            }
            cur = m.get(k);
            if (cur == null) {
                return null;
            }
        }
        return cur;
    }

    /**
     * @return the number of entries
     */
    public int size() {
        return entries.size();
    }

    /**
     * @return whether the mapping has no entry
     */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Keys in file order. */
    public List<String> keys() {
        return entries.stream().map(Entry::key).toList();
    }

    @Override
    public String toString() {
        return "MapNode" + Collections.unmodifiableList(keys()) + "@" + toSpan();
    }
}
