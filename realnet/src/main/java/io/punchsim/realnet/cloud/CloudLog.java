package io.punchsim.realnet.cloud;

import io.punchsim.protocol.cloud.CloudCounters;
import io.punchsim.protocol.cloud.CloudServer;
import io.punchsim.protocol.event.StepEvent;
import io.punchsim.realnet.trace.JsonLines;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What {@code serve-cloud} prints: its steps as JSON lines, at most so many in each second (a
 * flood of requests must not become a flood of log), and now and then one status line with the
 * sizes of its tables, what it dropped and how many step lines it left out.
 */
public final class CloudLog implements Consumer<StepEvent> {

    private static final long SECOND = 1_000_000_000L;

    private final JsonLines out;
    private final int perSecond;
    private long second = Long.MIN_VALUE;
    private int printedThisSecond;
    private long notPrinted;

    public CloudLog(JsonLines out, int stepLinesPerSecond) {
        this.out = out;
        this.perSecond = stepLinesPerSecond;
    }

    @Override
    public void accept(StepEvent event) {
        long at = Math.floorDiv(event.atNanos(), SECOND);
        if (at != second) {
            second = at;
            printedThisSecond = 0;
        }
        if (printedThisSecond < perSecond) {
            printedThisSecond++;
            out.accept(event);
        } else {
            notPrinted++;
        }
    }

    /** Step lines left out so far. */
    public long notPrinted() {
        return notPrinted;
    }

    /** One line: {@code {"ms":...,"role":"cloud","sessions":...,...}}. */
    public void status(long nowNanos, CloudServer cloud) {
        CloudCounters c = cloud.counters();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("role", "cloud");
        fields.put("sessions", cloud.sessionCount());
        fields.put("openSessions", cloud.openSessionCount());
        fields.put("endpoints", cloud.endpointCount());
        fields.put("relayedPackets", c.relayedPackets());
        fields.put("droppedMalformed", c.droppedMalformed());
        fields.put("droppedUnknownSession", c.droppedUnknownSession());
        fields.put("droppedNonMember", c.droppedNonMember());
        fields.put("droppedOverLimit", c.droppedOverLimit());
        fields.put("droppedUnhandled", c.droppedUnhandled());
        fields.put("withheldRetransmits", c.withheldRetransmits());
        fields.put("expiredEndpoints", c.expiredEndpoints());
        fields.put("evictedEndpoints", c.evictedEndpoints());
        fields.put("closedSessions", c.closedSessions());
        fields.put("stepLinesNotPrinted", notPrinted);
        out.line(nowNanos, fields);
    }
}
