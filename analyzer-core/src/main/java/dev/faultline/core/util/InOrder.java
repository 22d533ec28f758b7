package dev.faultline.core.util;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Maps a list on a few threads, with the results in the list's order, so that output stays
 * deterministic whatever the thread count. Shared by the loaders, the graph builder and the engine;
 * not part of the rule API.
 */
public final class InOrder {

    private InOrder() {}

    /**
     * Applies {@code f} to every item on up to {@code threads} daemon threads named {@code threadName}
     * (in the caller's thread when {@code threads <= 1}); returns the results in the items' order.
     * An exception thrown by {@code f} is rethrown to the caller.
     */
    public static <T, R> List<R> map(List<T> items, int threads, String threadName, Function<T, R> f) {
        List<R> out = new ArrayList<>(items.size());
        if (threads <= 1 || items.size() < 2) {
            for (T t : items) {
                out.add(f.apply(t));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, items.size()), r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>(items.size());
            for (T t : items) {
                futures.add(pool.submit(() -> f.apply(t)));
            }
            for (Future<R> fu : futures) {
                out.add(fu.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + threadName, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
