package io.punchsim.protocol.stun;

import io.punchsim.protocol.event.StepEvent;
import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.runtime.Context;
import io.punchsim.protocol.runtime.Machine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A tiny discrete-event network for tests: a manual clock, one context per socket, a fixed one-way
 * latency and optionally one NAT in front of some private addresses.
 */
final class FakeNetwork {

    static final long MS = 1_000_000L;

    record Sent(long atNanos, Endpoint from, Endpoint to, byte[] payload) {}

    /** A NAT seen from the network: rewrites outbound sources, admits or drops inbound datagrams. */
    interface Nat {
        boolean isInside(Endpoint endpoint);

        boolean isPublic(Endpoint endpoint);

        Endpoint outbound(Endpoint from, Endpoint to);

        Optional<Endpoint> inbound(Endpoint from, Endpoint toPublic);
    }

    private record Event(long at, long sequence, long handle, Runnable action) {}

    private final PriorityQueue<Event> events = new PriorityQueue<>(
            (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.sequence, b.sequence));
    private final Set<Long> cancelled = new HashSet<>();
    private final Map<Endpoint, Machine> sockets = new HashMap<>();
    private final List<Sent> sent = new ArrayList<>();
    private final long latencyNanos;
    private final long seed;
    private Nat nat;
    private boolean dropEverything;
    private long now;
    private long sequence;

    FakeNetwork(long latencyNanos, long seed) {
        this.latencyNanos = latencyNanos;
        this.seed = seed;
    }

    void nat(Nat nat) {
        this.nat = nat;
    }

    /** Models a firewall that blocks UDP altogether. */
    void dropEverything() {
        this.dropEverything = true;
    }

    long now() {
        return now;
    }

    List<Sent> sent() {
        return sent;
    }

    Context attach(Endpoint local, Machine machine) {
        Context context = new SocketContext(local, new SplittableRandom(seed ^ local.hashCode()));
        sockets.put(local, machine);
        machine.start(context);
        return context;
    }

    /** Runs every event up to and including {@code untilNanos}. */
    void runUntil(long untilNanos) {
        while (!events.isEmpty() && events.peek().at <= untilNanos) {
            Event event = events.poll();
            if (cancelled.remove(event.handle)) {
                continue;
            }
            now = event.at;
            event.action.run();
        }
        now = Math.max(now, untilNanos);
    }

    private long schedule(long at, Runnable action) {
        long handle = ++sequence;
        events.add(new Event(Math.max(at, now), handle, handle, action));
        return handle;
    }

    private void transmit(Endpoint from, Endpoint to, byte[] payload) {
        sent.add(new Sent(now, from, to, payload));
        if (dropEverything) {
            return;
        }
        Endpoint source = nat != null && nat.isInside(from) ? nat.outbound(from, to) : from;
        schedule(now + latencyNanos, () -> deliver(source, to, payload));
    }

    private void deliver(Endpoint source, Endpoint to, byte[] payload) {
        Endpoint destination = to;
        if (nat != null && nat.isPublic(to)) {
            Optional<Endpoint> inside = nat.inbound(source, to);
            if (inside.isEmpty()) {
                return;
            }
            destination = inside.get();
        }
        Machine machine = sockets.get(destination);
        if (machine != null) {
            machine.onDatagram(source, payload);
        }
    }

    private final class SocketContext implements Context {
        private final Endpoint local;
        private final RandomGenerator random;

        SocketContext(Endpoint local, RandomGenerator random) {
            this.local = local;
            this.random = random;
        }

        @Override
        public long now() {
            return now;
        }

        @Override
        public Endpoint localAddress() {
            return local;
        }

        @Override
        public void send(Endpoint to, byte[] payload) {
            transmit(local, to, payload);
        }

        @Override
        public long setTimer(long atNanos, Runnable action) {
            return schedule(atNanos, action);
        }

        @Override
        public void cancelTimer(long handle) {
            cancelled.add(handle);
        }

        @Override
        public RandomGenerator random() {
            return random;
        }

        @Override
        public void emit(StepEvent event) {}
    }
}
