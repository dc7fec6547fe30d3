package io.punchsim.scenarios.run;

import io.punchsim.protocol.event.StepEvent;
import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.runtime.Context;
import io.punchsim.protocol.peer.Peer;
import io.punchsim.protocol.runtime.Machine;
import io.punchsim.sim.event.Scheduler;
import io.punchsim.sim.net.Datagram;
import io.punchsim.sim.net.ReceiveHandler;
import io.punchsim.sim.net.UdpSocket;
import io.punchsim.sim.net.Host;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A protocol machine's world on the virtual network: its simulated socket, the run's virtual clock
 * and timers, its own seeded random stream, and the run's event sink. The machine cannot tell it from
 * a real socket.
 */
final class SimContext implements Context {
    private final UdpSocket socket;
    private final Scheduler scheduler;
    private final RandomGenerator random;
    private final Consumer<StepEvent> events;
    private final boolean recording;
    private final TrafficCounter traffic;
    private final Endpoint local;
    /** The node the socket is on, where more sockets are opened; null for none. */
    private Host host;
    private Optional<Endpoint> gateway = Optional.empty();
    /** Sockets opened beyond the machine's own, numbered from 1; grown on demand. */
    private UdpSocket[] extra = new UdpSocket[0];
    private int extraCount;
    /** The network form of the destinations sent to lately. */
    private final RecentConversions<Endpoint, io.punchsim.sim.net.Endpoint> destinations =
            new RecentConversions<>(SimContext::toNetwork);

    /** @param recording whether anyone reads the events' details (a sweep does not) */
    SimContext(UdpSocket socket, Scheduler scheduler, UniformRandomProvider stream, Consumer<StepEvent> events,
            boolean recording, TrafficCounter traffic) {
        this.socket = socket;
        this.scheduler = scheduler;
        this.random = stream::nextLong;
        this.events = events;
        this.recording = recording;
        this.traffic = traffic;
        this.local = toProtocol(socket.local());
    }

    /**
     * Lets the machine open more sockets on {@code node} and names its gateway's port-mapping
     * service ({@code null}: none, a peer not behind a translating NAT).
     */
    void peerOn(Host node, io.punchsim.sim.net.Endpoint gatewayService) {
        this.host = node;
        this.gateway = gatewayService == null ? Optional.empty() : Optional.of(toProtocol(gatewayService));
    }

    @Override
    public Optional<Endpoint> gateway() {
        return gateway;
    }

    @Override
    public int openSockets(int count, SocketReceiver receiver) {
        if (host == null || count <= 0) {
            return 0;
        }
        int first = extraCount + 1;
        if (extra.length < extraCount + count) {
            extra = java.util.Arrays.copyOf(extra, extraCount + count);
        }
        for (int i = 0; i < count; i++) {
            int number = first + i;
            extra[extraCount++] = host.bindEphemeral(d -> receiver.onDatagram(number, toProtocol(d.source()), d.payload()));
        }
        return count;
    }

    @Override
    public void sendFrom(int socket, Endpoint to, byte[] payload) {
        if (socket == 0) {
            send(to, payload);
            return;
        }
        if (socket < 0 || socket > extraCount) {
            throw new IllegalArgumentException("no socket " + socket);
        }
        count(payload);
        extra[socket - 1].send(destinations.of(to), payload);
    }

    /** Delivers what reaches the socket to the machine, with the observed source address. */
    static void wire(UdpSocket socket, Machine machine) {
        socket.onReceive(new Delivery(machine));
    }

    /**
     * Hands a socket's datagrams to its machine. Most go to a peer, whose {@code onDatagram} is
     * final: called on the peer's own type, the call is direct, and the call through the machine
     * interface is left to the cloud and the STUN server, two types a call site can still inline.
     */
    private static final class Delivery implements ReceiveHandler {
        private final Peer peer;
        private final Machine machine;
        private final RecentConversions<io.punchsim.sim.net.Endpoint, Endpoint> sources =
                new RecentConversions<>(SimContext::toProtocol);

        Delivery(Machine machine) {
            this.peer = machine instanceof Peer p ? p : null;
            this.machine = machine;
        }

        @Override
        public void receive(Datagram datagram) {
            Endpoint source = sources.of(datagram.source());
            if (peer != null) {
                peer.onDatagram(source, datagram.payload());
            } else {
                machine.onDatagram(source, datagram.payload());
            }
        }
    }

    @Override
    public long now() {
        return scheduler.now();
    }

    @Override
    public Endpoint localAddress() {
        return local;
    }

    @Override
    public void send(Endpoint to, byte[] payload) {
        count(payload);
        socket.send(destinations.of(to), payload);
    }

    // Apart from send, so that send fits the launcher's inlining budget: machines send every datagram through it.
    private void count(byte[] payload) {
        if (traffic != null) {
            traffic.count(payload);
        }
    }

    @Override
    public long setTimer(long atNanos, Runnable action) {
        return scheduler.schedule(Math.max(atNanos, scheduler.now()), action);
    }

    @Override
    public void cancelTimer(long handle) {
        scheduler.cancel(handle);
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public void emit(StepEvent event) {
        events.accept(event);
    }

    @Override
    public boolean recording() {
        return recording;
    }

    static Endpoint toProtocol(io.punchsim.sim.net.Endpoint endpoint) {
        return new Endpoint(endpoint.ip(), endpoint.port());
    }

    private static io.punchsim.sim.net.Endpoint toNetwork(Endpoint endpoint) {
        return new io.punchsim.sim.net.Endpoint(endpoint.ip(), endpoint.port());
    }
}
