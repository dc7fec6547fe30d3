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
            List<Text> lines = cut(values[last], column.width - column.indent);
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

        /** The value in lines of at most {@code width} (later lines {@link #indentWrappedLines} less), cut at spaces. */
        private List<Text> cut(Text value, int width) {
            String plain = value.plainString();
            List<Text> lines = new ArrayList<>();
            if (plain.indexOf('\n') >= 0 || plain.length() <= width) {
                lines.add(value);
                return lines;
            }
            int start = 0;
            int room = width;
            while (plain.length() - start > room) {
                int cut = plain.lastIndexOf(' ', start + room);
                if (cut <= start) {
                    break;
                }
                lines.add(value.substring(start, cut));
                start = cut + 1;
                room = width - indentWrappedLines;
            }
            lines.add(value.substring(start));
            return lines;
        }
    }
}
