package io.punchsim.realnet.peer;

import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.peer.FailureReason;
import io.punchsim.protocol.peer.HostPeer;
import io.punchsim.protocol.peer.HostPeer.ServedClient;
import io.punchsim.protocol.peer.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a real host says at its end: one line per client it waited for (or was paired with), in
 * the order the cloud paired them, and a summary of the session, the way the simulator counts a
 * session: all direct, any relayed, any failed.
 */
final class HostReport {

    /**
     * The reason of a client the cloud paired with the host beyond those it waited for, still
     * connecting when the host had served the others and left.
     */
    static final String HOST_LEFT = "HOST_LEFT";

    private HostReport() {}

    /**
     * One line per client: {@code client} (1 for the first the cloud paired), {@code outcome},
     * {@code reason}, {@code path} (where the host's datagrams to it went: its observed address
     * when direct, the cloud when relayed), {@code connectMsFromK2} (null when its request came
     * first), {@code connectedAtMs} (on the clock of {@code ms}) and {@code pings}. A client the
     * host was never paired with is FAILED with the host's own reason, or {@code INTERRUPTED}
     * when the host was stopped first.
     */
    static List<Map<String, Object>> clientLines(HostPeer host, int expected, Endpoint cloud, boolean finished) {
        List<ServedClient> served = host.served();
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < Math.max(expected, served.size()); i++) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("role", "host");
            line.put("client", i + 1);
            if (i >= served.size()) {
                FailureReason own = host.failureReason();
                line.put("outcome", Outcome.FAILED.name());
                line.put("reason", own != FailureReason.NONE ? own.name() : PeerRun.INTERRUPTED);
                line.put("path", null);
                line.put("connectMsFromK2", null);
                line.put("connectedAtMs", null);
                line.put("pings", 0);
            } else {
                ServedClient c = served.get(i);
                boolean connected = c.path() != Outcome.PENDING;
                line.put("outcome", connected ? c.path().name() : Outcome.FAILED.name());
                line.put("reason", connected ? FailureReason.NONE.name()
                        : c.failureReason() != FailureReason.NONE ? c.failureReason().name()
                        : finished || host.isFinished() ? HOST_LEFT : PeerRun.INTERRUPTED);
                line.put("path", !connected ? null : c.path() == Outcome.DIRECT ? String.valueOf(c.directSource()) : cloud.toString());
                // The first pairing's request may overtake its K2: no time from K2 then.
                boolean afterK2 = connected && c.k2At() != -1 && c.k2At() <= c.connectedAtNanos();
                line.put("connectMsFromK2", afterK2 ? PeerRun.millis(c.connectedAtNanos() - c.k2At()) : null);
                line.put("connectedAtMs", connected ? PeerRun.millis(c.connectedAtNanos()) : null);
                line.put("pings", c.pings());
            }
            lines.add(line);
        }
        return lines;
    }

    /**
     * The session's outcome: FAILED when any client failed (with the first failed one's reason),
     * else RELAYED when any was relayed, else DIRECT; with one client, that client's outcome. Then
     * how many clients, how many of each outcome, and when the last one connected.
     */
    static Map<String, Object> summary(List<Map<String, Object>> clientLines) {
        int direct = 0;
        int relayed = 0;
        int failed = 0;
        String reason = FailureReason.NONE.name();
        double last = 0;
        for (Map<String, Object> line : clientLines) {
            String outcome = (String) line.get("outcome");
            if (outcome.equals(Outcome.DIRECT.name())) {
                direct++;
            } else if (outcome.equals(Outcome.RELAYED.name())) {
                relayed++;
            } else {
                if (failed == 0) {
                    reason = (String) line.get("reason");
                }
                failed++;
            }
            if (line.get("connectedAtMs") instanceof Double at) {
                last = Math.max(last, at);
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("outcome", failed > 0 ? Outcome.FAILED.name() : relayed > 0 ? Outcome.RELAYED.name() : Outcome.DIRECT.name());
        summary.put("reason", reason);
        summary.put("clients", clientLines.size());
        summary.put("direct", direct);
        summary.put("relayed", relayed);
        summary.put("failed", failed);
        summary.put("lastConnectedAtMs", failed == 0 ? last : null);
        return summary;
    }
}
