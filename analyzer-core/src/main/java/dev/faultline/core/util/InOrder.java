package dev.faultline.core.util;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Maps a list on a few threads, with the results in the list's order, so that output stays
 * deterministic whatever the thread count. Shared by the loaders, the graph builder and the engine;
 * not part of the rule API.
 */
public final class InOrder {

    private InOrder() {}

    /**
     * Applies {@code f} to every item on up to {@code threads} threads: the caller's and daemon
     * threads named {@code threadName} (only the caller's when {@code threads <= 1}); returns the
     * results in the items' order. Each thread takes the next item not yet taken, so that no thread
     * waits while items remain and nothing is handed over per item. When {@code f} throws, no further
     * item is started, the items already started finish, and the exception of the first failed item in
     * the list's order is rethrown to the caller.
     */
    public static <T, R> List<R> map(List<T> items, int threads, String threadName, Function<T, R> f) {
        int n = items.size();
        if (threads <= 1 || n < 2) {
            List<R> out = new ArrayList<>(n);
            for (T t : items) {
                out.add(f.apply(t));
            }
            return out;
        }
        Object[] results = new Object[n];
        Throwable[] failures = new Throwable[n];
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        Runnable work = new Runnable() {
            @Override
            public void run() {
                while (!failed.get()) {
                    int i = next.getAndIncrement();
                    if (i >= n) {
                        return;
                    }
                    try {
                        results[i] = f.apply(items.get(i));
                    } catch (RuntimeException | Error e) {
                        failures[i] = e;
                        failed.set(true);
                    }
                }
            }
        };
        Thread[] helpers = new Thread[Math.min(threads, n) - 1];
        for (int k = 0; k < helpers.length; k++) {
            helpers[k] = new Thread(work, threadName);
            helpers[k].setDaemon(true);
            helpers[k].start();
        }
        work.run();
        for (Thread h : helpers) {
            try {
                h.join();
            } catch (InterruptedException e) {
                failed.set(true); // the helpers stop after their current item
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + threadName, e);
            }
        }
        // join() orders the helpers' writes to results and failures before these reads
        for (Throwable t : failures) {
            if (t instanceof RuntimeException re) {
                throw re;
            }
            if (t instanceof Error err) {
                throw err;
            }
        }
        List<R> out = new ArrayList<>(n);
        for (Object r : results) {
            @SuppressWarnings("unchecked")
            R typed = (R) r;
            out.add(typed);
        }
        return out;
    }
}
