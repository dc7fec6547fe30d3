package io.punchsim.cli;

import io.punchsim.protocol.event.Role;
import io.punchsim.protocol.event.Step;
import io.punchsim.protocol.event.StepEvent;
import io.punchsim.reports.outcome.RunOutcome;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The three ways {@code trace} shows a run: a timeline, JSON lines, a Mermaid sequence diagram. */
final class Timeline {
    private Timeline() {}

    /** Who sends to whom at each step of the spec; a step with no arrow is a note on its own role. */
    private record Arrow(Role from, Role to, String message) {}

    private static final Map<Step, Arrow> ARROWS = new EnumMap<>(Step.class);

    static {
        arrow(Step.H2, Role.HOST, Role.CLOUD, "CreateSession");
        arrow(Step.H3, Role.CLOUD, Role.HOST, "SessionCreated");
        arrow(Step.H4, Role.HOST, Role.CLOUD, "JoinRequest(host)");
        arrow(Step.H5, Role.CLOUD, Role.HOST, "JoinAck");
        arrow(Step.H6, Role.CLOUD, Role.HOST, "Start");
        arrow(Step.H9, Role.HOST, Role.STUN, "Binding Request");
        arrow(Step.H10, Role.STUN, Role.HOST, "Binding Success");
        arrow(Step.H11, Role.HOST, Role.CLOUD, "AddressReport");
        arrow(Step.C2, Role.CLIENT, Role.CLOUD, "JoinRandom");
        arrow(Step.C3, Role.CLOUD, Role.CLIENT, "SessionFound");
        arrow(Step.C4, Role.CLIENT, Role.CLOUD, "JoinRequest(client)");
        arrow(Step.C5, Role.CLOUD, Role.CLIENT, "JoinAck");
        arrow(Step.C6, Role.CLOUD, Role.CLIENT, "Start");
        arrow(Step.C9, Role.CLIENT, Role.STUN, "Binding Request");
        arrow(Step.C10, Role.STUN, Role.CLIENT, "Binding Success");
        arrow(Step.C11, Role.CLIENT, Role.CLOUD, "AddressReport");
        arrow(Step.K1, Role.CLOUD, Role.CLIENT, "PeerAddresses(host)");
        arrow(Step.K2, Role.CLOUD, Role.HOST, "PeerAddresses(client)");
        arrow(Step.K3, Role.CLIENT, Role.HOST, "ConnectRequest (direct)");
        arrow(Step.K4, Role.CLIENT, Role.CLOUD, "ConnectRequest (relay)");
        arrow(Step.K5, Role.CLOUD, Role.HOST, "relayed ConnectRequest");
        arrow(Step.K7, Role.HOST, Role.CLIENT, "Ping");
        arrow(Step.K8, Role.HOST, Role.CLIENT, "ConnectAccept (direct)");
        arrow(Step.K9, Role.CLIENT, Role.HOST, "game update (direct)");
        arrow(Step.K10, Role.HOST, Role.CLOUD, "ConnectAccept (relay)");
        arrow(Step.K11, Role.CLOUD, Role.CLIENT, "relayed ConnectAccept");
        arrow(Step.K12, Role.CLIENT, Role.CLOUD, "game update (relay)");
        arrow(Step.K13, Role.CLOUD, Role.HOST, "relayed game update");
    }

    private static void arrow(Step step, Role from, Role to, String message) {
        ARROWS.put(step, new Arrow(from, to, message));
    }

    static void text(PrintStream out, List<StepEvent> steps, RunOutcome outcome, String[] nats) {
        out.printf("seed %d: host behind %s, client behind %s%n", outcome.seed(), nats[0], nats[1]);
        for (StepEvent e : steps) {
            out.printf(Locale.ROOT, "%10.3f ms  %-6s %-4s %s%n", e.atNanos() / 1e6, e.role().name().toLowerCase(Locale.ROOT),
                    e.step(), e.detail());
        }
        out.println(describe(outcome));
    }

    static void json(PrintStream out, List<StepEvent> steps, RunOutcome outcome) {
        for (StepEvent e : steps) {
            out.println(jsonLine(e.atNanos() / 1e6, e.role(), e.step(), e.detail()));
        }
        out.printf(Locale.ROOT, "{\"outcome\":\"%s\",\"reason\":\"%s\",\"connectMsFromK1\":%s,\"attempt\":%d,\"seed\":%d}%n",
                outcome.outcome(), outcome.failureReason(),
                outcome.connectNanosFromK1() < 0 ? "null" : String.format(Locale.ROOT, "%.3f", outcome.connectNanosFromK1() / 1e6),
                outcome.attemptIndex(), outcome.seed());
    }

    /** One step as a JSON object, the same shape on virtual and on real time. */
    static String jsonLine(double ms, Role role, Step step, String detail) {
        return String.format(Locale.ROOT, "{\"ms\":%.3f,\"role\":\"%s\",\"step\":\"%s\",\"detail\":\"%s\"}", ms,
                role.name().toLowerCase(Locale.ROOT), step, escape(detail));
    }

    static void mermaid(PrintStream out, List<StepEvent> steps, RunOutcome outcome) {
        out.println("sequenceDiagram");
        out.println("    participant HOST as Host");
        out.println("    participant CLOUD as Cloud");
        out.println("    participant STUN as STUN");
        out.println("    participant CLIENT as Client");
        for (StepEvent e : steps) {
            String at = String.format(Locale.ROOT, "%.1f ms", e.atNanos() / 1e6);
            Arrow arrow = ARROWS.get(e.step());
            if (arrow == null) {
                out.printf("    Note over %s: %s %s %s%n", e.role(), e.step(), at, mermaidText(e.detail()));
            } else {
                out.printf("    %s->>%s: %s %s %s%n", arrow.from(), arrow.to(), e.step(), at, arrow.message());
            }
        }
        out.printf("    Note over CLIENT: %s%n", mermaidText(describe(outcome)));
    }

    private static String describe(RunOutcome o) {
        return switch (o.outcome()) {
            case FAILED -> "outcome FAILED (" + o.failureReason() + ")";
            default -> String.format(Locale.ROOT, "outcome %s at attempt %d, %.3f ms after K1", o.outcome(),
                    o.attemptIndex(), o.connectNanosFromK1() / 1e6);
        };
    }

    private static String mermaidText(String s) {
        return s.replace(";", ",").replace("#", "");
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
