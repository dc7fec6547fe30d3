package io.punchsim.cli;

import java.util.regex.Pattern;

/**
 * A command's description as its help shows it: its first sentence alone, then the rest as one
 * paragraph. The source splits a description into lines only to keep the code narrow, but picocli
 * prints each element as a paragraph of its own and lists a subcommand by its first element, so
 * without this the command list would cut summaries mid-sentence and narrow terminals would wrap
 * each source line on its own.
 */
final class HelpParagraphs {
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z])");

    private HelpParagraphs() {}

    static String[] of(String[] description) {
        if (description.length == 0) {
            return description;
        }
        String text = String.join(" ", description).strip().replaceAll("\\s+", " ");
        return SENTENCE_END.split(text, 2);
    }
}
