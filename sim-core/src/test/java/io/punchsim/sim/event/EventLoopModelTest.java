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
        final EventLoop loop = new EventLoop();
        final TreeMap<Key, Integer> model = new TreeMap<>();
        final List<Long> handles = new ArrayList<>();
        final List<Key> keys = new ArrayList<>();
        final List<Integer> ran = new ArrayList<>();
        final List<Integer> expected = new ArrayList<>();
        long order;
        boolean draining;

        final long seed;

        Program(long seed) {
            this.seed = seed;
            random = new Random(seed);
        }

        void schedule() {
            int id = handles.size();
            long time = loop.now() + random.nextInt(20);
            Key key = new Key(time, order++);
            keys.add(key);
            model.put(key, id);
            handles.add(loop.schedule(time, () -> {
                ran.add(id);
                act();
            }));
        }

        void cancel() {
            if (handles.isEmpty()) {
                return;
            }
            int id = random.nextInt(handles.size());
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
                if (random.nextInt(3) == 0) {
                    cancel();
                } else {
                    schedule();
                }
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

    @Test
    void agreesWithASortedMapUnderRandomSchedulingAndCancelling() {
        for (long seed = 1; seed <= 20; seed++) {
            Program program = new Program(seed);
            for (int op = 0; op < 3000; op++) {
                int choice = program.random.nextInt(10);
                if (choice < 4) {
                    program.schedule();
                } else if (choice < 6) {
                    program.cancel();
                } else {
                    program.step();
                }
                if (program.loop.pending() != program.model.size()) {
                    fail("seed %d, op %d: %d pending, model has %d", seed, op, program.loop.pending(), program.model.size());
                }
            }
            program.draining = true;
            while (!program.model.isEmpty()) {
                program.step();
            }
            assertThat(program.loop.step()).isFalse();
            assertThat(program.ran).as("seed %d", seed).isEqualTo(program.expected);
        }
    }
}
