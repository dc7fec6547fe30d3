package io.punchsim.scenarios.tune;

import io.punchsim.reports.metric.Metric;
import io.punchsim.scenarios.load.Keys;
import io.punchsim.scenarios.load.ScenarioException;
import io.punchsim.scenarios.load.ScenarioLoader;
import io.punchsim.scenarios.load.ScenarioSource;
import io.punchsim.scenarios.yaml.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code front.yaml}: the tuned file with its front as one sweep axis, so that {@code punchsim sweep
 * front.yaml} runs the front points as they are, to the tune's precision, and reproduces their
 * numbers run for run. The file's own text is kept (comments included) without its {@code sweep},
 * {@code precision} and {@code tune} sections; the axis is the key the tuned keys share, each value
 * the whole section as the front point has it.
 */
public final class FrontYaml {

    private FrontYaml() {
    }

    /** The file's text, or empty when the front is empty (there is nothing to sweep). */
    public static java.util.Optional<String> write(TuneResult r) {
        if (r.front().isEmpty()) {
            return java.util.Optional.empty();
        }
        ScenarioSource source = r.spec().source();
        String axis = r.spec().frontAxis();
        StringBuilder y = new StringBuilder();
        y.append("# front.yaml: the front of the tune of ").append(r.file()).append(", ").append(r.front().size())
                .append(r.front().size() == 1 ? " setting" : " settings").append(" that no other beats on ")
                .append(r.spec().objectives().stream().map(Objective::describe).collect(Collectors.joining(", ")));
        if (!r.spec().constraints().isEmpty()) {
            y.append(",\n# under ").append(TuneText.constraints(r.spec().constraints()));
        }
        y.append(".\n# Recommended (the first point): ").append(r.reason().replace("\n", " ")).append(".\n");
        y.append("# punchsim sweep runs these points to the tune's precision, with the same seeds.\n");
        y.append(withoutFileSections(source)).append('\n');
        Metric[] shown = r.spec().objectives().stream().map(Objective::metric).toArray(Metric[]::new);
        y.append("precision: {half-width: ").append(io.punchsim.reports.precision.Precision.percent(r.precision().halfWidth()))
                .append(", metrics: [").append(r.precision().metrics().stream().map(Metric::key).collect(Collectors.joining(", ")))
                .append("], batch: ").append(r.precision().batch()).append(", max-seeds: ").append(r.precision().maxSeeds()).append("}\n");
        y.append("sweep:\n  ").append(axis).append(":\n");
        for (TuneResult.Evaluated c : r.frontCandidates()) {
            Node value = value(r, source, axis, c);
            y.append("    - ").append(TuneText.yaml(value)).append("   # #").append(c.index());
            for (Metric m : shown) {
                y.append(", ").append(m.key()).append(' ').append(TuneText.value(m, m.interval(c.aggregate()).estimate()));
            }
            y.append('\n');
        }
        String text = y.toString();
        try {
            ScenarioLoader.load("front.yaml", text);
        } catch (ScenarioException e) {
            throw new IllegalStateException("front.yaml of " + r.file() + " does not load: " + e.getMessage() + "\n" + text, e);
        }
        return java.util.Optional.of(text);
    }

    // The value at the axis of the candidate's tree: the tuned value itself, or the section holding the tuned keys.
    private static Node value(TuneResult r, ScenarioSource source, String axis, TuneResult.Evaluated c) {
        List<ScenarioSource.Override> overrides = new ArrayList<>();
        for (int d = 0; d < c.coordinates().length; d++) {
            TuneParameter p = r.spec().parameters().get(d);
            overrides.add(new ScenarioSource.Override(p.path(), p.levels().get(c.coordinates()[d]).value(), p.position()));
        }
        Node node = source.tree(overrides);
        for (String key : axis.split("\\.")) {
            node = ((Node.Mapping) node).entries().get(key).value();
        }
        return node;
    }

    /**
     * The file's text without its sweep, precision and tune sections: each is cut from its key's line
     * to the line before the next top-level key, keeping the comment and blank lines just above that
     * key, which describe it. A file written in flow style is written again as one line per key.
     */
    static String withoutFileSections(ScenarioSource source) {
        Node.Mapping root = source.root();
        List<Node.Entry> entries = new ArrayList<>(root.entries().values());
        entries.sort(Comparator.comparingInt(e -> e.keyPosition().line()));
        boolean block = entries.stream().allMatch(e -> e.keyPosition().column() == 1)
                && entries.stream().map(e -> e.keyPosition().line()).distinct().count() == entries.size();
        if (!block) {
            StringBuilder flow = new StringBuilder();
            for (Node.Entry e : root.entries().values()) {
                if (!Keys.FILE_SECTIONS.contains(e.key())) {
                    flow.append(TuneText.yaml(new Node.Scalar(e.key(), Node.ScalarKind.STRING, e.keyPosition()))).append(": ")
                            .append(TuneText.yaml(e.value())).append('\n');
                }
            }
            return flow.toString();
        }
        List<String> lines = new ArrayList<>(source.text().lines().toList());
        boolean[] cut = new boolean[lines.size()];
        for (int i = 0; i < entries.size(); i++) {
            Node.Entry e = entries.get(i);
            if (!Keys.FILE_SECTIONS.contains(e.key())) {
                continue;
            }
            int from = e.keyPosition().line() - 1;
            // The comment just above a section describes it, unless it is the file's opening comment.
            int start = from;
            while (start > 0 && lines.get(start - 1).strip().startsWith("#")) {
                start--;
            }
            boolean opening = true;
            for (int l = 0; l < start; l++) {
                opening &= isCommentOrBlank(lines.get(l));
            }
            if (!opening) {
                from = start;
            }
            int to = i + 1 < entries.size() ? entries.get(i + 1).keyPosition().line() - 1 : lines.size();
            if (i + 1 < entries.size()) {
                while (to - 1 > from && isCommentOrBlank(lines.get(to - 1))) {
                    to--;
                }
            }
            for (int l = from; l < to; l++) {
                cut[l] = true;
            }
        }
        StringBuilder kept = new StringBuilder();
        for (int l = 0; l < lines.size(); l++) {
            if (!cut[l]) {
                kept.append(lines.get(l)).append('\n');
            }
        }
        return kept.toString().stripTrailing() + "\n";
    }

    private static boolean isCommentOrBlank(String line) {
        String t = line.strip();
        return t.isEmpty() || t.startsWith("#");
    }
}
