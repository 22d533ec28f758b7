package dev.faultline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How much a second thread can give on this machine, apart from Faultline: four small workloads,
 * each run by one thread and then by N threads at once (each thread doing the work of the single
 * one), and the throughput gained. Arithmetic and dependent random reads of a large array show
 * whether the cores are real; streaming writes and the allocation of small objects (what parsing
 * and tree building mostly do) show whether the cores share memory bandwidth. On the development VM
 * arithmetic and random reads gain 2.0 × on two threads, streaming writes 1.3 × and allocation
 * 1.5 ×, which bounds what parallel parsing can gain there.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.faultline.bench.Cores [THREADS] [ROUNDS]}
 */
public final class Cores {

    private Cores() {
    }

    /** One workload: {@code run} does one thread's share and returns something to keep it alive. */
    private interface Work {
        long run(int thread);
    }

    /** A small tree node, about the size of a parsed map entry. */
    private static final class Cell {
        final Object left;
        final Object right;
        final int value;

        Cell(Object left, Object right, int value) {
            this.left = left;
            this.right = right;
            this.value = value;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int cells = 1 << 24;
        int[] next = new int[cells];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < cells; i++) {
            next[i] = random.nextInt(cells);
        }
        long[][] arrays = new long[threads][1 << 23];
        report("arithmetic", threads, rounds, t -> {
            long x = t + 1;
            for (int i = 0; i < 100_000_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
                x ^= x >>> 13;
            }
            return x;
        });
        report("random reads", threads, rounds, t -> {
            int at = t;
            long sum = 0;
            for (int i = 0; i < 5_000_000; i++) {
                at = next[at];
                sum += at;
            }
            return sum;
        });
        report("streaming writes", threads, rounds, t -> {
            long[] a = arrays[t];
            for (int r = 0; r < 8; r++) {
                for (int i = 0; i < a.length; i++) {
                    a[i] += r;
                }
            }
            return a[t];
        });
        report("allocation", threads, rounds, t -> {
            Object keep = null;
            long sum = 0;
            for (int i = 0; i < 20_000_000; i++) {
                Cell c = new Cell(keep, new int[4], i);
                keep = (i & 1023) == 0 ? null : c;
                sum += c.value;
            }
            return sum + (keep == null ? 0 : 1);
        });
    }

    /** Times {@code work} on 1 and on {@code threads} threads, alternating, and prints the medians. */
    private static void report(String name, int threads, int rounds, Work work) throws InterruptedException {
        time(work, 1);
        time(work, threads); // warm-up
        List<Double> one = new ArrayList<>();
        List<Double> many = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            one.add(time(work, 1));
            many.add(time(work, threads));
        }
        double a = Measure.median(one);
        double b = Measure.median(many);
        System.out.printf(Locale.ROOT, "%-17s 1 thread %7.1f ms, %d threads %7.1f ms for %d x the work: %.2f x the throughput%n",
                name, a, threads, b, threads, threads * a / b);
    }

    private static double time(Work work, int threads) throws InterruptedException {
        long[] sink = new long[threads];
        Thread[] ts = new Thread[threads];
        long t0 = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            int t = i;
            ts[i] = new Thread(() -> sink[t] = work.run(t));
            ts[i].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        if (sink[0] == 42) {
            System.out.print("");
        }
        return ms;
    }
}
