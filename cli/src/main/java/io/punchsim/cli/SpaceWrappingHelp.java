package io.punchsim.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Help whose option and parameter descriptions wrap at spaces only. picocli's table may break a
 * line after any dot, so {@code compare.csv} could end one line as {@code compare.} and start the
 * next as {@code csv}; here each description is cut into lines at spaces before picocli lays it
 * out, and every line then fits, so picocli has nothing left to break. A word longer than the
 * column is left to picocli.
 */
final class SpaceWrappingHelp implements CommandLine.IHelpFactory {

    @Override
    public Help create(CommandSpec spec, ColorScheme colorScheme) {
        return new Help(spec, colorScheme) {
            /**
             * The usage line, {@code Usage: punchsim serve-stun [-hV] --listen=HOST:PORT ...},
             * cut at spaces, later lines indented as picocli indents them: picocli's own cut may
             * fall after the colon of {@code HOST:PORT}.
             */
            @Override
            protected String insertSynopsisCommandName(int headingLength, Text optionText) {
                var usage = commandSpec().usageMessage();
                int width = usage.width();
                String name = commandSpec().qualifiedName();
                // As picocli indents: under the first option, unless the name takes too much of the line.
                int indent = headingLength + name.length() + 1;
                if (indent > usage.synopsisAutoIndentThreshold() * width) {
                    indent = usage.synopsisIndent() < 0 ? headingLength : usage.synopsisIndent();
                    indent = Math.min(indent, (int) (0.9 * width));
                }
                Text line = colorScheme().commandText(name).concat(optionText);
                StringBuilder out = new StringBuilder();
                List<Text> lines = cut(line, width - headingLength, width - indent);
                for (int i = 0; i < lines.size(); i++) {
                    out.append(i == 0 ? "" : " ".repeat(indent)).append(lines.get(i)).append(System.lineSeparator());
                }
                return out.toString();
            }

            @Override
            public Layout createDefaultLayout(List<OptionSpec> options, List<PositionalParamSpec> positionals,
                                              ColorScheme scheme) {
                Layout layout = super.createDefaultLayout(options, positionals, scheme);
                TextTable table = new Table(scheme, layout.textTable());
                return new Layout(scheme, table, layout.optionRenderer(), layout.parameterRenderer());
            }
        };
    }

    /** picocli's table with its columns, which cuts a wrapping column's value at spaces first. */
    private static final class Table extends TextTable {
        private final ColorScheme scheme;

        Table(ColorScheme scheme, TextTable like) {
            super(scheme, like.columns());
            this.scheme = scheme;
            this.indentWrappedLines = like.indentWrappedLines;
            setAdjustLineBreaksForWideCJKCharacters(like.isAdjustLineBreaksForWideCJKCharacters());
        }

        @Override
        public void addRowValues(Text... values) {
            int last = values.length - 1;
            Column column = last >= 0 && last < columns().length ? columns()[last] : null;
            if (column == null || column.overflow != Column.Overflow.WRAP || values[last] == null) {
                super.addRowValues(values);
                return;
            }
            int room = column.width - column.indent;
            List<Text> lines = cut(values[last], room, room - indentWrappedLines);
            Text[] row = values.clone();
            row[last] = lines.get(0);
            super.addRowValues(row);
            for (Text line : lines.subList(1, lines.size())) {
                Text[] more = new Text[values.length];
                Arrays.fill(more, scheme.text(""));
                more[last] = scheme.text(" ".repeat(indentWrappedLines)).concat(line);
                super.addRowValues(more);
            }
        }
    }

    /**
     * {@code value} in lines cut at spaces, the first at most {@code firstRoom} wide and the others
     * at most {@code laterRoom}; a word wider than its line stays whole on a line of its own.
     */
    static List<Text> cut(Text value, int firstRoom, int laterRoom) {
        String plain = value.plainString();
        List<Text> lines = new ArrayList<>();
        if (plain.indexOf('\n') >= 0) {
            lines.add(value);
            return lines;
        }
        int start = 0;
        int room = firstRoom;
        while (plain.length() - start > room) {
            int cut = plain.lastIndexOf(' ', start + room);
            if (cut <= start) {
                // A word wider than the line: it ends the line, whatever it overhangs.
                cut = plain.indexOf(' ', start + 1);
                if (cut < 0) {
                    break;
                }
            }
            lines.add(value.substring(start, cut));
            start = cut + 1;
            room = laterRoom;
        }
        lines.add(value.substring(start));
        return lines;
    }
}
