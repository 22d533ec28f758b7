package dev.faultline.core.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Mapping on several threads: results in the list's order, every item once, the first failure rethrown. */
class InOrderTest {

    private static List<Integer> upTo(int n) {
        List<Integer> xs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            xs.add(i);
        }
        return xs;
    }

    @Test
    void resultsKeepTheListsOrderAndEveryItemIsMappedOnce() {
        List<Integer> items = upTo(5_000);
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger calls = new AtomicInteger();
        List<String> out = InOrder.map(items, 4, "test-worker", i -> {
            calls.incrementAndGet();
            seen.add(i);
            if (i % 7 == 0) {
                Thread.yield(); // uneven items, so that threads overtake each other
            }
            return "v" + i;
        });
        assertThat(calls).hasValue(5_000);
        assertThat(seen).hasSize(5_000);
        assertThat(out).hasSize(5_000);
        for (int i = 0; i < out.size(); i++) {
            assertThat(out.get(i)).isEqualTo("v" + i);
        }
    }

    @Test
    void theCallerWorksTooAndHelpersAreNamedDaemons() throws InterruptedException {
        // two items, two threads: each waits until both have started, so both threads must take part
        CountDownLatch bothStarted = new CountDownLatch(2);
        Set<String> names = Collections.synchronizedSet(new HashSet<>());
        Set<Boolean> daemons = Collections.synchronizedSet(new HashSet<>());
        String caller = Thread.currentThread().getName();
        List<Integer> out = InOrder.map(List.of(1, 2), 2, "test-helper", i -> {
            names.add(Thread.currentThread().getName());
            if (!Thread.currentThread().getName().equals(caller)) {
                daemons.add(Thread.currentThread().isDaemon());
            }
            bothStarted.countDown();
            try {
                assertThat(bothStarted.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return i * 10;
        });
        assertThat(out).containsExactly(10, 20);
        assertThat(names).containsExactlyInAnyOrder(caller, "test-helper");
        assertThat(daemons).containsExactly(true);
    }

    @Test
    void theFirstFailureInTheListsOrderIsRethrownAndLaterItemsAreNotStarted() {
        List<Integer> items = upTo(1_000);
        AtomicInteger started = new AtomicInteger();
        CountDownLatch threeFailed = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicReference<Thread> ranFortyOne =
                new java.util.concurrent.atomic.AtomicReference<>();
        assertThatThrownBy(() -> InOrder.map(items, 3, "test-worker", i -> {
                    started.incrementAndGet();
                    if (i == 40) {
                        // item 40 fails last of the failing ones, yet it is first in the list
                        await(threeFailed);
                        throw new IllegalArgumentException("item 40");
                    }
                    if (i == 41) {
                        ranFortyOne.set(Thread.currentThread());
                        threeFailed.countDown();
                        throw new IllegalStateException("item 41");
                    }
                    if (i > 41) {
                        // later items wait until item 41's failure is recorded (its thread has left the
                        // item: it ends, or the caller waits for the helpers), so that a thread running
                        // while the others are not scheduled cannot finish the list first
                        await(threeFailed);
                        Thread t = ranFortyOne.get();
                        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                        while (t.getState() == Thread.State.RUNNABLE && System.nanoTime() < deadline) {
                            Thread.onSpinWait();
                        }
                    }
                    return i;
                }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("item 40");
        // once an item has failed no thread takes another: items 0-41, then at most one more per thread
        assertThat(started.get()).isLessThanOrEqualTo(42 + 3);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anErrorIsRethrownAsItself() {
        assertThatThrownBy(() -> InOrder.map(upTo(10), 2, "test-worker", i -> {
                    if (i == 3) {
                        throw new StackOverflowError("deep");
                    }
                    return i;
                }))
                .isInstanceOf(StackOverflowError.class)
                .hasMessage("deep");
    }

    @Test
    void oneThreadOrOneItemRunsOnTheCaller() {
        String caller = Thread.currentThread().getName();
        assertThat(InOrder.map(upTo(3), 1, "unused", i -> Thread.currentThread().getName()))
                .containsOnly(caller);
        assertThat(InOrder.map(
                        List.of(7), 8, "unused", i -> Thread.currentThread().getName()))
                .containsExactly(caller);
        assertThat(InOrder.map(List.<Integer>of(), 8, "unused", i -> i)).isEmpty();
    }
}
