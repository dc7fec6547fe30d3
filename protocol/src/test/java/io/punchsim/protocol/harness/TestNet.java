package io.punchsim.protocol.harness;

import io.punchsim.protocol.event.StepEvent;
import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.runtime.Context;
import io.punchsim.protocol.runtime.Machine;
import io.punchsim.protocol.wire.MessageKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * A tiny discrete-event network for protocol tests: machines at addresses, a manual clock that
 * jumps to the next event, per-pair one-way latency, packets dropped or duplicated by rule, and an
 * optional per-node address translation (what source the receiver observes, by destination).
 */
public final class TestNet {

    public static final long MS = 1_000_000L;

    /** One datagram as sent, with the source the receiver sees. */
    public record Packet(long atNanos, Endpoint from, Endpoint observedFrom, Endpoint to, byte[] payload,
                         boolean dropped) {
        public MessageKind kind() {
            return MessageKind.classify(payload);
        }
    }

    private record Scheduled(long at, long seq, long handle, Runnable action) {}

    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>(
            (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private final Set<Long> cancelled = new HashSet<>();
    private final Map<Endpoint, Machine> machines = new HashMap<>();
    private final Map<Endpoint, BiFunction<Endpoint, Endpoint, Endpoint>> translations = new HashMap<>();
    private final Map<Endpoint, Endpoint> inbound = new HashMap<>();
    private final Map<List<Endpoint>, Long> latencies = new HashMap<>();
    private final List<Predicate<Packet>> dropRules = new ArrayList<>();
    private final List<Predicate<Packet>> duplicateRules = new ArrayList<>();
    private final List<Packet> packets = new ArrayList<>();
    private final List<StepEvent> events = new ArrayList<>();
    private final long seed;
    private long defaultLatency = 10 * MS;
    private long now;
    private long seq;
    private long nextHandle = 1;
    private boolean recording = true;

    public TestNet(long seed) {
        this.seed = seed;
    }

    public long now() {
        return now;
    }

    /** Whether the machines' contexts ask for step details (a sweep does not). */
    public TestNet recording(boolean on) {
        this.recording = on;
        return this;
    }

    public TestNet defaultLatency(long nanos) {
        defaultLatency = nanos;
        return this;
    }

    /** One-way latency between two real addresses, both directions. */
    public TestNet latency(Endpoint a, Endpoint b, long nanos) {
        latencies.put(List.of(a, b), nanos);
        latencies.put(List.of(b, a), nanos);
        return this;
    }

    public TestNet drop(Predicate<Packet> rule) {
        dropRules.add(rule);
        return this;
    }

    public TestNet duplicate(Predicate<Packet> rule) {
        duplicateRules.add(rule);
        return this;
    }

    /** Packets from {@code node} to a destination appear to come from {@code map.apply(node, to)}. */
    public TestNet translate(Endpoint node, BiFunction<Endpoint, Endpoint, Endpoint> map) {
        translations.put(node, map);
        return this;
    }

    public void add(Endpoint address, Machine machine) {
        machines.put(address, machine);
    }

    /** Starts a machine at time {@code at}. */
    public void start(Endpoint address, long at) {
        Machine m = machines.get(address);
        schedule(at, () -> m.start(new NodeContext(address)));
    }

    /** Delivers raw bytes to {@code to} as if sent from {@code from}, now. */
    public void inject(Endpoint from, Endpoint to, byte[] payload) {
        transmit(from, to, payload);
    }

    public List<Packet> packets() {
        return packets;
    }

    public List<StepEvent> events() {
        return events;
    }

    /** Runs events until {@code done} holds or the clock would pass {@code limit}. */
    public void runUntil(BooleanSupplier done, long limit) {
        while (!queue.isEmpty() && !done.getAsBoolean()) {
            Scheduled next = queue.peek();
            if (next.at > limit) {
                break;
            }
            queue.poll();
            if (next.handle != 0 && cancelled.remove(next.handle)) {
                continue;
            }
            now = next.at;
            next.action.run();
        }
        if (!done.getAsBoolean() && now < limit) {
            now = limit;
        }
    }

    public void runFor(long limit) {
        runUntil(() -> false, limit);
    }

    private long schedule(long at, Runnable action) {
        long handle = nextHandle++;
        queue.add(new Scheduled(at, seq++, handle, action));
        return handle;
    }

    private void transmit(Endpoint from, Endpoint to, byte[] payload) {
        BiFunction<Endpoint, Endpoint, Endpoint> map = translations.get(from);
        Endpoint observed = map == null ? from : map.apply(from, to);
        inbound.put(observed, from);
        Packet probe = new Packet(now, from, observed, to, payload, false);
        boolean dropped = dropRules.stream().anyMatch(r -> r.test(probe));
        Packet packet = dropped ? new Packet(now, from, observed, to, payload, true) : probe;
        packets.add(packet);
        if (dropped) {
            return;
        }
        Endpoint known = machines.containsKey(to) ? to : inbound.get(to);
        long latency = latencies.getOrDefault(List.of(from, known == null ? to : known), defaultLatency);
        int copies = duplicateRules.stream().anyMatch(r -> r.test(probe)) ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            // The receiving side is resolved on arrival, as a NAT would: a mapping may open meanwhile.
            schedule(now + latency, () -> deliver(observed, to, payload));
        }
    }

    private void deliver(Endpoint observed, Endpoint to, byte[] payload) {
        Endpoint real = machines.containsKey(to) ? to : inbound.get(to);
        Machine target = real == null ? null : machines.get(real);
        if (target != null) {
            target.onDatagram(observed, payload.clone());
        }
    }

    private final class NodeContext implements Context {
        private final Endpoint address;
        private final RandomGenerator random;

        NodeContext(Endpoint address) {
            this.address = address;
            this.random = new SplittableRandom(seed ^ address.hashCode());
        }

        @Override
        public long now() {
            return now;
        }

        @Override
        public Endpoint localAddress() {
            return address;
        }

        @Override
        public void send(Endpoint to, byte[] payload) {
            transmit(address, to, payload);
        }

        @Override
        public long setTimer(long atNanos, Runnable action) {
            if (atNanos < now) {
                throw new IllegalStateException("timer in the past: " + atNanos + " < " + now);
            }
            return schedule(atNanos, action);
        }

        @Override
        public void cancelTimer(long handle) {
            if (handle > 0) {
                cancelled.add(handle);
            }
        }

        @Override
        public RandomGenerator random() {
            return random;
        }

        @Override
        public void emit(StepEvent event) {
            events.add(event);
        }

        @Override
        public boolean recording() {
            return recording;
        }
    }
}
