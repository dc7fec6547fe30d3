package io.punchsim.scenarios.model;

import io.punchsim.protocol.config.ProtocolParameters;

/**
 * The one place the defaults of a scenario's network live; they describe an ordinary broadband
 * peer. The protocol's defaults are declared with its parameters, in {@code ProtocolParameters}.
 */
public final class ScenarioDefaults {

    public static final long MS = 1_000_000L;
    public static final long S = 1_000_000_000L;

    public static final int SEEDS = 10_000;
    public static final long ROOT_SEED = 1L;

    public static final NatSpec NAT = new PresetNat(NatPreset.PORT_RESTRICTED_CONE);
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
    public static final LatencySpec CLOUD_LATENCY = new LatencySpec.Constant(30 * MS);
    public static final LatencySpec STUN_LATENCY = new LatencySpec.Constant(20 * MS);

    // A custom NAT without a base preset starts from these (a well-behaved RFC 4787 home NAT).
    public static final NatBehaviour.Behaviour NAT_MAPPING = NatBehaviour.Behaviour.ENDPOINT_INDEPENDENT;
    public static final NatBehaviour.Behaviour NAT_FILTERING = NatBehaviour.Behaviour.ADDRESS_AND_PORT_DEPENDENT;
    public static final NatBehaviour.PortAllocation NAT_ALLOCATION = NatBehaviour.PortAllocation.PRESERVE;
    public static final int NAT_PORT_STEP = 1;
    public static final NatBehaviour.PortRange NAT_PORT_RANGE = new NatBehaviour.PortRange(1024, 65535);
    public static final long NAT_LIFETIME = 120 * S;
    public static final boolean NAT_INBOUND_REFRESH = false;
    public static final boolean NAT_HAIRPINNING = false;
    public static final int NAT_EXTERNAL_ADDRESSES = 1;
    public static final NatBehaviour.Pooling NAT_POOLING = NatBehaviour.Pooling.PAIRED;
    public static final int NAT_MAX_MAPPINGS = 65_536;
    public static final NatBehaviour.OnFull NAT_ON_FULL = NatBehaviour.OnFull.DROP;

    public static final GateSpec.JudgedOn JUDGED_ON = GateSpec.JudgedOn.ESTIMATE;

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
