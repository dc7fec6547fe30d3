package io.punchsim.cli;

import io.punchsim.protocol.event.Role;
import io.punchsim.protocol.event.Step;
import io.punchsim.protocol.event.StepEvent;
import io.punchsim.reports.outcome.RunOutcome;
import io.punchsim.reports.outcome.SessionOutcome;
import io.punchsim.scenarios.run.RunObserver;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The three ways {@code trace} shows a run: a timeline, JSON lines, a Mermaid sequence diagram. */
final class Timeline {
    private Timeline() {}

    /**
     * Who sends to whom at each step of the spec, and the kinds of datagram that step sends, as
     * {@link PacketLog#kind} names them; a step with no arrow is a note on its own role.
     */
    private record Arrow(Role from, Role to, List<String> kinds) {}

    private static final Map<Step, Arrow> ARROWS = new EnumMap<>(Step.class);

    static {
        arrow(Step.H2, Role.HOST, Role.CLOUD, "CreateSession");
        arrow(Step.H3, Role.CLOUD, Role.HOST, "SessionCreated");
        arrow(Step.H4, Role.HOST, Role.CLOUD, "JoinRequest");
        arrow(Step.H5, Role.CLOUD, Role.HOST, "JoinAck");
        arrow(Step.H6, Role.CLOUD, Role.HOST, "Start");
        arrow(Step.H9, Role.HOST, Role.STUN, "Binding Request");
        arrow(Step.H10, Role.STUN, Role.HOST, "Binding Success");
        arrow(Step.H11, Role.HOST, Role.CLOUD, "AddressReport");
        arrow(Step.C2, Role.CLIENT, Role.CLOUD, "JoinRandom");
        // The cloud's answer to JoinRandom is either; the arrow says which it was.
        arrow(Step.C3, Role.CLOUD, Role.CLIENT, "SessionFound", "NoSession");
        arrow(Step.C4, Role.CLIENT, Role.CLOUD, "JoinRequest");
        arrow(Step.C5, Role.CLOUD, Role.CLIENT, "JoinAck");
        arrow(Step.C6, Role.CLOUD, Role.CLIENT, "Start");
        arrow(Step.C9, Role.CLIENT, Role.STUN, "Binding Request");
        arrow(Step.C10, Role.STUN, Role.CLIENT, "Binding Success");
        arrow(Step.C11, Role.CLIENT, Role.CLOUD, "AddressReport");
        arrow(Step.K1, Role.CLOUD, Role.CLIENT, "PeerAddresses");
        arrow(Step.K2, Role.CLOUD, Role.HOST, "PeerAddresses");
        arrow(Step.K3, Role.CLIENT, Role.HOST, "ConnectRequest");
        arrow(Step.K4, Role.CLIENT, Role.CLOUD, "relayed ConnectRequest");
        arrow(Step.K5, Role.CLOUD, Role.HOST, "relayed ConnectRequest");
        arrow(Step.K7, Role.HOST, Role.CLIENT, "Ping");
        arrow(Step.K8, Role.HOST, Role.CLIENT, "ConnectAccept");
        arrow(Step.K9, Role.CLIENT, Role.HOST, "GameUpdate");
        arrow(Step.K10, Role.HOST, Role.CLOUD, "relayed ConnectAccept");
        arrow(Step.K11, Role.CLOUD, Role.CLIENT, "relayed ConnectAccept");
        arrow(Step.K12, Role.CLIENT, Role.CLOUD, "relayed GameUpdate");
        arrow(Step.K13, Role.CLOUD, Role.HOST, "relayed GameUpdate");
    }

    private static void arrow(Step step, Role from, Role to, String... kinds) {
        ARROWS.put(step, new Arrow(from, to, List.of(kinds)));
    }

    /** A fault of the scenario taking effect at a time of the run. */
    record FaultNote(long atNanos, String description) {}

    /** A step as the peer that took it logged it: {@code host}, {@code cloud}, {@code stun}, {@code client}, {@code client-2} … */
    record Traced(String peer, StepEvent event) {}

    /** The NATs drawn for the run: the host's and each client's, by client index. */
    record Nats(String host, List<String> clients) {}

    /** Acknowledgements and keepalives carry no step; a diagram shows them only when they are dropped. */
    private static boolean housekeeping(String kind) {
        return kind.equals("Ack") || kind.equals("Keepalive");
    }

    /** One line of a timeline at its time; lines at one instant keep the order they were added in. */
    private record Line(long at, String text) {}

