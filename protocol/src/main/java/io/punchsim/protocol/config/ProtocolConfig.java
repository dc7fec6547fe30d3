package io.punchsim.protocol.config;

import java.util.Optional;

/**
 * Every parameter of the connection process, immutable. Each is declared once, with its default,
 * range and meaning, in {@link ProtocolParameters}; {@link #DEFAULTS} is that table's defaults and
 * {@link #builder()} the one way to change them. A config outside the table's ranges cannot be
 * built, so what the state machines read has been checked where its text was read.
 *
 * @param attemptIntervalNanos T, between client connection attempts
 * @param attemptLimit L, attempts before the client gives up
 * @param directFraction f, attempts {@code n < f × L} are direct
 * @param pingIntervalNanos P, between host pings
 * @param listenTimeoutNanos how long the host listens from K2 before giving up
 * @param stun the STUN request schedule (H9/C9)
 * @param cloud the signalling retransmission schedule
 * @param keepaliveIntervalNanos between keepalives toward the cloud
 * @param memberLifetimeNanos how long the cloud keeps an endpoint it no longer hears from
 * @param startupDelay step H7/C7
 * @param noSession what the client does on {@code NoSession}
 * @param gamePhase whether the client sends game updates once connected
 * @param tickRateHz game updates per second
 * @param gamePhaseNanos how long the game phase lasts
 * @param echoGraceNanos how long the client waits for the last echo after the last update
 * @param peerReflexive variant: adopt unexpected source addresses as targets
 * @param localCandidates variant: also target the peer's local address
 * @param portPrediction variant: also target the next {@code predictedPorts} ports
 * @param predictedPorts how many ports above the reflexive one {@code portPrediction} tries
 * @param parallelRelay variant: relay attempts alongside direct ones from attempt 0
 * @param sessionCapacity players a session holds, its host included (Fusion's PlayerCount)
 * @param portMapping variant: ask the gateway NAT for a mapping and report it as the reflexive address
 * @param birthdayPunch variant: birthday-paradox punching when one side's NAT maps per destination
 * @param birthdayPorts sockets the hard side of {@code birthdayPunch} sends from
 * @param birthdayProbes probes the easy side of {@code birthdayPunch} sends at most
 * @param birthdayProbeIntervalNanos between the easy side's probes
 * @param birthdayLowestPort one end of the ports the easy side probes
 * @param birthdayHighestPort the other end (the range runs from the lower of the two to the higher)
 * @param lanStage variant: Fusion's local stage, the first direct attempts to a peer in one's own subnet go to its local address
 * @param relayWithoutReflexive variant: a peer whose STUN failed reports no reflexive address and the pair relays at once
 * @param relayFirst variant: connect through the relay first, upgrade to direct when a direct accept arrives
 */
