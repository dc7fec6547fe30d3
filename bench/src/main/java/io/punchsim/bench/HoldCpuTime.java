package io.punchsim.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The hold model of {@link SchedulerHoldBenchmark}, timed by the thread's CPU time instead of the
 * wall clock: on a machine shared with other work, operations per CPU-second estimate what one
 * dedicated core does. A cross-check for the JMH figures, not a replacement.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar io.punchsim.bench.HoldCpuTime}
 */
public final class HoldCpuTime {

    private static final int ROUNDS = 7;
    private static final int OPS_PER_ROUND = 5_000_000;

    private HoldCpuTime() {}

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf("%-16s %10s %22s%n", "queue", "pending", "median Mops/CPU-s");
        for (int pending : new int[] {16, 128, 1024, 100_000}) {
            SchedulerHoldBenchmark.Ours ours = new SchedulerHoldBenchmark.Ours();
            ours.pending = pending;
            ours.setUp();
            report("eventLoop", pending, threads, n -> {
                for (int i = 0; i < n; i++) {
                    ours.loop.step();
                }
                return ours.loop.now();
            });

            SchedulerHoldBenchmark.Heap heap = new SchedulerHoldBenchmark.Heap();
            heap.pending = pending;
            heap.setUp();
            report("heapLoop", pending, threads, n -> {
                for (int i = 0; i < n; i++) {
                    heap.loop.step();
                }
                return heap.loop.now();
            });

            SchedulerHoldBenchmark.Lazy lazy = new SchedulerHoldBenchmark.Lazy();
            lazy.pending = pending;
            lazy.setUp();
            report("lazyCancelLoop", pending, threads, n -> {
                for (int i = 0; i < n; i++) {
                    lazy.loop.step();
                }
                return lazy.loop.now();
            });

            SchedulerHoldBenchmark.Baseline baseline = new SchedulerHoldBenchmark.Baseline();
            baseline.pending = pending;
            baseline.setUp();
            report("priorityQueue", pending, threads, n -> {
                for (int i = 0; i < n; i++) {
                    baseline.step();
                }
                return baseline.now;
            });
        }
    }

    /** Runs {@code n} hold operations, returning the time reached (so the work is not dead code). */
    private interface Holds {
        long run(int n);
    }

    private static void report(String name, int pending, ThreadMXBean threads, Holds holds) {
        double[] rates = new double[ROUNDS];
        long sink = 0;
        for (int round = -3; round < ROUNDS; round++) { // three warm-up rounds
            long start = threads.getCurrentThreadCpuTime();
            sink += holds.run(OPS_PER_ROUND);
            long cpu = threads.getCurrentThreadCpuTime() - start;
            if (round >= 0) {
                rates[round] = OPS_PER_ROUND / (cpu / 1e9) / 1e6;
            }
        }
        Arrays.sort(rates);
        System.out.printf("%-16s %10d %22.1f   (min %.1f, max %.1f; %d)%n", name, pending, rates[ROUNDS / 2], rates[0], rates[ROUNDS - 1], sink % 2);
    }
}
