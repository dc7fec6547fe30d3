package io.punchsim.protocol.config;

/**
 * Every parameter of the connection process, with the spec's defaults ({@link #DEFAULTS}) and
 * validated on construction. Change one with the {@code with…} methods.
 *
 * @param attemptIntervalNanos T, between client connection attempts (500 ms)
 * @param attemptLimit L, attempts before the client gives up (10)
 * @param directFraction f, attempts {@code n < f × L} are direct (2/3)
 * @param pingIntervalNanos P, between host pings (equal to T)
 * @param listenTimeoutNanos how long the host listens from K2 before giving up
 * @param stun the STUN request schedule (H9/C9)
 * @param cloud the signalling retransmission schedule
 * @param keepaliveIntervalNanos between keepalives toward the cloud
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
        StartupDelay startupDelay,
        NoSessionPolicy noSession,
        boolean gamePhase,
        int tickRateHz,
        long gamePhaseNanos,
        long echoGraceNanos,
        boolean peerReflexive,
        boolean localCandidates,
        boolean portPrediction,
        int predictedPorts,
        boolean parallelRelay) {

    private static final long MS = 1_000_000L;

    public static final ProtocolConfig DEFAULTS = new ProtocolConfig(
            500 * MS, 10, Fraction.TWO_THIRDS, 500 * MS, 10_000 * MS,
            Retransmission.STUN_DEFAULT, Retransmission.CLOUD_DEFAULT, 10_000 * MS,
            StartupDelay.NONE, NoSessionPolicy.RETRY_DEFAULT,
            true, 20, 2_000 * MS, 1_000 * MS,
            false, false, false, 3, false);

    public ProtocolConfig {
        positive("attempt interval", attemptIntervalNanos);
        positive("ping interval", pingIntervalNanos);
        positive("listen timeout", listenTimeoutNanos);
        positive("keepalive interval", keepaliveIntervalNanos);
        positive("game phase length", gamePhaseNanos);
        positive("echo grace", echoGraceNanos);
        if (attemptLimit < 1 || attemptLimit > 0xFFFF) {
            throw new IllegalArgumentException("attempt limit must be 1..65535: " + attemptLimit);
        }
        if (tickRateHz < 1 || tickRateHz > 1000) {
            throw new IllegalArgumentException("tick rate must be 1..1000 Hz: " + tickRateHz);
        }
        if (predictedPorts < 1 || predictedPorts > 64) {
            throw new IllegalArgumentException("predicted ports must be 1..64: " + predictedPorts);
        }
        if (directFraction == null || stun == null || cloud == null || startupDelay == null || noSession == null) {
            throw new IllegalArgumentException("no parameter may be null");
        }
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    public long tickIntervalNanos() {
        return 1_000_000_000L / tickRateHz;
    }

    /** Updates sent in the game phase. */
    public int gameTicks() {
        return (int) Math.max(1, gamePhaseNanos / tickIntervalNanos());
    }

    /** T changes P with it, as the spec's default has P = T. */
    public ProtocolConfig withAttemptInterval(long nanos) {
        return new ProtocolConfig(nanos, attemptLimit, directFraction, nanos, listenTimeoutNanos, stun, cloud,
                keepaliveIntervalNanos, startupDelay, noSession, gamePhase, tickRateHz, gamePhaseNanos,
                echoGraceNanos, peerReflexive, localCandidates, portPrediction, predictedPorts, parallelRelay);
    }

    public ProtocolConfig withAttemptLimit(int limit) {
        return new ProtocolConfig(attemptIntervalNanos, limit, directFraction, pingIntervalNanos, listenTimeoutNanos,
                stun, cloud, keepaliveIntervalNanos, startupDelay, noSession, gamePhase, tickRateHz, gamePhaseNanos,
                echoGraceNanos, peerReflexive, localCandidates, portPrediction, predictedPorts, parallelRelay);
    }

    public ProtocolConfig withDirectFraction(Fraction f) {
        return new ProtocolConfig(attemptIntervalNanos, attemptLimit, f, pingIntervalNanos, listenTimeoutNanos,
                stun, cloud, keepaliveIntervalNanos, startupDelay, noSession, gamePhase, tickRateHz, gamePhaseNanos,
                echoGraceNanos, peerReflexive, localCandidates, portPrediction, predictedPorts, parallelRelay);
    }

    public ProtocolConfig withPingInterval(long nanos) {
        return new ProtocolConfig(attemptIntervalNanos, attemptLimit, directFraction, nanos, listenTimeoutNanos,
                stun, cloud, keepaliveIntervalNanos, startupDelay, noSession, gamePhase, tickRateHz, gamePhaseNanos,
                echoGraceNanos, peerReflexive, localCandidates, portPrediction, predictedPorts, parallelRelay);
    }

    public ProtocolConfig withListenTimeout(long nanos) {
        return new ProtocolConfig(attemptIntervalNanos, attemptLimit, directFraction, pingIntervalNanos, nanos,
                stun, cloud, keepaliveIntervalNanos, startupDelay, noSession, gamePhase, tickRateHz, gamePhaseNanos,
                echoGraceNanos, peerReflexive, localCandidates, portPrediction, predictedPorts, parallelRelay);
    }

    public ProtocolConfig withStun(Retransmission schedule) {
        return new ProtocolConfig(attemptIntervalNanos, attemptLimit, directFraction, pingIntervalNanos,
                listenTimeoutNanos, schedule, cloud, keepaliveIntervalNanos, startupDelay, noSession, gamePhase,
                tickRateHz, gamePhaseNanos, echoGraceNanos, peerReflexive, localCandidates, portPrediction,
                predictedPorts, parallelRelay);
    }

    public ProtocolConfig withCloud(Retransmission schedule) {
        return new ProtocolConfig(attemptIntervalNanos, attemptLimit, directFraction, pingIntervalNanos,
                listenTimeoutNanos, stun, schedule, keepaliveIntervalNanos, startupDelay, noSession, gamePhase,
                tickRateHz, gamePhaseNanos, echoGraceNanos, peerReflexive, localCandidates, portPrediction,
                predictedPorts, parallelRelay);
    }

    public ProtocolConfig withKeepaliveInterval(long nanos) {
        return new ProtocolConfig(attemptIntervalNanos, attemptLimit, directFraction, pingIntervalNanos,
                listenTimeoutNanos, stun, cloud, nanos, startupDelay, noSession, gamePhase, tickRateHz,
                gamePhaseNanos, echoGraceNanos, peerReflexive, localCandidates, portPrediction, predictedPorts,
                parallelRelay);
    }

    public ProtocolConfig withStartupDelay(StartupDelay delay) {
        return new ProtocolConfig(attemptIntervalNanos, attemptLimit, directFraction, pingIntervalNanos,
                listenTimeoutNanos, stun, cloud, keepaliveIntervalNanos, delay, noSession, gamePhase, tickRateHz,
                gamePhaseNanos, echoGraceNanos, peerReflexive, localCandidates, portPrediction, predictedPorts,
                parallelRelay);
    }

    public ProtocolConfig withNoSession(NoSessionPolicy policy) {
        return new ProtocolConfig(attemptIntervalNanos, attemptLimit, directFraction, pingIntervalNanos,
                listenTimeoutNanos, stun, cloud, keepaliveIntervalNanos, startupDelay, policy, gamePhase, tickRateHz,
                gamePhaseNanos, echoGraceNanos, peerReflexive, localCandidates, portPrediction, predictedPorts,
                parallelRelay);
    }

    public ProtocolConfig withGamePhase(boolean on, int rateHz, long lengthNanos) {
        return new ProtocolConfig(attemptIntervalNanos, attemptLimit, directFraction, pingIntervalNanos,
                listenTimeoutNanos, stun, cloud, keepaliveIntervalNanos, startupDelay, noSession, on, rateHz,
                lengthNanos, echoGraceNanos, peerReflexive, localCandidates, portPrediction, predictedPorts,
                parallelRelay);
    }

    public ProtocolConfig withPeerReflexive(boolean on) {
        return new ProtocolConfig(attemptIntervalNanos, attemptLimit, directFraction, pingIntervalNanos,
                listenTimeoutNanos, stun, cloud, keepaliveIntervalNanos, startupDelay, noSession, gamePhase,
                tickRateHz, gamePhaseNanos, echoGraceNanos, on, localCandidates, portPrediction, predictedPorts,
                parallelRelay);
    }

    public ProtocolConfig withLocalCandidates(boolean on) {
        return new ProtocolConfig(attemptIntervalNanos, attemptLimit, directFraction, pingIntervalNanos,
                listenTimeoutNanos, stun, cloud, keepaliveIntervalNanos, startupDelay, noSession, gamePhase,
                tickRateHz, gamePhaseNanos, echoGraceNanos, peerReflexive, on, portPrediction, predictedPorts,
                parallelRelay);
    }

    public ProtocolConfig withPortPrediction(boolean on, int ports) {
        return new ProtocolConfig(attemptIntervalNanos, attemptLimit, directFraction, pingIntervalNanos,
                listenTimeoutNanos, stun, cloud, keepaliveIntervalNanos, startupDelay, noSession, gamePhase,
                tickRateHz, gamePhaseNanos, echoGraceNanos, peerReflexive, localCandidates, on, ports,
                parallelRelay);
    }

    public ProtocolConfig withParallelRelay(boolean on) {
        return new ProtocolConfig(attemptIntervalNanos, attemptLimit, directFraction, pingIntervalNanos,
                listenTimeoutNanos, stun, cloud, keepaliveIntervalNanos, startupDelay, noSession, gamePhase,
                tickRateHz, gamePhaseNanos, echoGraceNanos, peerReflexive, localCandidates, portPrediction,
                predictedPorts, on);
    }
}
