package io.punchsim.protocol.harness;

import io.punchsim.protocol.cloud.CloudLimits;
import io.punchsim.protocol.cloud.CloudServer;
import io.punchsim.protocol.config.ProtocolConfig;
import io.punchsim.protocol.event.Role;
import io.punchsim.protocol.event.Step;
import io.punchsim.protocol.event.StepEvent;
import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.peer.ClientPeer;
import io.punchsim.protocol.peer.HostPeer;
import io.punchsim.protocol.wire.Decoded;
import io.punchsim.protocol.wire.Message;
import io.punchsim.protocol.wire.MessageCodec;
import java.util.List;
import java.util.Optional;

/** A host, a client, the cloud and a STUN server on a {@link TestNet}. */
public final class World {

    public static final Endpoint CLOUD = Endpoint.parse("203.0.113.1:5055");
    public static final Endpoint STUN = Endpoint.parse("198.51.100.1:3478");
    public static final Endpoint HOST = Endpoint.parse("10.0.0.1:4000");
    public static final Endpoint CLIENT = Endpoint.parse("10.1.0.1:5000");

    /**
     * The default process with exact timings to assert on: no start-up delay, and the game phase
     * on (20 Hz for 2 s) so that round trips are measured. Tests of the defaults themselves use
     * {@code ProtocolConfig.DEFAULTS}.
     */
    public static final ProtocolConfig TIMED = ProtocolConfig.builder()
            .startupDelay(io.punchsim.protocol.config.StartupDelay.NONE)
            .gamePhase(true).tickRate(20).gamePhaseLength(2_000_000_000L).build();

    public final TestNet net;
    public final CloudServer cloud;
    public final StunResponder stun = new StunResponder();
    public final HostPeer host;
    public final ClientPeer client;
    public final long seed;

    public World(ProtocolConfig config, long seed) {
        this(config, seed, CloudLimits.DEFAULTS);
    }

    public World(ProtocolConfig config, long seed, CloudLimits limits) {
        this.seed = seed;
        this.net = new TestNet(seed);
        this.cloud = new CloudServer(config, limits);
        this.host = new HostPeer(config, CLOUD, STUN);
        this.client = new ClientPeer(config, CLOUD, STUN);
        net.add(CLOUD, cloud);
        net.add(STUN, stun);
        net.add(HOST, host);
        net.add(CLIENT, client);
    }

    /** Starts the cloud and STUN at 0, the host at 0 and the client at {@code clientStart}. */
    public World start(long clientStart) {
        net.start(CLOUD, 0);
        net.start(STUN, 0);
        net.start(HOST, 0);
        net.start(CLIENT, clientStart);
        return this;
    }

    public World runUntilClientFinished(long limit) {
        net.runUntil(client::isFinished, limit);
        return this;
    }

    public long eventTime(Role role, Step step) {
        return event(role, step).orElseThrow(() -> new AssertionError(role + " " + step + " never happened (seed "
                + seed + ")")).atNanos();
    }

    public Optional<StepEvent> event(Role role, Step step) {
        return net.events().stream().filter(e -> e.role() == role && e.step() == step).findFirst();
    }

    public List<StepEvent> events(Role role, Step step) {
        return net.events().stream().filter(e -> e.role() == role && e.step() == step).toList();
    }

    public static Message decode(byte[] payload) {
        Decoded d = MessageCodec.decode(payload);
        return d instanceof Decoded.Ok ok ? ok.message() : null;
    }

    /** The peer message inside a relay datagram, or null. */
    public static Message relayed(byte[] payload) {
        return decode(payload) instanceof Message.Relay r ? decode(r.payload()) : null;
    }
}
