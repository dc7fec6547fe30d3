package io.punchsim.realnet.trace;

import io.punchsim.protocol.event.StepEvent;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes steps as JSON lines, one object per line and flushed at once, so a reader sees each step
 * as it happens: {@code {"t_ms":12.345,"role":"host","step":"H2","detail":"..."}}. {@code t_ms} is
 * wall time in milliseconds since the process started its loop (virtual time in the simulator).
 */
public final class JsonLines implements Consumer<StepEvent> {

    private final PrintStream out;

    public JsonLines(PrintStream out) {
        this.out = out;
    }

    @Override
    public void accept(StepEvent event) {
        line(event.atNanos(), Map.of(
                "role", event.role().name().toLowerCase(Locale.ROOT),
                "step", event.step().name(),
                "detail", event.detail()));
    }

    /**
     * Writes one line with {@code t_ms} first and then {@code fields} in key order; values that
     * are numbers or booleans are written bare, everything else as a string.
     */
    public synchronized void line(long atNanos, Map<String, ?> fields) {
        StringBuilder json = new StringBuilder(128).append("{\"t_ms\":").append(millis(atNanos));
        fields.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(field -> {
            json.append(",\"").append(escape(field.getKey())).append("\":");
            Object value = field.getValue();
            if (value instanceof Number || value instanceof Boolean) {
                json.append(value);
            } else {
                json.append('"').append(escape(String.valueOf(value))).append('"');
            }
        });
        out.println(json.append('}'));
        out.flush();
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (c < 0x20) {
                        escaped.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
