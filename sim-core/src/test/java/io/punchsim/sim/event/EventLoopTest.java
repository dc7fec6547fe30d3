package io.punchsim.sim.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventLoopTest {

    /** An event as scheduled: the oracle orders these with a stable sort on time. */
    private record Scheduled(int id, long time) {}

    @Test
    void eventsAtEqualTimesRunInSchedulingOrder() {
        EventLoop loop = new EventLoop();
        List<Integer> ran = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            int id = i;
            loop.schedule(42, () -> ran.add(id));
        }
        loop.run();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            expected.add(i);
        }
        assertThat(ran).isEqualTo(expected);
        assertThat(loop.now()).isEqualTo(42);
    }

    @Test
    void runsInTimeOrderWithTiesBySchedulingOrderLikeAStableSort() {
        long seed = 20261123L;
        Random random = new Random(seed);
        EventLoop loop = new EventLoop();
        List<Scheduled> scheduled = new ArrayList<>();
        List<Integer> ran = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            long time = random.nextInt(200); // few distinct times: many ties
            int id = i;
            scheduled.add(new Scheduled(id, time));
            loop.schedule(time, () -> {
                ran.add(id);
                times.add(loop.now());
            });
        }
        loop.run();
        // List.sort is stable: equal times keep insertion order, which is exactly the contract.
        List<Scheduled> oracle = new ArrayList<>(scheduled);
        oracle.sort(Comparator.comparingLong(Scheduled::time));
        assertThat(ran).as("seed %d", seed).isEqualTo(oracle.stream().map(Scheduled::id).toList());
        assertThat(times).as("seed %d", seed).isEqualTo(oracle.stream().map(Scheduled::time).toList());
    }

    @Test
    void eventsScheduledWhileRunningInterleaveCorrectly() {
        EventLoop loop = new EventLoop();
        List<String> ran = new ArrayList<>();
        loop.schedule(10, () -> {
            ran.add("a@10");
            loop.scheduleAfter(0, () -> ran.add("c@10"));
            loop.scheduleAfter(5, () -> ran.add("d@15"));
        });
        loop.schedule(10, () -> ran.add("b@10"));
        loop.schedule(15, () -> ran.add("e@15"));
        loop.run();
        // c is scheduled during a, after b was, so it follows b at time 10; e was scheduled before d,
        // so e precedes d at time 15.
        assertThat(ran).containsExactly("a@10", "b@10", "c@10", "e@15", "d@15");
    }

    @Test
    void cancelledEventsNeverRunAndTheRestKeepTheirOrder() {
        long seed = 7L;
        Random random = new Random(seed);
        EventLoop loop = new EventLoop();
        List<Scheduled> kept = new ArrayList<>();
        List<Integer> ran = new ArrayList<>();
        long[] handles = new long[3000];
        Set<Integer> cancelled = new HashSet<>();
        List<Scheduled> all = new ArrayList<>();
        for (int i = 0; i < handles.length; i++) {
            long time = random.nextInt(1000);
            int id = i;
            all.add(new Scheduled(id, time));
            handles[i] = loop.schedule(time, () -> ran.add(id));
        }
        for (int i = 0; i < handles.length; i++) {
            if (random.nextInt(3) == 0) {
                assertThat(loop.cancel(handles[i])).isTrue();
                cancelled.add(i);
            }
        }
        for (Scheduled s : all) {
            if (!cancelled.contains(s.id())) {
                kept.add(s);
            }
        }
        assertThat(loop.pending()).isEqualTo(kept.size());
        kept.sort(Comparator.comparingLong(Scheduled::time));
        loop.run();
        assertThat(ran).as("seed %d", seed).isEqualTo(kept.stream().map(Scheduled::id).toList());
    }

    @Test
    void cancelIsFalseForFiredCancelledAndStaleHandles() {
        EventLoop loop = new EventLoop();
        long fired = loop.schedule(1, () -> {});
        loop.run();
        assertThat(loop.cancel(fired)).isFalse();

        long twice = loop.schedule(5, () -> {});
        assertThat(loop.cancel(twice)).isTrue();
        assertThat(loop.cancel(twice)).isFalse();

        // The freed slot is reused by the next event; the old handle must not cancel it.
        List<String> ran = new ArrayList<>();
        long fresh = loop.schedule(6, () -> ran.add("fresh"));
        assertThat(fresh).isNotEqualTo(twice);
        assertThat(loop.cancel(twice)).isFalse();
        assertThat(loop.cancel(0)).isFalse();
        loop.run();
        assertThat(ran).containsExactly("fresh");
    }

    @Test
    void aTimerCanCancelAnotherAtTheSameInstant() {
        EventLoop loop = new EventLoop();
        List<String> ran = new ArrayList<>();
        long[] victim = new long[1];
        loop.schedule(3, () -> {
            ran.add("killer");
            loop.cancel(victim[0]);
        });
        victim[0] = loop.schedule(3, () -> ran.add("victim"));
        loop.run();
        assertThat(ran).containsExactly("killer");
    }

    @Test
    void runUntilStopsAtTheLimitAndAdvancesTime() {
        EventLoop loop = new EventLoop();
        List<Long> ran = new ArrayList<>();
        for (long t : new long[] {5, 10, 10, 11, 20}) {
            loop.schedule(t, () -> ran.add(loop.now()));
        }
        loop.runUntil(10);
        assertThat(ran).containsExactly(5L, 10L, 10L);
        assertThat(loop.now()).isEqualTo(10);
        loop.runUntil(15);
        assertThat(ran).containsExactly(5L, 10L, 10L, 11L);
        assertThat(loop.now()).isEqualTo(15);
        assertThat(loop.pending()).isEqualTo(1);
        assertThat(loop.nextEventTime()).isEqualTo(20);
    }

    @Test
    void stopEndsTheRunAfterTheCurrentEvent() {
        EventLoop loop = new EventLoop();
        List<Integer> ran = new ArrayList<>();
        loop.schedule(1, () -> ran.add(1));
        loop.schedule(2, () -> {
            ran.add(2);
            loop.stop();
        });
        loop.schedule(3, () -> ran.add(3));
        loop.run();
        assertThat(ran).containsExactly(1, 2);
        assertThat(loop.pending()).isEqualTo(1);
    }

    @Test
    void schedulingInThePastIsRejected() {
        EventLoop loop = new EventLoop();
        loop.schedule(100, () -> {});
        loop.run();
        assertThatThrownBy(() -> loop.schedule(99, () -> {})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resetForgetsEverythingAndOldHandlesStayDead() {
        EventLoop loop = new EventLoop();
        List<String> ran = new ArrayList<>();
        long old = loop.schedule(50, () -> ran.add("old"));
        loop.reset();
        assertThat(loop.now()).isZero();
        assertThat(loop.pending()).isZero();
        loop.schedule(50, () -> ran.add("new"));
        assertThat(loop.cancel(old)).isFalse();
        loop.run();
        assertThat(ran).containsExactly("new");
    }

    @Test
    void tiesFollowSchedulingOrderNotSlotOrder() {
        EventLoop loop = new EventLoop();
        List<String> ran = new ArrayList<>();
        long first = loop.schedule(7, () -> ran.add("first"));
        loop.schedule(7, () -> ran.add("second"));
        loop.cancel(first);
        // The freed slot, lower than the second event's, is reused by a later event at the same time.
        loop.schedule(7, () -> ran.add("third"));
        loop.schedule(7, () -> ran.add("fourth"));
        loop.run();
        assertThat(ran).containsExactly("second", "third", "fourth");
    }

    @Test
    void theQueueWidensAndGrowsWhileEventsArePendingAndRunning() {
        EventLoop loop = new EventLoop();
        List<Long> ran = new ArrayList<>();
        // Each event schedules two more until 3,000 have been scheduled: the number pending climbs
        // past several powers of two while the earliest keep running.
        long[] scheduled = {0};
        Runnable[] spawn = new Runnable[1];
        spawn[0] = () -> {
            ran.add(loop.now());
            for (int i = 0; i < 2 && scheduled[0] < 3000; i++) {
                scheduled[0]++;
                loop.scheduleAfter(1 + (scheduled[0] * 7919) % 1000, spawn[0]);
            }
        };
        scheduled[0]++;
        loop.schedule(0, spawn[0]);
        loop.run();
        assertThat(ran).hasSize(3000);
        assertThat(ran).isSorted();
        assertThat(loop.pending()).isZero();
    }

    @Test
    void aResetFromTheLastRunningEventLeavesNothingBehind() {
        EventLoop loop = new EventLoop();
        List<Long> ran = new ArrayList<>();
        for (long t = 1; t <= 3; t++) {
            loop.schedule(t, () -> {});
        }
        // The last event to run resets the loop while it is the only one left, from the highest slot.
        loop.schedule(4, loop::reset);
        loop.run();
        assertThat(loop.pending()).isZero();
        assertThat(loop.nextEventTime()).isEqualTo(Long.MAX_VALUE);
        // Three slots: the fourth, where the reset ran, stays free and must not come back.
        for (long t = 30; t >= 10; t -= 10) {
            loop.schedule(t, () -> ran.add(loop.now()));
        }
        loop.run();
        assertThat(ran).containsExactly(10L, 20L, 30L);
        assertThat(loop.executed()).isEqualTo(3);
    }

    @Test
    void manyPendingEventsGrowTheQueueAndStillComeOutSorted() {
        long seed = 99L;
        Random random = new Random(seed);
        EventLoop loop = new EventLoop();
        long[] times = new long[100_000];
        List<Long> ran = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            times[i] = random.nextLong() & 0xFFFFFFFFFFL;
            loop.schedule(times[i], () -> ran.add(loop.now()));
        }
        loop.run();
        java.util.Arrays.sort(times);
        assertThat(ran).as("seed %d", seed).hasSize(times.length);
        for (int i = 0; i < times.length; i++) {
            assertThat(ran.get(i)).as("seed %d, index %d", seed, i).isEqualTo(times[i]);
        }
    }
}
