package io.punchsim.protocol.stun;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.punchsim.protocol.event.StepEvent;
import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.runtime.Context;
import io.punchsim.protocol.stun.StunAttribute.ChangeRequest;
import io.punchsim.protocol.stun.StunAttribute.Fingerprint;
import io.punchsim.protocol.stun.StunAttribute.Opaque;
import io.punchsim.protocol.stun.StunAttribute.Padding;
import io.punchsim.protocol.stun.StunAttribute.ResponsePort;
import io.punchsim.protocol.stun.StunAttribute.Software;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Coverage-guided fuzzing of a whole {@link StunServer} (README "Fuzzing"), plain or as the four
 * sockets of an RFC 5780 server: one input is a run on virtual time, datagrams from arbitrary
 * sources to any of the sockets (raw bytes, or Binding requests built from fuzzed attributes:
 * CHANGE-REQUEST, RESPONSE-PORT, PADDING, unknown types, FINGERPRINT) and jumps of the clock.
 * After every datagram: no handler failed; at most one answer went out, to the sender's own
 * address, with the request's transaction id, decodable, and no larger than the larger of 88
 * bytes and the request plus 68 (the amplification table of realnet/README.md, PADDING echoed
 * included). Answers from another address or port, or to another port, follow an independent
 * model of each source address's budget: one goes out only when the model has a use left; one is
 * withheld only when the model has none, or when the server's table of a few remembered budgets
 * is full of addresses that used theirs within the last interval and span (it fails closed, and
 * looks for room at most once per interval). Sources come from a handful of addresses and from
 * anywhere, so the table fills. The seeds are in {@code StunServerFuzzTestInputs/datagrams}.
 */
class StunServerFuzzTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final Endpoint PRIMARY = Endpoint.parse("203.0.113.1:3478");
    private static final Endpoint ALTERNATE = Endpoint.parse("203.0.113.2:3479");
    /** Small, so that an input of a few hundred bytes spends it. */
    private static final int CHANGED_PER_MINUTE = 3;
    private static final long INTERVAL = MINUTE / CHANGED_PER_MINUTE;
    private static final long SPAN = INTERVAL * CHANGED_PER_MINUTE;
    /** Budgets the server remembers: few, so that a run fills the table. */
    private static final int SOURCES = 4;
    private static final int MAX_STEPS = 200;
    /** The largest answer to a request of no more than 20 bytes of attributes (RFC 5780 mode). */
    private static final int LARGEST_SMALL_ANSWER = 88;
    /** What an answer adds to a request that carries PADDING, which it echoes. */
    private static final int ECHO_OVERHEAD = 68;

    @FuzzTest(maxDuration = "20s")
    void datagrams(FuzzedDataProvider data) {
        Run run = new Run(data.consumeBoolean());
        for (int step = 0; step < MAX_STEPS && data.remainingBytes() > 0; step++) {
            run.step(data);
        }
    }

    /** One run: the server's sockets on a virtual clock, and what went out of them. */
    private static final class Run {
        final Map<Endpoint, StunServer> servers = new HashMap<>();
        final List<Endpoint> sockets = new ArrayList<>();
        final boolean rfc5780;
        final RandomGenerator random = new SplittableRandom(7);
        long now;
        final List<Sent> step = new ArrayList<>();
        /** The model: per source address, when its budget is whole again (absent: whole). */
        final Map<Integer, Long> wholeAt = new HashMap<>();

        record Sent(Endpoint from, Endpoint to, byte[] payload) {}

        Run(boolean rfc5780) {
            this.rfc5780 = rfc5780;
            Map<Endpoint, StunServer> machines = rfc5780
                    ? StunServer.withAlternate(PRIMARY, ALTERNATE, StunServer.DEFAULT_SOFTWARE, CHANGED_PER_MINUTE, SOURCES)
                    : Map.of(PRIMARY, new StunServer());
            machines.forEach((socket, server) -> {
                servers.put(socket, server);
                sockets.add(socket);
                server.start(new Socket(socket));
            });
            sockets.sort((a, b) -> Long.compare(((long) a.ip() << 16) | a.port(), ((long) b.ip() << 16) | b.port()));
        }

        void step(FuzzedDataProvider data) {
            int op = data.consumeInt(0, 5);
            if (op == 0) {
                now += data.consumeLong(0, 2 * MINUTE);
                return;
            }
            Endpoint to = sockets.get(data.consumeInt(0, sockets.size() - 1));
            Endpoint source = data.consumeInt(0, 3) == 0
                    ? new Endpoint(data.consumeInt(), data.consumeInt(1, 65535))
                    : new Endpoint(Endpoint.parseIp("198.51.100." + data.consumeInt(1, 2 * SOURCES)), 40_000 + data.consumeInt(0, 3));
            byte[] request = op == 1 ? data.consumeBytes(data.consumeInt(0, 600)) : binding(data);
            deliver(source, to, request);
        }

        /** A Binding request with fuzzed attributes, as an RFC 5780 client (or an attacker) builds it. */
        byte[] binding(FuzzedDataProvider data) {
            List<StunAttribute> attributes = new ArrayList<>();
            int n = data.consumeInt(0, 4);
            for (int i = 0; i < n; i++) {
                switch (data.consumeInt(0, 4)) {
                    case 0 -> attributes.add(new ChangeRequest(data.consumeBoolean(), data.consumeBoolean()));
                    case 1 -> attributes.add(new ResponsePort(data.consumeInt(0, 65535)));
                    case 2 -> attributes.add(new Padding(data.consumeInt(0, 1200)));
                    case 3 -> attributes.add(new Software(data.consumeAsciiString(40)));
                    default -> attributes.add(new Opaque(data.consumeInt(0, 0xFFFF), data.consumeBytes(data.consumeInt(0, 12))));
                }
            }
            if (data.consumeBoolean()) {
                attributes.add(Fingerprint.toBeComputed());
            }
            StunClass messageClass = data.consumeBoolean() ? StunClass.REQUEST : StunClass.INDICATION;
            TransactionId id = new TransactionId(Arrays.copyOf(data.consumeBytes(12), 12));
            try {
                return StunEncoder.encode(new StunMessage(StunMessage.BINDING, messageClass, id, attributes));
            } catch (IllegalArgumentException e) {
                // Fields the encoder refuses (a reserved type, an oversized value): send raw bytes instead.
                return data.consumeBytes(64);
            }
        }

        void deliver(Endpoint source, Endpoint to, byte[] request) {
            step.clear();
            StunServer server = servers.get(to);
            long withheldBefore = server.changedAnswersWithheld();
            server.onDatagram(source, request.clone());
            if (server.changedAnswersWithheld() > withheldBefore) {
                checkWithheld(source.ip());
            }
            assertThat(servers.values().stream().mapToLong(StunServer::unhandled).sum()).as("datagrams whose handling failed").isZero();
            assertThat(step).as("answers to one datagram").hasSizeLessThanOrEqualTo(1);
            if (step.isEmpty()) {
                return;
            }
            Sent answer = step.get(0);
            assertThat(answer.to.ip()).as("an answer goes to the sender's own address").isEqualTo(source.ip());
            assertThat(answer.payload.length).as("answer to a request of %d bytes", request.length)
                    .isLessThanOrEqualTo(Math.max(LARGEST_SMALL_ANSWER, request.length + ECHO_OVERHEAD));
            DecodeResult decoded = StunDecoder.decode(answer.payload);
            assertThat(decoded).as("the server sent bytes it cannot read").isInstanceOf(Decoded.class);
            byte[] requestId = Arrays.copyOfRange(request, 8, 20);
            assertThat(((Decoded) decoded).message().transactionId().bytes()).as("the answer's transaction id").isEqualTo(requestId);
            if (!answer.from.equals(to) || !answer.to.equals(source)) {
                assertThat(rfc5780).as("a plain server answers from the socket asked, to the sender").isTrue();
                assertThat(modelAllows(source.ip())).as("a changed answer to %s at %d ns with its budget spent",
                        Endpoint.formatIp(source.ip()), now).isTrue();
                wholeAt.put(source.ip(), Math.max(wholeAt.getOrDefault(source.ip(), now), now) + INTERVAL);
            }
        }

        /** A generic cell rate: the burst at once, then one use more per interval. */
        boolean modelAllows(int address) {
            return Math.max(wholeAt.getOrDefault(address, now), now) + INTERVAL - now <= SPAN;
        }

        /**
         * A changed answer withheld: the source's budget is spent, or the table is full. Full means
         * that at the server's last search for room, no more than an interval ago, every place held
         * a budget still refilling: as many other addresses as it has places were, by the model,
         * not whole an interval ago.
         */
        void checkWithheld(int address) {
            if (!modelAllows(address)) {
                return;
            }
            long searchedNoEarlierThan = now - INTERVAL;
            long refilling = wholeAt.entrySet().stream()
                    .filter(e -> e.getKey() != address && e.getValue() > searchedNoEarlierThan).count();
            assertThat(refilling).as("%s withheld at %d ns with budget left, while only %d other addresses were refilling",
                    Endpoint.formatIp(address), now, refilling).isGreaterThanOrEqualTo(SOURCES);
        }

        /** The context of one socket of the server. */
        private final class Socket implements Context {
            final Endpoint local;

            Socket(Endpoint local) {
                this.local = local;
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
                step.add(new Sent(local, to, payload.clone()));
            }

            @Override
            public long setTimer(long atNanos, Runnable action) {
                throw new AssertionError("a STUN server keeps no timers");
            }

            @Override
            public void cancelTimer(long handle) {
                throw new AssertionError("a STUN server keeps no timers");
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
}
