package io.punchsim.bench;

import io.punchsim.sim.event.EventLoop;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The classic hold model of event-list benchmarks: with a fixed number of events pending, each
 * operation removes the earliest and schedules one at now plus an exponential delay. Measured for
 * the project's event loop, for two heaps kept as measured alternatives, and for a plain
 * {@link PriorityQueue} of event objects.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SchedulerHoldBenchmark {

    static final int BATCH = 1000;

    /** Exponential delays (mean 1 microsecond), drawn once so both queues see the same sequence. */
    static long[] delays() {
        SplittableRandom random = new SplittableRandom(1);
        long[] delays = new long[1 << 16];
        for (int i = 0; i < delays.length; i++) {
            delays[i] = 1 + (long) (-Math.log(1 - random.nextDouble()) * 1000.0);
        }
        return delays;
    }

    @State(Scope.Thread)
    public static class Ours {
        @Param({"16", "128", "1024", "100000"})
        int pending;

        EventLoop loop;
        long[] delays;
        int next;
        Runnable hold;

        @Setup
        public void setUp() {
            loop = new EventLoop();
            delays = delays();
            hold = () -> loop.schedule(loop.now() + delays[next++ & 0xFFFF], hold);
            for (int i = 0; i < pending; i++) {
                loop.schedule(delays[next++ & 0xFFFF], hold);
            }
        }
    }

    @State(Scope.Thread)
    public static class Heap {
        @Param({"16", "128", "1024", "100000"})
        int pending;

        HeapEventLoop loop;
        long[] delays;
        int next;
        Runnable hold;

        @Setup
        public void setUp() {
            loop = new HeapEventLoop();
            delays = delays();
            hold = () -> loop.schedule(loop.now() + delays[next++ & 0xFFFF], hold);
            for (int i = 0; i < pending; i++) {
                loop.schedule(delays[next++ & 0xFFFF], hold);
            }
        }
    }

    @State(Scope.Thread)
    public static class Lazy {
        @Param({"16", "128", "1024", "100000"})
        int pending;

        LazyCancelEventLoop loop;
        long[] delays;
        int next;
        Runnable hold;

        @Setup
        public void setUp() {
            loop = new LazyCancelEventLoop();
            delays = delays();
            hold = () -> loop.schedule(loop.now() + delays[next++ & 0xFFFF], hold);
            for (int i = 0; i < pending; i++) {
                loop.schedule(delays[next++ & 0xFFFF], hold);
            }
        }
    }

    @State(Scope.Thread)
    public static class Baseline {
        @Param({"16", "128", "1024", "100000"})
        int pending;

        PriorityQueue<Event> queue;
        long now;
        long sequence;
        long[] delays;
        int next;
        Runnable hold;

        @Setup
        public void setUp() {
            queue = new PriorityQueue<>();
            delays = delays();
            hold = () -> queue.add(new Event(now + delays[next++ & 0xFFFF], sequence++, hold));
            for (int i = 0; i < pending; i++) {
                queue.add(new Event(delays[next++ & 0xFFFF], sequence++, hold));
            }
        }

        void step() {
            Event event = queue.poll();
            now = event.time;
            event.action.run();
        }
    }

    /** The event object a straightforward kernel would queue. */
    static final class Event implements Comparable<Event> {
        final long time;
        final long sequence;
        final Runnable action;

        Event(long time, long sequence, Runnable action) {
            this.time = time;
            this.sequence = sequence;
            this.action = action;
        }

        @Override
        public int compareTo(Event other) {
            int byTime = Long.compare(time, other.time);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long eventLoop(Ours state) {
        EventLoop loop = state.loop;
        for (int i = 0; i < BATCH; i++) {
            loop.step();
        }
        return loop.now();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long heapLoop(Heap state) {
        HeapEventLoop loop = state.loop;
        for (int i = 0; i < BATCH; i++) {
            loop.step();
        }
        return loop.now();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long lazyCancelLoop(Lazy state) {
        LazyCancelEventLoop loop = state.loop;
        for (int i = 0; i < BATCH; i++) {
            loop.step();
        }
        return loop.now();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long priorityQueue(Baseline state) {
        for (int i = 0; i < BATCH; i++) {
            state.step();
        }
        return state.now;
    }
}
