package io.punchsim.protocol.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.punchsim.protocol.config.ProtocolConfig;
import io.punchsim.protocol.event.StepEvent;
import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.runtime.Context;
import io.punchsim.protocol.wire.Decoded;
import io.punchsim.protocol.wire.Message;
import io.punchsim.protocol.wire.Message.*;
import io.punchsim.protocol.wire.MessageCodec;
import io.punchsim.protocol.wire.PeerRole;
import io.punchsim.protocol.wire.Props;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * Coverage-guided fuzzing of a whole {@link CloudServer} (README "Fuzzing"): one input is a run on
 * virtual time, a sequence of datagrams from arbitrary sources (raw bytes, or messages built from
 * fuzzed fields with the session ids, sequence numbers and peer ids the cloud sent, as a peer
 * would) and jumps of the clock. After every step: no handler failed, the tables stay within the
 * caps of {@link CloudLimits}. At the end: after a silence of twice the member lifetime every
 * table is empty; nothing was sent to an endpoint that never sent anything; messages only members
 * get went only to endpoints the cloud had sent a {@code JoinAck}; and the bytes sent to each
 * address outside membership stay within 2.5 times the bytes it sent (the largest factor of
 * realnet/README.md's amplification table toward a non-member) plus its budget of
 * retransmissions. The seeds are in {@code CloudServerFuzzTestInputs/datagrams}.
 */
class CloudServerFuzzTest {

    private static final long MS = 1_000_000L;
    private static final long MINUTE = 60_000 * MS;
    /** Small caps, so that an input of a few hundred bytes reaches them. */
    private static final CloudLimits LIMITS = new CloudLimits(6, 3, 10, 64, 3_000 * MS, 2, 4);
    private static final ProtocolConfig CONFIG = ProtocolConfig.builder().keepaliveInterval(1_000 * MS)
            .memberLifetime(3_000 * MS).build();
    private static final long LIFETIME = CONFIG.memberLifetimeNanos();
    private static final Endpoint CLOUD = Endpoint.parse("203.0.113.1:5000");
    /** The largest answer the cloud retransmits toward a non-member (SessionCreated, SessionFound). */
    private static final int LARGEST_RETRANSMITTED = 12;
    private static final int MAX_STEPS = 300;

    @FuzzTest(maxDuration = "20s")
    void datagrams(FuzzedDataProvider data) {
        Run run = new Run(data.consumeLong());
        for (int step = 0; step < MAX_STEPS && data.remainingBytes() > 0; step++) {
            run.step(data);
            run.checkTables();
        }
        run.advance(2 * LIFETIME + LIFETIME / 4);
        run.checkTables();
        assertThat(run.cloud.sessionCount()).as("sessions after a silence of twice the lifetime; the run:%n%s",
                run.trace(null)).isZero();
        assertThat(run.cloud.endpointCount()).as("endpoints after a silence of twice the lifetime; the run:%n%s",
                run.trace(null)).isZero();
        run.checkSends();
    }

    /** One run: the cloud on a deterministic virtual clock, and what went in and out. */
    private static final class Run implements Context {
        final CloudServer cloud = new CloudServer(CONFIG, LIMITS);
        final RandomGenerator random;
        final PriorityQueue<long[]> timers = new PriorityQueue<>((a, b) -> a[0] != b[0]
                ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        final Map<Long, Runnable> actions = new HashMap<>();
        long now;
        long nextTimer;
        final List<Sent> sent = new ArrayList<>();
        final List<Sent> received = new ArrayList<>();
        final Map<Endpoint, Long> firstHeard = new HashMap<>();
        final Map<Endpoint, Long> lastHeard = new HashMap<>();
        final Map<Integer, Long> receivedBytes = new HashMap<>();
        /** What peers learn from the cloud's answers, to speak as a peer would. */
        final List<Integer> sessionIds = new ArrayList<>();
        final Map<Endpoint, List<Integer>> seqsTo = new HashMap<>();
        final Map<Endpoint, int[]> joined = new HashMap<>();
        final Map<Endpoint, Long> joinAckAt = new HashMap<>();
        final Map<Endpoint, Integer> nextSeq = new HashMap<>();

        record Sent(long at, Endpoint to, byte[] payload, boolean mayBeMember) {}

        Run(long seed) {
            random = new SplittableRandom(seed);
            cloud.start(this);
        }

        void step(FuzzedDataProvider data) {
            int op = data.consumeInt(0, 10);
            if (op == 0) {
                advance(data.consumeLong(0, 2 * LIFETIME));
                return;
            }
            Endpoint source = source(data);
            byte[] payload = switch (op) {
                case 1 -> data.consumeBytes(data.consumeInt(0, 300));
                case 2 -> MessageCodec.encode(new CreateSession(seq(data, source), props(data)));
                case 3 -> MessageCodec.encode(new JoinRandom(seq(data, source)));
                case 4 -> MessageCodec.encode(new JoinRequest(seq(data, source), sessionId(data),
                        data.consumeBoolean() ? PeerRole.HOST : PeerRole.CLIENT, props(data)));
                case 5 -> MessageCodec.encode(new AddressReport(seq(data, source), sessionId(data, source),
                        peerId(data, source), endpoint(data), endpoint(data)));
                case 6 -> MessageCodec.encode(new Leave(seq(data, source), sessionId(data, source), peerId(data, source)));
                case 7 -> MessageCodec.encode(new Ack(ackSeq(data, source)));
                case 8 -> MessageCodec.encode(new Keepalive(sessionId(data, source), peerId(data, source)));
                case 9 -> MessageCodec.encodeRelay(sessionId(data, source), peerId(data, source),
                        data.consumeBytes(data.consumeInt(0, 40)));
                default -> {
                    // A message the cloud only sends, or any message with a field changed.
                    byte[] b = MessageCodec.encode(new SessionCreated(data.consumeInt(), sessionId(data)));
                    if (b.length > 0) {
                        b[data.consumeInt(0, b.length - 1)] = data.consumeByte();
                    }
                    yield b;
                }
            };
            deliver(source, payload);
        }

        /** Mostly a few addresses and ports, so that sources meet again; sometimes any. */
        Endpoint source(FuzzedDataProvider data) {
            if (data.consumeInt(0, 7) == 0) {
                return new Endpoint(data.consumeInt(), data.consumeInt(1, 65535));
            }
            int pick = data.consumeInt(0, 15);
            return new Endpoint(Endpoint.parseIp("198.51.100." + (1 + pick / 4)), 40_000 + pick % 4);
        }

        static Endpoint endpoint(FuzzedDataProvider data) {
            return new Endpoint(data.consumeInt(), data.consumeInt(1, 65535));
        }

        int seq(FuzzedDataProvider data, Endpoint source) {
            if (data.consumeBoolean()) {
                return data.consumeInt();
            }
            int seq = nextSeq.getOrDefault(source, 1);
            nextSeq.put(source, seq + 1);
            return seq;
        }

        int ackSeq(FuzzedDataProvider data, Endpoint source) {
            List<Integer> seqs = seqsTo.get(source);
            if (seqs == null || seqs.isEmpty() || data.consumeBoolean()) {
                return data.consumeInt();
            }
            return seqs.get(data.consumeInt(0, seqs.size() - 1));
        }

        int sessionId(FuzzedDataProvider data) {
            if (sessionIds.isEmpty() || data.consumeInt(0, 3) == 0) {
                return data.consumeInt();
            }
            return sessionIds.get(data.consumeInt(0, sessionIds.size() - 1));
        }

        int sessionId(FuzzedDataProvider data, Endpoint source) {
            int[] member = joined.get(source);
            return member != null && data.consumeBoolean() ? member[0] : sessionId(data);
        }

        int peerId(FuzzedDataProvider data, Endpoint source) {
            int[] member = joined.get(source);
            return member != null && data.consumeBoolean() ? member[1] : data.consumeInt(-1, 3);
        }

        static Props props(FuzzedDataProvider data) {
            int n = data.consumeInt(0, 3) == 0 ? data.consumeInt(0, Props.MAX_ENTRIES) : data.consumeInt(0, 3);
            TreeMap<String, String> entries = new TreeMap<>();
            for (int i = 0; i < n && data.remainingBytes() > 0; i++) {
                entries.put(data.consumeAsciiString(8), data.consumeAsciiString(8));
            }
            return new Props(entries);
        }

        void deliver(Endpoint source, byte[] payload) {
            firstHeard.putIfAbsent(source, now);
            lastHeard.put(source, now);
            receivedBytes.merge(source.ip(), (long) payload.length, Long::sum);
            received.add(new Sent(now, source, payload.clone(), false));
            cloud.onDatagram(source, payload);
        }

        /** Moves the clock on by {@code nanos}, running every timer due on the way, in order. */
        void advance(long nanos) {
            long until = now + nanos;
            while (!timers.isEmpty() && timers.peek()[0] <= until) {
                long[] timer = timers.poll();
                Runnable action = actions.remove(timer[1]);
                if (action != null) {
                    now = Math.max(now, timer[0]);
                    action.run();
                    checkTables();
                }
            }
            now = until;
        }

        void checkTables() {
            CloudCounters counters = cloud.counters();
            assertThat(counters.droppedUnhandled()).as("datagrams whose handling failed").isZero();
            assertThat(cloud.sessionCount()).as("sessions").isLessThanOrEqualTo(LIMITS.maxSessions());
            assertThat(cloud.endpointCount()).as("endpoints").isLessThanOrEqualTo(LIMITS.maxChannels());
            assertThat(cloud.openSessionCount()).as("open sessions").isLessThanOrEqualTo(cloud.sessionCount());
        }

        /**
         * Whether {@code to} may be a member now: it was sent a JoinAck and has not been silent
         * for longer than the cloud takes to forget it (a lifetime, plus a quarter until the sweep).
         */
        boolean mayBeMember(Endpoint to) {
            return joinAckAt.containsKey(to) && now - lastHeard.get(to) <= LIFETIME + LIFETIME / 2;
        }

        void checkSends() {
            Map<Integer, Long> toNonMembers = new HashMap<>();
            Set<Endpoint> everJoined = new HashSet<>();
            for (Sent s : sent) {
                Long first = firstHeard.get(s.to);
                assertThat(first).as("a datagram to %s, which never sent one", s.to).isNotNull();
                assertThat(first).as("a datagram to %s before it sent one", s.to).isLessThanOrEqualTo(s.at);
                Message m = ((Decoded.Ok) MessageCodec.decode(s.payload)).message();
                if (m instanceof JoinAck) {
                    everJoined.add(s.to);
                } else if (m instanceof Start || m instanceof PeerAddresses || m instanceof SessionClosed
                        || m instanceof Relay) {
                    assertThat(everJoined).as("%s to %s, never a member", m, s.to).contains(s.to);
                } else if (!s.mayBeMember) {
                    toNonMembers.merge(s.to.ip(), (long) s.payload.length, Long::sum);
                }
            }
            long span = now;
            int burst = LIMITS.unprovenRetransmitsPerMinute();
            long retransmissions = burst + burst * span / MINUTE + 1;
            for (Map.Entry<Integer, Long> e : toNonMembers.entrySet()) {
                long received = receivedBytes.getOrDefault(e.getKey(), 0L);
                long bound = received * 5 / 2 + retransmissions * LARGEST_RETRANSMITTED;
                assertThat(e.getValue()).as("bytes to address %s outside membership, having sent %d; its datagrams:%n%s",
                        Endpoint.formatIp(e.getKey()), received, trace(e.getKey())).isLessThanOrEqualTo(bound);
            }
        }

        /** Every datagram to and from {@code ip} (null: any), in order, for the message of a failed check. */
        String trace(Integer ip) {
            List<String> lines = new ArrayList<>();
            int in = 0;
            int out = 0;
            while (in < received.size() || out < sent.size()) {
                boolean takeIn = out >= sent.size() || (in < received.size() && received.get(in).at <= sent.get(out).at);
                Sent s = takeIn ? received.get(in++) : sent.get(out++);
                if (ip == null || s.to.ip() == ip) {
                    lines.add(String.format("  %8.3f s %s %s %d bytes%s: %s", s.at / 1e9, takeIn ? "from" : "to  ", s.to,
                            s.payload.length, takeIn || !s.mayBeMember ? "" : " (may be member)",
                            MessageCodec.decode(s.payload)));
                }
            }
            return String.join(System.lineSeparator(), lines);
        }

        @Override
        public long now() {
            return now;
        }

        @Override
        public Endpoint localAddress() {
            return CLOUD;
        }

        @Override
        public void send(Endpoint to, byte[] payload) {
            sent.add(new Sent(now, to, payload.clone(), mayBeMember(to)));
            Decoded decoded = MessageCodec.decode(payload);
            assertThat(decoded).as("the cloud sent bytes it cannot read").isInstanceOf(Decoded.Ok.class);
            Message m = ((Decoded.Ok) decoded).message();
            if (m instanceof Reliable r) {
                List<Integer> seqs = seqsTo.computeIfAbsent(to, k -> new ArrayList<>());
                seqs.add(r.seq());
                if (seqs.size() > 16) {
                    seqs.remove(0);
                }
            }
            if (m instanceof SessionCreated c && sessionIds.size() < 32) {
                sessionIds.add(c.sessionId());
            } else if (m instanceof SessionFound f && sessionIds.size() < 32) {
                sessionIds.add(f.sessionId());
            } else if (m instanceof JoinAck a) {
                joined.put(to, new int[] {a.sessionId(), a.peerId()});
                joinAckAt.putIfAbsent(to, now);
            }
        }

        @Override
        public long setTimer(long atNanos, Runnable action) {
            long handle = nextTimer++;
            timers.add(new long[] {atNanos, handle});
            actions.put(handle, action);
            return handle;
        }

        @Override
        public void cancelTimer(long handle) {
            actions.remove(handle);
        }

        @Override
        public RandomGenerator random() {
            return random;
        }

        @Override
        public void emit(StepEvent event) {
            assertThat(event.detail()).isNotNull();
        }
    }
}
