package io.punchsim.scenarios.run;

import io.punchsim.protocol.config.Fraction;
import io.punchsim.protocol.config.NoSessionPolicy;
import io.punchsim.protocol.config.ProtocolConfig;
import io.punchsim.protocol.config.Retransmission;
import io.punchsim.scenarios.model.ProtocolSpec;

/** Turns the scenario's protocol section into the state machines' immutable config. */
final class ProtocolConfigs {
    private ProtocolConfigs() {}

    static ProtocolConfig of(ProtocolSpec spec) {
        ProtocolConfig defaults = ProtocolConfig.DEFAULTS;
        Retransmission stun = new Retransmission(spec.stunRtoNanos(), spec.stunMaxRequests(),
                defaults.stun().finalWaitNanos());
        Retransmission cloud = new Retransmission(spec.cloudRtoNanos(), spec.cloudMaxRetransmits(),
                defaults.cloud().finalWaitNanos());
        NoSessionPolicy noSession = spec.noSession().retries() == 0
                ? NoSessionPolicy.FAIL
                : new NoSessionPolicy(spec.noSession().retries(), spec.noSession().backoffNanos(),
                        Math.max(spec.noSession().backoffNanos(), defaults.noSession().maxBackoffNanos()));
        ProtocolSpec.GamePhase game = spec.gamePhase();
        return defaults
                .withAttemptInterval(spec.attemptIntervalNanos())
                .withAttemptLimit(spec.attemptLimit())
                .withDirectFraction(fraction(spec.directFraction()))
                .withPingInterval(spec.pingIntervalNanos())
                .withListenTimeout(spec.listenTimeoutNanos())
                .withStun(stun)
                .withCloud(cloud)
                .withKeepaliveInterval(spec.cloudKeepaliveNanos())
                .withNoSession(noSession)
                .withGamePhase(game.enabled(), (int) Math.max(1, Math.round(game.tickRateHz())),
                        game.enabled() ? game.lengthNanos() : defaults.gamePhaseNanos())
                .withPeerReflexive(spec.variants().peerReflexive())
                .withLocalCandidates(spec.variants().localCandidates())
                .withPortPrediction(spec.variants().portPrediction(), defaults.predictedPorts())
                .withParallelRelay(spec.variants().parallelRelay());
    }

    /**
     * The direct fraction as the smallest fraction within 1e-9 of the scenario's value: the client
     * compares attempt numbers with it exactly, so 2/3 must stay 2/3 rather than 0.6666666667.
     */
    static Fraction fraction(double value) {
        for (int denominator = 1; denominator <= 1000; denominator++) {
            long numerator = Math.round(value * denominator);
            if (Math.abs((double) numerator / denominator - value) < 1e-9) {
                return new Fraction((int) numerator, denominator);
            }
        }
        return new Fraction((int) Math.round(value * 1_000_000), 1_000_000);
    }
}
