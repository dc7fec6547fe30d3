package io.punchsim.realnet.peer;

import io.punchsim.protocol.config.Fraction;
import io.punchsim.protocol.config.NoSessionPolicy;
import io.punchsim.protocol.config.ProtocolConfig;
import io.punchsim.protocol.config.Retransmission;
import io.punchsim.protocol.config.StartupDelay;
import io.punchsim.realnet.Durations;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every parameter and variant of the connection process as a command-line flag, so a real run can
 * use exactly the configuration a simulated one did. One table serves every front end.
 */
public final class ProtocolFlags {

    /**
     * One flag.
     *
     * @param name e.g. {@code --attempt-interval}
     * @param label the value's placeholder, or empty for a switch
     * @param description one line for the help, with the default
     */
    public record Flag(String name, String label, String description) {
        public boolean isSwitch() {
            return label.isEmpty();
        }
    }

    public static final List<Flag> FLAGS = List.of(
            new Flag("--attempt-interval", "DURATION", "T, between client connection attempts; also sets the ping interval unless given (default 500ms)"),
            new Flag("--attempt-limit", "N", "L, attempts before the client gives up (default 10)"),
            new Flag("--direct-fraction", "FRACTION", "f, attempts n < f x L go direct, the rest through the cloud; 2/3 or 0.5 (default 2/3)"),
            new Flag("--ping-interval", "DURATION", "P, between host pings (default: the attempt interval)"),
            new Flag("--listen-timeout", "DURATION", "how long the host listens from K2, and waits for a quiet client (default 10s)"),
            new Flag("--stun-rto", "DURATION", "first STUN retransmission timeout (default 500ms)"),
            new Flag("--stun-transmissions", "N", "STUN requests sent in all (default 7)"),
            new Flag("--stun-final-wait", "DURATION", "wait for an answer after the last STUN request (default 8s)"),
            new Flag("--cloud-rto", "DURATION", "first signalling retransmission timeout (default 250ms)"),
            new Flag("--cloud-transmissions", "N", "signalling transmissions in all (default 6)"),
            new Flag("--cloud-final-wait", "DURATION", "wait for an ack after the last signalling transmission (default 8s)"),
            new Flag("--keepalive-interval", "DURATION", "between keepalives toward the cloud (default 10s)"),
            new Flag("--startup-delay", "DURATION[..DURATION]", "step H7/C7: fixed, or drawn uniformly from MIN..MAX (default 0ms)"),
            new Flag("--no-session-retries", "N", "client retries after NoSession, 0 fails at once (default 10)"),
            new Flag("--no-session-backoff", "DURATION", "first wait before retrying JoinRandom, doubling (default 250ms)"),
            new Flag("--no-session-max-backoff", "DURATION", "longest wait between JoinRandom retries (default 2s)"),
            new Flag("--game-phase", "on|off", "send game updates once connected (default on)"),
            new Flag("--tick-rate", "HZ", "game updates per second (default 20)"),
            new Flag("--game-phase-length", "DURATION", "length of the game phase (default 2s)"),
            new Flag("--echo-grace", "DURATION", "wait for the last echo after the last update (default 1s)"),
            new Flag("--peer-reflexive", "", "variant: adopt unexpected source addresses as targets"),
            new Flag("--local-candidates", "", "variant: also target the peer's local address"),
            new Flag("--port-prediction", "", "variant: also target the next --predicted-ports ports"),
            new Flag("--predicted-ports", "N", "ports above the reflexive one that --port-prediction tries (default 3)"),
            new Flag("--parallel-relay", "", "variant: relay attempts alongside direct ones from attempt 0"));

    private ProtocolFlags() {}

    public static Set<String> valuedNames() {
        return names(false);
    }

    public static Set<String> switchNames() {
        return names(true);
    }

    private static Set<String> names(boolean switches) {
        Set<String> names = new java.util.HashSet<>();
        for (Flag flag : FLAGS) {
            if (flag.isSwitch() == switches) {
                names.add(flag.name());
            }
        }
        return names;
    }

