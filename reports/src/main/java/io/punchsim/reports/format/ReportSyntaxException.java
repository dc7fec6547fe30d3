package io.punchsim.reports.format;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * A {@code report.json} that is not JSON at all, with the line and column where the parser
 * stopped, so a command can name the place as it does for a scenario file.
 */
public final class ReportSyntaxException extends IllegalArgumentException {
    private final int line;
    private final int column;
    private final String reason;

    ReportSyntaxException(int line, int column, String reason) {
        super("line " + line + ", column " + column + ": " + reason);
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    static ReportSyntaxException of(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return new ReportSyntaxException(at == null ? 1 : Math.max(1, at.getLineNr()),
                at == null ? 1 : Math.max(1, at.getColumnNr()), "not valid JSON: " + reason(e.getOriginalMessage()));
    }

    /**
     * The parser's own sentence without what it appends for its users' debugging: the source
     * description and the place where an unclosed construct began.
     */
    private static String reason(String message) {
        if (message == null || message.isBlank()) {
            return "unreadable";
        }
        String first = message.lines().findFirst().orElse(message);
        int marker = first.indexOf(" (start marker at");
        return (marker < 0 ? first : first.substring(0, marker)).strip();
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** What is wrong, without the place. */
    public String reason() {
        return reason;
    }
}
