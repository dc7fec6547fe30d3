package io.punchsim.cli;

import java.util.IllegalFormatException;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * A command's description as its help shows it: its first sentence alone, then the rest as one
 * paragraph. The source splits a description into lines only to keep the code narrow, but picocli
 * prints each element as a paragraph of its own and lists a subcommand by its first element, so
 * without this the command list would cut summaries mid-sentence and narrow terminals would wrap
 * each source line on its own. The paragraphs are then wrapped here, at spaces only.
 */
final class HelpParagraphs {
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z])");

    private HelpParagraphs() {}

    /**
     * The description section, each paragraph wrapped at spaces only. picocli's own wrapping
     * may break a line after any dot, so a file name such as {@code junit.xml} could be split
     * across two lines, and a copied name would be wrong.
     */
    static String render(CommandLine.Help help) {
        var usage = help.commandSpec().usageMessage();
        StringBuilder out = new StringBuilder();
        for (String paragraph : usage.description()) {
            for (String line : formatted(paragraph).split("\\R", -1)) {
                for (var cut : SpaceWrappingHelp.cut(help.colorScheme().text(line.strip()), usage.width(), usage.width())) {
                    out.append(cut).append(System.lineSeparator());
                }
            }
        }
        return out.toString();
    }

    /** As picocli formats a description line (%n, %%), or the line as written if it does not format. */
    static String formatted(String paragraph) {
        try {
            return String.format(paragraph);
        } catch (IllegalFormatException e) {
            return paragraph;
        }
    }

    static String[] of(String[] description) {
        if (description.length == 0) {
            return description;
        }
        String text = String.join(" ", description).strip().replaceAll("\\s+", " ");
        return SENTENCE_END.split(text, 2);
    }
}
