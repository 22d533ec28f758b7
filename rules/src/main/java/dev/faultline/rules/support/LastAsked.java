package dev.faultline.rules.support;

import java.lang.ref.WeakReference;
import java.util.function.BiFunction;

/**
 * A value worked out for the pair of keys asked last on this thread. The engine visits a template's
 * nodes, or a machine's states, one after another on one thread, and rules ask the same question of
 * the same template or machine for each of them; keeping the answer for the pair asked last makes
 * such a question cost one computation per template or machine instead of one per node or state
 * (asked afresh each time, they made rules quadratic in the size of a template or machine). One
 * entry per thread: partitions run on several threads, and a shared entry would make them evict each
 * other's. Both keys are held weakly, so that a thread that lives on (the caller's, with one thread)
 * does not keep an ended analysis's graph alive; the value is held strongly, so it may keep the parts
 * of one template or machine it refers to until the thread asks again.
 *
 * @param <A> the first key (a template, a machine), compared by identity
 * @param <B> the second key (the graph, a rule context, or null), compared by identity
 * @param <V> the value
 */
public final class LastAsked<A, B, V> {

    private record Entry<A, B, V>(WeakReference<A> first, WeakReference<B> second, V value) {}

    private final ThreadLocal<Entry<A, B, V>> last = new ThreadLocal<>();
    private final BiFunction<A, B, V> compute;

    /** @param compute works the value out for a pair of keys */
    public LastAsked(BiFunction<A, B, V> compute) {
        this.compute = compute;
    }

    /** The value for {@code first} and {@code second}: the one kept when they were asked last, else a new one. */
    public V get(A first, B second) {
        Entry<A, B, V> e = last.get();
        if (e != null && e.first().get() == first && e.second().get() == second) {
            return e.value();
        }
        V value = compute.apply(first, second);
        last.set(new Entry<>(new WeakReference<>(first), new WeakReference<>(second), value));
        return value;
    }
}