    /**
     * Every step as the roles logged it, and among them every datagram that was dropped (where and
     * why) and every fault taking effect, in time order.
     */
    static void text(PrintStream out, List<Traced> steps, List<FaultNote> faults, PacketLog packets, SessionOutcome session,
            Nats nats) {
        StringBuilder header = new StringBuilder("seed " + session.seed() + ": host behind " + nats.host());
        for (int k = 0; k < nats.clients().size(); k++) {
            header.append(", ").append(clientName(k)).append(" behind ").append(nats.clients().get(k));
        }
        out.println(header);
        // The peer column is as wide as the longest client's name, 6 with one client.
        int width = Math.max(6, clientName(session.clients().size() - 1).length());
        List<Line> lines = new ArrayList<>();
        for (Traced t : steps) {
            StepEvent e = t.event();
            lines.add(new Line(e.atNanos(), row(width, e.atNanos(), t.peer(), e.step().name(), e.detail())));
        }
        for (FaultNote f : faults) {
            lines.add(new Line(f.atNanos(), row(width, f.atNanos(), "fault", "", f.description())));
        }
        for (PacketLog.Fate fate : packets.fates()) {
            if (fate.dropped()) {
                lines.add(new Line(fate.at(), row(width, fate.at(), "net", "drop", dropText(fate))));
            }
        }
        lines.sort(java.util.Comparator.comparingLong(Line::at));
        lines.forEach(l -> out.println(l.text()));
        if (session.clients().size() == 1) {
            out.println(describe(session.clients().get(0)));
        } else {
            for (int k = 0; k < session.clients().size(); k++) {
                out.println(clientName(k) + ": " + describe(session.clients().get(k)));
            }
        }
    }

    private static String clientName(int k) {
        return RunObserver.clientName(k);
    }

    private static String row(int width, long atNanos, String who, String step, String detail) {
        return String.format(Locale.ROOT, "%10.3f ms  %-" + width + "s %-4s %s", atNanos / 1e6, who, step, detail);
    }

    private static String dropText(PacketLog.Fate fate) {
        PacketLog.Flight f = fate.flight();
        String to = fate.to() == null ? "" : " -> " + fate.to();
        return f.kind() + " " + f.from() + to + " (sent at "
                + String.format(Locale.ROOT, "%.3f ms", f.sentAt() / 1e6) + ") dropped at " + fate.node() + ": "
                + PacketLog.reason(fate.reason());
    }

    /** Every step, then each client's outcome, by client index, one JSON object a line; {@code peer} names who. */
    static void json(PrintStream out, List<Traced> steps, SessionOutcome session) {
        for (Traced t : steps) {
            StepEvent e = t.event();
            out.println(jsonLine(e.atNanos() / 1e6, e.role(), t.peer(), e.step(), e.detail()));
        }
        for (int k = 0; k < session.clients().size(); k++) {
            RunOutcome outcome = session.clients().get(k);
            out.printf(Locale.ROOT,
                    "{\"outcome\":\"%s\",\"reason\":\"%s\",\"connectMsFromK1\":%s,\"attempt\":%d,\"seed\":%d,\"peer\":\"%s\"}%n",
                    outcome.outcome(), outcome.failureReason(),
                    outcome.connectNanosFromK1() < 0 ? "null" : String.format(Locale.ROOT, "%.3f", outcome.connectNanosFromK1() / 1e6),
                    outcome.attemptIndex(), outcome.seed(), clientName(k));
        }
    }

    /** One step as a JSON object: its time, the role and the peer that took it, the spec's step id, what it did. */
    static String jsonLine(double ms, Role role, String peer, Step step, String detail) {
        return String.format(Locale.ROOT, "{\"ms\":%.3f,\"role\":\"%s\",\"step\":\"%s\",\"detail\":\"%s\",\"peer\":\"%s\"}", ms,
                role.name().toLowerCase(Locale.ROOT), step, escape(detail), escape(peer));
    }

