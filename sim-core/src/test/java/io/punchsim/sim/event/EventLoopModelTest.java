package io.punchsim.sim.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Random programs of schedules and cancellations, issued both from outside and from inside running
 * events, checked step by step against a plain sorted map keyed by (time, scheduling order).
 */
class EventLoopModelTest {

    /** Key of the reference model: time, then scheduling order. */
    private record Key(long time, long order) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byTime = Long.compare(time, other.time);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }

    private final class Program {
        final Random random;
        final EventLoop loop;
        final Delays delays;
        final TreeMap<Key, Integer> model = new TreeMap<>();
        final List<Long> handles = new ArrayList<>();
        final List<Key> keys = new ArrayList<>();
        final List<Integer> ran = new ArrayList<>();
        final List<Integer> expected = new ArrayList<>();
        long order;
        boolean draining;
        /** Whether the program also schedules through the lane for the current instant. */
        boolean lane;

        final long seed;

        Program(long seed) {
            this(seed, new EventLoop(), (random, now) -> random.nextInt(20));
        }

        Program(long seed, EventLoop loop, Delays delays) {
            this.seed = seed;
            this.loop = loop;
            this.delays = delays;
            random = new Random(seed);
        }

        void schedule() {
            int id = handles.size();
            long now = loop.now();
            long time = now + Math.min(delays.next(random, now), Long.MAX_VALUE - now);
            Key key = new Key(time, order++);
            keys.add(key);
            model.put(key, id);
            handles.add(loop.schedule(time, () -> {
                ran.add(id);
                act();
            }));
        }

        /** An uncancellable event for the current instant, through the loop's lane ({@link EventLoop#scheduleNow}). */
        void scheduleNow() {
            int id = handles.size();
            Key key = new Key(loop.now(), order++);
            keys.add(key);
            model.put(key, id);
            handles.add(0L);
            loop.scheduleNow(new KernelEvent() {
                @Override
                protected void deliver() {
                    ran.add(id);
                    act();
                }
            });
        }

        void cancel() {
            if (handles.isEmpty()) {
                return;
            }
            int id = random.nextInt(handles.size());
            if (handles.get(id) == 0L) {
                // A lane event has no handle: cancelling "it" cancels nothing.
                if (loop.cancel(0L)) {
                    fail("seed %d: the zero handle cancelled something", seed);
                }
                return;
            }
            boolean pendingInModel = model.remove(keys.get(id)) != null;
            if (loop.cancel(handles.get(id)) != pendingInModel) {
                fail("seed %d: cancel of event %d should return %s", seed, id, pendingInModel);
            }
        }

        /** What a running event does: nothing, or schedule and cancel a few others. */
        void act() {
            if (draining) {
                return; // at the end, events just run out
            }
            int actions = random.nextInt(4);
            for (int i = 0; i < actions; i++) {
                int choice = random.nextInt(6);
                if (choice < 2) {
                    cancel();
                } else if (choice < 3 && lane) {
                    scheduleNow();
                } else {
                    schedule();
                }
            }
        }

        /** Cancels the earliest pending event, the one at the top of the queue. */
        void cancelEarliest() {
            var first = model.firstEntry();
            if (first == null || handles.get(first.getValue()) == 0L) {
                return;
            }
            model.remove(first.getKey());
            if (!loop.cancel(handles.get(first.getValue()))) {
                fail("seed %d: cancel of the earliest event %d failed", seed, first.getValue());
            }
        }

        void step() {
            var first = model.pollFirstEntry();
            boolean stepped = loop.step();
            if (stepped != (first != null)) {
                fail("seed %d: step() returned %s with %d events pending in the model", seed, stepped, model.size());
            }
            if (first != null) {
                expected.add(first.getValue());
                if (loop.now() != first.getKey().time()) {
                    fail("seed %d: now %d, expected %d", seed, loop.now(), first.getKey().time());
                }
            }
        }
    }

    /** Delay of the next scheduled event, given the current time. */
    private interface Delays {
        long next(Random random, long now);
    }

    /** Runs a random program of {@code ops} operations, then drains the loop, checking every step. */
    private static void check(Program program, int ops) {
        long seed = program.seed;
        for (int op = 0; op < ops; op++) {
            int choice = program.random.nextInt(20);
            if (choice < 2 && program.lane) {
                program.scheduleNow();
            } else if (choice < 8) {
                program.schedule();
            } else if (choice < 11) {
                program.cancel();
            } else if (choice < 12) {
                program.cancelEarliest();
            } else {
                program.step();
            }
            if (program.loop.pending() != program.model.size()) {
                fail("seed %d, op %d: %d pending, model has %d", seed, op, program.loop.pending(), program.model.size());
            }
            long earliest = program.model.isEmpty() ? Long.MAX_VALUE : program.model.firstKey().time();
            if (op % 7 == 0 && program.loop.nextEventTime() != earliest) {
                fail("seed %d, op %d: next event at %d, model says %d", seed, op, program.loop.nextEventTime(), earliest);
            }
        }
        program.draining = true;
        while (!program.model.isEmpty()) {
            program.step();
        }
        assertThat(program.loop.step()).isFalse();
        assertThat(program.ran).as("seed %d", seed).isEqualTo(program.expected);
    }

    @Test
    void agreesWithASortedMapUnderRandomSchedulingAndCancelling() {
        for (long seed = 1; seed <= 20; seed++) {
            check(new Program(seed), 3000);
        }
    }

    /**
     * The same with uncancellable events for the current instant mixed in through the lane: ties
     * with the tree's events due now, in both orders, while events run.
     */
    @Test
    void agreesWithASortedMapWithEventsThroughTheLaneForNow() {
        for (long seed = 1; seed <= 20; seed++) {
            Program program = new Program(seed, new EventLoop(), (random, now) -> random.nextInt(4));
            program.lane = true;
            check(program, 3000);
        }
        for (long limit : new long[] {1, 3, 64}) {
            for (long seed = 1; seed <= 5; seed++) {
                Program program = new Program(seed * 77 + limit, new EventLoop(limit), (random, now) -> random.nextInt(4));
                program.lane = true;
                check(program, 3000);
            }
        }
    }

    /**
     * Sequence numbers run out every few schedules, so pending events are renumbered again and
     * again, with ties, with the top entry vacant, and with more events pending than numbers.
     */
    @Test
    void agreesWithASortedMapWhenSequenceNumbersRunOut() {
        for (long limit : new long[] {1, 2, 5, 64, 1000}) {
            for (long seed = 1; seed <= 5; seed++) {
                check(new Program(seed * 1000 + limit, new EventLoop(limit), (random, now) -> random.nextInt(20)), 3000);
            }
        }
    }

    /**
     * Delays spread over the whole range of time: zero (ties with the running event), nanoseconds,
     * microseconds, half a second, and far-future events up to {@link Long#MAX_VALUE}, which must
     * still order before the sentinel that fills free slots.
     */
    @Test
    void agreesWithASortedMapWithWidelySpreadAndFarFutureTimes() {
        Delays spread = (random, now) -> switch (random.nextInt(8)) {
            case 0 -> 0;
            case 1 -> random.nextInt(3);
            case 2 -> random.nextInt(1_000);
            case 3 -> 1_000 + random.nextInt(50_000);
            case 4 -> 500_000_000;
            case 5 -> random.nextInt(2) * 500_000_000L;
            case 6 -> Long.MAX_VALUE - now; // exactly at the end of time: many ties there
            default -> (random.nextLong() >>> 1) % (Long.MAX_VALUE - now + 1);
        };
        for (long seed = 1; seed <= 20; seed++) {
            check(new Program(seed, new EventLoop(), spread), 4000);
        }
    }

    /** Thousands pending: the queue and the slot tables grow several times, then drain. */
    @Test
    void agreesWithASortedMapWhileGrowingAndShrinking() {
        for (long seed = 1; seed <= 5; seed++) {
            Program program = new Program(seed, new EventLoop(), (random, now) -> random.nextInt(5_000));
            for (int i = 0; i < 5_000; i++) {
                program.schedule();
            }
            check(program, 20_000);
        }
    }

    /** The loop is reused after a reset, with events still pending and the top entry vacant. */
    @Test
    void agreesWithASortedMapAfterResets() {
        EventLoop loop = new EventLoop(50);
        for (long seed = 1; seed <= 10; seed++) {
            Program program = new Program(seed, loop, (random, now) -> random.nextInt(100));
            check(program, 2000);
            for (int i = 0; i < 300; i++) {
                program.schedule();
            }
            loop.schedule(loop.now(), loop::reset); // reset from inside a running event
            loop.run();
            assertThat(loop.pending()).isZero();
            assertThat(loop.now()).isZero();
        }
    }
}
