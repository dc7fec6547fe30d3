package io.punchsim.realnet.trace;

import io.punchsim.protocol.event.StepEvent;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes steps as JSON lines, one object per line and flushed at once, so a reader sees each step
 * as it happens, in the format of {@code punchsim trace --format json}:
 * {@code {"ms":12.345,"role":"host","step":"H2","detail":"..."}}. Here {@code ms} is wall time in
 * milliseconds since the process started its loop, where the simulator's trace has virtual time.
 */
public final class JsonLines implements Consumer<StepEvent> {

    private final PrintStream out;

    public JsonLines(PrintStream out) {
        this.out = out;
    }

    @Override
    public void accept(StepEvent event) {
        line(event.atNanos(), fields(
                "role", event.role().name().toLowerCase(Locale.ROOT),
                "step", event.step().name(),
                "detail", event.detail()));
    }

    /** An ordered map from alternating keys and values, for {@link #line}. */
    public static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return fields;
    }

    /**
     * Writes one line with {@code ms} first and then {@code fields} in their iteration order;
     * numbers and booleans are written bare, {@code null} as null, everything else as a string.
     */
    public synchronized void line(long atNanos, Map<String, ?> fields) {
        StringBuilder json = new StringBuilder(128).append("{\"ms\":").append(millis(atNanos));
        fields.entrySet().forEach(field -> {
            json.append(",\"").append(escape(field.getKey())).append("\":");
            Object value = field.getValue();
            if (value == null || value instanceof Number || value instanceof Boolean) {
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