    /**
     * The configuration given by {@code values} (flag name to text) and the {@code switches} that
     * are on, starting from the spec's defaults.
     *
     * @throws IllegalArgumentException naming the flag, for a value that does not parse or is out of range
     */
    public static ProtocolConfig toConfig(Map<String, String> values, Set<String> switches) {
        Map<String, String> v = new HashMap<>(values);
        ProtocolConfig d = ProtocolConfig.DEFAULTS;
        long attemptInterval = duration(v, "--attempt-interval", d.attemptIntervalNanos());
        // As in the spec's defaults, P follows T unless it is set.
        long pingInterval = duration(v, "--ping-interval", v.containsKey("--attempt-interval") ? attemptInterval : d.pingIntervalNanos());
        Retransmission stun = new Retransmission(duration(v, "--stun-rto", d.stun().initialRtoNanos()),
                integer(v, "--stun-transmissions", d.stun().maxTransmissions()),
                duration(v, "--stun-final-wait", d.stun().finalWaitNanos()));
        Retransmission cloud = new Retransmission(duration(v, "--cloud-rto", d.cloud().initialRtoNanos()),
                integer(v, "--cloud-transmissions", d.cloud().maxTransmissions()),
                duration(v, "--cloud-final-wait", d.cloud().finalWaitNanos()));
        NoSessionPolicy noSession = new NoSessionPolicy(integer(v, "--no-session-retries", d.noSession().maxRetries()),
                duration(v, "--no-session-backoff", d.noSession().initialBackoffNanos()),
                duration(v, "--no-session-max-backoff", d.noSession().maxBackoffNanos()));
        try {
            return new ProtocolConfig(attemptInterval, integer(v, "--attempt-limit", d.attemptLimit()),
                    fraction(v, "--direct-fraction", d.directFraction()), pingInterval,
                    duration(v, "--listen-timeout", d.listenTimeoutNanos()), stun, cloud,
                    duration(v, "--keepalive-interval", d.keepaliveIntervalNanos()),
                    startupDelay(v, d.startupDelay()), noSession, onOff(v, "--game-phase", d.gamePhase()),
                    integer(v, "--tick-rate", d.tickRateHz()), duration(v, "--game-phase-length", d.gamePhaseNanos()),
                    duration(v, "--echo-grace", d.echoGraceNanos()),
                    switches.contains("--peer-reflexive"), switches.contains("--local-candidates"),
                    switches.contains("--port-prediction"), integer(v, "--predicted-ports", d.predictedPorts()),
                    switches.contains("--parallel-relay"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("protocol parameters: " + e.getMessage(), e);
        }
    }

    private static long duration(Map<String, String> v, String name, long fallback) {
        String text = v.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            return Durations.parseNanos(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage());
        }
    }

    private static int integer(Map<String, String> v, String name, int fallback) {
        String text = v.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": not a whole number: '" + text + "'");
        }
    }

    private static boolean onOff(Map<String, String> v, String name, boolean fallback) {
        String text = v.get(name);
        if (text == null) {
            return fallback;
        }
        return switch (text.trim()) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> throw new IllegalArgumentException(name + ": expected on or off, got '" + text + "'");
        };
    }

    /** {@code 2/3}, or a decimal such as {@code 0.5} read exactly. */
    static Fraction fraction(Map<String, String> v, String name, Fraction fallback) {
        String text = v.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            String t = text.trim();
            int slash = t.indexOf('/');
            if (slash >= 0) {
                return new Fraction(Integer.parseInt(t.substring(0, slash).trim()), Integer.parseInt(t.substring(slash + 1).trim()));
            }
            java.math.BigDecimal decimal = new java.math.BigDecimal(t);
            int scale = Math.max(0, decimal.scale());
            return new Fraction(decimal.movePointRight(scale).intValueExact(), java.math.BigInteger.TEN.pow(scale).intValueExact());
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": expected a fraction in [0, 1] such as 2/3 or 0.5, got '" + text + "'");
        }
    }

    private static StartupDelay startupDelay(Map<String, String> v, StartupDelay fallback) {
        String text = v.get("--startup-delay");
        if (text == null) {
            return fallback;
        }
        int range = text.indexOf("..");
        try {
            return range < 0
                    ? StartupDelay.fixed(Durations.parseNanos(text))
                    : new StartupDelay(Durations.parseNanos(text.substring(0, range)), Durations.parseNanos(text.substring(range + 2)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--startup-delay: " + e.getMessage());
        }
    }
}