public record ProtocolConfig(
        long attemptIntervalNanos,
        int attemptLimit,
        Fraction directFraction,
        long pingIntervalNanos,
        long listenTimeoutNanos,
        Retransmission stun,
        Retransmission cloud,
        long keepaliveIntervalNanos,
        long memberLifetimeNanos,
        StartupDelay startupDelay,
        NoSessionPolicy noSession,
        boolean gamePhase,
        double tickRateHz,
        long gamePhaseNanos,
        long echoGraceNanos,
        boolean peerReflexive,
        boolean localCandidates,
        boolean portPrediction,
        int predictedPorts,
        boolean parallelRelay,
        int sessionCapacity,
        boolean portMapping,
        boolean birthdayPunch,
        int birthdayPorts,
        int birthdayProbes,
        long birthdayProbeIntervalNanos,
        int birthdayLowestPort,
        int birthdayHighestPort,
        boolean lanStage,
        boolean relayWithoutReflexive,
        boolean relayFirst) {

    public static final ProtocolConfig DEFAULTS = builder().build();

    public ProtocolConfig {
        if (directFraction == null || stun == null || cloud == null || startupDelay == null || noSession == null) {
            throw new IllegalArgumentException("no parameter may be null");
        }
    }

    /** A builder holding the defaults of {@link ProtocolParameters}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this config's values: each row of {@link ProtocolParameters} reads its
     * value here and sets it there, so no parameter can be left out of the copy.
     */
    public Builder toBuilder() {
        Builder b = new Builder(false);
        for (Parameter<?> p : ProtocolParameters.ALL) {
            p.copy(this, b);
        }
        return b;
    }

    /** Between game updates; a rate too low to tick twice in the phase sends one update. */
    public long tickIntervalNanos() {
        return (long) (1e9 / tickRateHz);
    }

    /** Updates sent in the game phase. */
    public int gameTicks() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, gamePhaseNanos / tickIntervalNanos()));
    }

    /**
     * Collects values one parameter at a time. The setters are what the rows of
     * {@link ProtocolParameters} call; {@link #build()} refuses values outside their ranges, naming
     * the parameter's key.
     */
    public static final class Builder {
        private long attemptInterval;
        private int attemptLimit;
        private Fraction directFraction;
        /** {@code null}: P follows T (SPEC 2.3). */
        private Long pingInterval;
        private long listenTimeout;
        private long stunRto;
        private int stunMaxRequests;
        private long stunFinalWait;
        private long cloudRto;
        private int cloudMaxRetransmits;
        private long cloudFinalWait;
        private long keepaliveInterval;
        /** {@code null}: four keepalive intervals. */
        private Long memberLifetime;
        private StartupDelay startupDelay;
        private int noSessionRetries;
        private long noSessionBackoff;
        private long noSessionMaxBackoff;
        private boolean gamePhase;
        private double tickRate;
        private long gamePhaseLength;
        private long echoGrace;
        private boolean peerReflexive;
        private boolean localCandidates;
        private boolean portPrediction;
        private int predictedPorts;
        private boolean parallelRelay;
        private int sessionCapacity;
        private boolean portMapping;
        private boolean birthdayPunch;
        private int birthdayPorts;
        private int birthdayProbes;
        private long birthdayProbeInterval;
        private int birthdayLowestPort;
        private int birthdayHighestPort;
        private boolean lanStage;
        private boolean relayWithoutReflexive;
        private boolean relayFirst;

        private Builder() {
            this(true);
        }

        private Builder(boolean defaults) {
            if (defaults) {
                for (Parameter<?> p : ProtocolParameters.ALL) {
                    p.applyDefault(this);
                }
            }
        }

        public Builder attemptInterval(long nanos) { attemptInterval = nanos; return this; }
        public Builder attemptLimit(int n) { attemptLimit = n; return this; }
        public Builder directFraction(Fraction f) { directFraction = f; return this; }
        /** {@code null} makes P follow T again. */
        public Builder pingInterval(Long nanos) { pingInterval = nanos; return this; }
        public Builder listenTimeout(long nanos) { listenTimeout = nanos; return this; }
        public Builder stunRto(long nanos) { stunRto = nanos; return this; }
        public Builder stunMaxRequests(int n) { stunMaxRequests = n; return this; }
        public Builder stunFinalWait(long nanos) { stunFinalWait = nanos; return this; }
        public Builder cloudRto(long nanos) { cloudRto = nanos; return this; }
        public Builder cloudMaxRetransmits(int n) { cloudMaxRetransmits = n; return this; }
        public Builder cloudFinalWait(long nanos) { cloudFinalWait = nanos; return this; }
        public Builder keepaliveInterval(long nanos) { keepaliveInterval = nanos; return this; }
        /** {@code null} makes it follow the keepalive interval again (four of them). */
        public Builder memberLifetime(Long nanos) { memberLifetime = nanos; return this; }
        public Builder startupDelay(StartupDelay delay) { startupDelay = delay; return this; }
        public Builder noSessionRetries(int n) { noSessionRetries = n; return this; }
        public Builder noSessionBackoff(long nanos) { noSessionBackoff = nanos; return this; }
        public Builder noSessionMaxBackoff(long nanos) { noSessionMaxBackoff = nanos; return this; }
        public Builder gamePhase(boolean on) { gamePhase = on; return this; }
        public Builder tickRate(double hz) { tickRate = hz; return this; }
        public Builder gamePhaseLength(long nanos) { gamePhaseLength = nanos; return this; }
        public Builder echoGrace(long nanos) { echoGrace = nanos; return this; }
        public Builder peerReflexive(boolean on) { peerReflexive = on; return this; }
        public Builder localCandidates(boolean on) { localCandidates = on; return this; }
        public Builder portPrediction(boolean on) { portPrediction = on; return this; }
        public Builder predictedPorts(int n) { predictedPorts = n; return this; }
        public Builder parallelRelay(boolean on) { parallelRelay = on; return this; }
        public Builder sessionCapacity(int players) { sessionCapacity = players; return this; }
        public Builder portMapping(boolean on) { portMapping = on; return this; }
        public Builder birthdayPunch(boolean on) { birthdayPunch = on; return this; }
        public Builder birthdayPorts(int n) { birthdayPorts = n; return this; }
        public Builder birthdayProbes(int n) { birthdayProbes = n; return this; }
        public Builder birthdayProbeInterval(long nanos) { birthdayProbeInterval = nanos; return this; }
        public Builder birthdayLowestPort(int port) { birthdayLowestPort = port; return this; }
        public Builder birthdayHighestPort(int port) { birthdayHighestPort = port; return this; }
        public Builder lanStage(boolean on) { lanStage = on; return this; }
        public Builder relayWithoutReflexive(boolean on) { relayWithoutReflexive = on; return this; }
        public Builder relayFirst(boolean on) { relayFirst = on; return this; }

        /**
         * @throws IllegalArgumentException naming every parameter whose value is outside its range
         */
        public ProtocolConfig build() {
            // Each range is checked before anything is constructed from it, so the message names keys.
            ProtocolConfig config = construct();
            Optional<String> problem = ProtocolParameters.problemIn(config);
            if (problem.isPresent()) {
                throw new IllegalArgumentException("protocol parameters: " + problem.get());
            }
            return config;
        }

        private ProtocolConfig construct() {
            try {
                return new ProtocolConfig(attemptInterval, attemptLimit, directFraction,
                        pingInterval == null ? attemptInterval : pingInterval, listenTimeout,
                        new Retransmission(stunRto, stunMaxRequests, stunFinalWait),
                        new Retransmission(cloudRto, cloudMaxRetransmits + 1, cloudFinalWait),
                        keepaliveInterval, memberLifetime == null ? 4 * keepaliveInterval : memberLifetime,
                        startupDelay,
                        new NoSessionPolicy(noSessionRetries, noSessionBackoff, noSessionMaxBackoff),
                        gamePhase, tickRate, gamePhaseLength, echoGrace,
                        peerReflexive, localCandidates, portPrediction, predictedPorts, parallelRelay,
                        sessionCapacity, portMapping, birthdayPunch, birthdayPorts, birthdayProbes,
                        birthdayProbeInterval, birthdayLowestPort, birthdayHighestPort,
                        lanStage, relayWithoutReflexive, relayFirst);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("protocol parameters: " + e.getMessage(), e);
            }
        }
    }
}
