package io.punchsim.scenarios.model;

import io.punchsim.reports.gate.JudgedOn;
import java.util.Optional;

/**
 * The one place scenario defaults live. The protocol values are the SPEC defaults (500 ms attempt
 * interval, 10 attempts, 2/3 direct); the network values describe an ordinary broadband peer.
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
    public static final LatencySpec STARTUP_DELAY = new LatencySpec.Uniform(0L, 100 * MS);
    public static final LatencySpec HOST_JOIN_DELAY = new LatencySpec.Constant(0L);
    public static final LatencySpec CLIENT_JOIN_DELAY = new LatencySpec.Uniform(0L, 2 * S);
    public static final boolean SAME_LAN = false;
    public static final LatencySpec CLOUD_LATENCY = new LatencySpec.Constant(30 * MS);
    public static final LatencySpec STUN_LATENCY = new LatencySpec.Constant(20 * MS);

    public static final long ATTEMPT_INTERVAL = 500 * MS;
    public static final int ATTEMPT_LIMIT = 10;
    public static final double DIRECT_FRACTION = 2.0 / 3.0;
    /** Absent, the ping interval follows the attempt interval (SPEC 2.3: P defaults to T). */
    public static final Optional<Long> PING_INTERVAL = Optional.empty();
    public static final long LISTEN_TIMEOUT = 10 * S;
    public static final long STUN_RTO = 500 * MS;
    public static final int STUN_MAX_REQUESTS = 7;
    public static final long CLOUD_RTO = 250 * MS;
    public static final int CLOUD_MAX_RETRANSMITS = 6;
    public static final long CLOUD_KEEPALIVE = 15 * S;
    public static final VariantsSpec VARIANTS = new VariantsSpec(false, false, false, false);
    public static final int NO_SESSION_RETRIES = 3;
    public static final long NO_SESSION_BACKOFF = 1 * S;
    public static final boolean GAME_PHASE_ENABLED = false;
    public static final double GAME_TICK_RATE = 30.0;
    public static final long GAME_LENGTH = 5 * S;

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
