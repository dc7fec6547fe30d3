package io.punchsim.reports.format;

import java.util.regex.Pattern;

/**
 * How text of the scenario (names, sweep values, messages) is carried into each format so that it
 * reads as written and never as markup: one place for every writer, the tune's included.
 */
public final class Escape {

    /** A plain number, which a spreadsheet reads as one even with a sign in front. */
    private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    private Escape() {
    }

    public static String xml(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                // A parser turns a bare carriage return into a line feed; the reference keeps it.
                case '\r' -> out.append("&#13;");
                default -> {
                    // XML 1.0 forbids most control characters even when escaped.
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * An XML attribute value: as {@link #xml}, and line feeds and tabs as references too, since a
     * parser reads them in an attribute as spaces (a name of a test case would lose its line break).
     */
    public static String xmlAttribute(String s) {
        return xml(s).replace("\n", "&#10;").replace("\t", "&#9;");
    }

    /**
     * Text of the scenario (names, parameter values, messages) on one Markdown line: markup
     * characters as entities, so a renderer that passes HTML through shows them instead of
     * obeying them; the punctuation that makes emphasis, code, links and images, or escapes,
     * backslash-escaped (CommonMark lets any ASCII punctuation be), so a name is shown as
     * written; and line breaks flattened, so they cannot end a heading or a table row. Line
     * breaks being gone, no reference definition can be written, so a bracket closing a link's
     * text is the only one that needs it.
     */
    public static String markdown(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\\', '`', '*', '_', '~' -> out.append('\\').append(c);
                case ']' -> {
                    // A link or an image needs "](" or "][" right after its text; our own
                    // intervals, [a, b], are left as they read.
                    boolean opens = i + 1 < s.length() && (s.charAt(i + 1) == '(' || s.charAt(i + 1) == '[');
                    out.append(opens ? "\\]" : "]");
                }
                case '\r' -> {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                        i++;
                    }
                    out.append(' ');
                }
                case '\n' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A Markdown table cell: as {@link #markdown}, and pipes escaped. */
    public static String markdownCell(String s) {
        return markdown(s).replace("|", "\\|");
    }

    /**
     * A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. Text that a
     * spreadsheet would take for a formula (it starts with {@code =}, {@code +}, {@code -},
     * {@code @} or a tab, and is not a number such as {@code -1}) gets a leading apostrophe,
     * which spreadsheets show as text, as OWASP advises against CSV injection.
     */
    public static String csv(String s) {
        String t = looksLikeFormula(s) ? "'" + s : s;
        if (t.contains(",") || t.contains("\"") || t.contains("\n") || t.contains("\r")) {
            return "\"" + t.replace("\"", "\"\"") + "\"";
        }
        return t;
    }

    private static boolean looksLikeFormula(String s) {
        if (s.isEmpty() || "=+-@\t\r".indexOf(s.charAt(0)) < 0) {
            return false;
        }
        return !NUMBER.matcher(s).matches();
    }
}