    /**
     * A sequence diagram of what the network did: each datagram one arrow, drawn when it arrives
     * (or crossed out where it was dropped, with the reason), labelled with the step that sent it;
     * steps that send nothing, the host's listen timeout and the faults are notes. Acknowledgements
     * and keepalives are left out unless dropped.
     */
    static void mermaid(PrintStream out, List<Traced> steps, List<FaultNote> faults, PacketLog packets, SessionOutcome session) {
        int clients = session.clients().size();
        out.println("sequenceDiagram");
        out.println("    participant HOST as Host");
        out.println("    participant CLOUD as Cloud");
        out.println("    participant STUN as STUN");
        out.println("    participant CLIENT as Client");
        for (int k = 1; k < clients; k++) {
            out.println("    participant " + participant(clientName(k)) + " as Client " + (k + 1));
        }
        List<Line> lines = new ArrayList<>();
        for (Traced t : steps) {
            StepEvent e = t.event();
            Arrow arrow = ARROWS.get(e.step());
            boolean sent = arrow != null && arrow.from() == e.role() && packets.sent().stream().anyMatch(f -> matches(t, f));
            boolean received = arrow != null && arrow.to() == e.role();
            // A sending step is drawn by its datagrams' arrows, a receipt by the arrow it ends.
            if (!sent && !received) {
                lines.add(new Line(e.atNanos(), String.format(Locale.ROOT, "    Note over %s: %s %.1f ms %s", participant(t.peer()),
                        e.step(), e.atNanos() / 1e6, mermaidText(e.detail()))));
            }
        }
        String everyone = "HOST," + participant(clientName(clients - 1));
        for (FaultNote f : faults) {
            lines.add(new Line(f.atNanos(), String.format(Locale.ROOT, "    Note over %s: fault %.1f ms %s", everyone, f.atNanos() / 1e6,
                    mermaidText(f.description()))));
        }
        for (PacketLog.Fate fate : packets.fates()) {
            PacketLog.Flight f = fate.flight();
            if (!fate.dropped() && housekeeping(f.kind())) {
                continue;
            }
            String label = stepOf(steps, fate).map(step -> step + " ").orElse("") + String.format(Locale.ROOT, "%.1f ms ", f.sentAt() / 1e6)
                    + f.kind();
            String from = participant(f.from());
            if (!fate.dropped()) {
                lines.add(new Line(fate.at(), "    " + from + "->>" + participant(fate.to()) + ": " + mermaidText(label)));
            } else if (fate.to() != null) {
                lines.add(new Line(fate.at(), "    " + from + "-x" + participant(fate.to()) + ": " + mermaidText(label + " dropped at "
                        + fate.node() + String.format(Locale.ROOT, " %.1f ms: ", fate.at() / 1e6) + PacketLog.reason(fate.reason()))));
            } else {
                lines.add(new Line(fate.at(), "    Note over " + from + ": " + mermaidText(label + " dropped at " + fate.node()
                        + String.format(Locale.ROOT, " %.1f ms: ", fate.at() / 1e6) + PacketLog.reason(fate.reason()))));
            }
        }
        lines.sort(java.util.Comparator.comparingLong(Line::at));
        lines.forEach(l -> out.println(l.text()));
        for (int k = 0; k < clients; k++) {
            out.printf("    Note over %s: %s%n", participant(clientName(k)), mermaidText(describe(session.clients().get(k))));
        }
    }

    /** A peer's participant in the diagram: {@code HOST}, {@code CLIENT}, {@code CLIENT2} … */
    private static String participant(String peer) {
        return peer.toUpperCase(Locale.ROOT).replace("-", "");
    }

    /** Whether a datagram is one that a step sent: same peer, same instant, a kind the step sends. */
    private static boolean matches(Traced t, PacketLog.Flight f) {
        StepEvent e = t.event();
        Arrow arrow = ARROWS.get(e.step());
        return arrow != null && arrow.from() == e.role() && f.from().equals(t.peer()) && f.sentAt() == e.atNanos()
                && arrow.kinds().contains(f.kind());
    }

    /**
     * The step of a datagram: the one that sent it toward where it went, else (for a sender that
     * logs no steps, the STUN server) the one that received it; none for a retransmission, an
     * acknowledgement or a keepalive.
     */
    private static java.util.Optional<Step> stepOf(List<Traced> steps, PacketLog.Fate fate) {
        PacketLog.Flight f = fate.flight();
        java.util.Optional<Step> sender = steps.stream()
                .filter(t -> matches(t, f) && (fate.to() == null || ARROWS.get(t.event().step()).to() == PacketLog.role(fate.to())))
                .map(t -> t.event().step()).findFirst();
        if (sender.isPresent() || fate.dropped()) {
            return sender;
        }
        return steps.stream().filter(t -> {
            StepEvent e = t.event();
            Arrow arrow = ARROWS.get(e.step());
            return arrow != null && arrow.to() == e.role() && t.peer().equals(fate.to()) && e.atNanos() == fate.at()
                    && arrow.from() == f.fromRole() && arrow.kinds().contains(f.kind());
        }).map(t -> t.event().step()).findFirst();
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
