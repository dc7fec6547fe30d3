package io.punchsim.scenarios.model;

import io.punchsim.protocol.config.ProtocolParameters;
import io.punchsim.nat.CapPolicy;
import io.punchsim.nat.FilteringBehaviour;
import io.punchsim.nat.Lifetime;
import io.punchsim.nat.MappingBehaviour;
import io.punchsim.nat.NatBehaviour;
import io.punchsim.nat.NatMode;
import io.punchsim.nat.NatPresets;
import io.punchsim.nat.Pooling;
import io.punchsim.nat.PortAllocation;
import io.punchsim.nat.PortRange;
import io.punchsim.nat.PortReuse;
import io.punchsim.reports.gate.JudgedOn;

/**
 * The one place the defaults of a scenario's network live; they describe an ordinary broadband
 * peer. The protocol's defaults are declared with its parameters, in {@code ProtocolParameters}.
 */
public final class ScenarioDefaults {

    public static final long MS = 1_000_000L;
    public static final long S = 1_000_000_000L;

    public static final int SEEDS = 10_000;
    public static final long ROOT_SEED = 1L;

    public static final NatSpec NAT = new PresetNat(NatPresets.byName("port-restricted-cone"));
    public static final LatencySpec ACCESS_LATENCY = new LatencySpec.Constant(10 * MS);
    public static final long JITTER = 0L;
    public static final boolean FIFO = true;
    public static final LossSpec LOSS = new LossSpec.Bernoulli(0.0);
    public static final double DUPLICATION = 0.0;
    /** The protocol table's start-up delay, which a scenario gives per peer as a distribution. */
    public static final LatencySpec STARTUP_DELAY = new LatencySpec.Uniform(
            ProtocolParameters.STARTUP_DELAY.defaultValue().minNanos(),
            ProtocolParameters.STARTUP_DELAY.defaultValue().maxNanos());
    public static final LatencySpec HOST_JOIN_DELAY = new LatencySpec.Constant(0L);
    public static final LatencySpec CLIENT_JOIN_DELAY = new LatencySpec.Uniform(0L, 2 * S);
    public static final boolean SAME_LAN = false;
    /** One client: the pair the vendor page describes; {@code session.clients} asks for more. */
    public static final int CLIENTS = 1;
    /** The most clients a session may hold: Fusion's largest PlayerCount (256) less its host. */
    public static final int MAX_CLIENTS = 255;
    public static final LatencySpec CLOUD_LATENCY = new LatencySpec.Constant(30 * MS);
    public static final LatencySpec STUN_LATENCY = new LatencySpec.Constant(20 * MS);

    /** A custom NAT without a base preset starts from this: a well-behaved RFC 4787 home NAT. */
    public static final NatBehaviour CUSTOM_NAT = new NatBehaviour(
            NatMode.TRANSLATE,
            MappingBehaviour.ENDPOINT_INDEPENDENT,
            FilteringBehaviour.ADDRESS_AND_PORT_DEPENDENT,
            new PortAllocation.Preserve(new PortAllocation.Sequential(1)),
            PortRange.UNPRIVILEGED,
            PortReuse.EXCLUSIVE,
            Lifetime.of(java.time.Duration.ofSeconds(120)),
            false,
            false,
            Pooling.PAIRED,
            65_536,
            CapPolicy.DROP_NEW);
    public static final int NAT_EXTERNAL_ADDRESSES = 1;

    public static final JudgedOn JUDGED_ON = JudgedOn.ESTIMATE;

    private ScenarioDefaults() {
    }

    /** Between the peers' access links: instant and lossless unless the file says otherwise. */
    public static LinkSpec.Direction peerPathDirection() {
        return new LinkSpec.Direction(new LatencySpec.Constant(0L), JITTER, FIFO, LOSS, DUPLICATION);
    }

    public static LinkSpec.Direction linkDirection() {
        return new LinkSpec.Direction(ACCESS_LATENCY, JITTER, FIFO, LOSS, DUPLICATION);
    }
}
