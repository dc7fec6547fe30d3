package io.punchsim.scenarios.tune;

import io.punchsim.reports.gate.Gate;
import io.punchsim.reports.metric.Metric;
import io.punchsim.scenarios.load.ScenarioSource;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The {@code tune:} section of a scenario file: the keys to tune and their values (their product is
 * the candidate grid), the objectives, the constraints every chosen setting must meet (gates on each
 * candidate), the objective that picks the recommendation, the budget and the first design's size.
 *
 * @param plot   the two metrics {@code tune.html} plots the candidates on
 * @param source the file, to bind each candidate from
 */
public record TuneSpec(List<TuneParameter> parameters, List<Objective> objectives, List<Gate> constraints, Objective choice,
                       OptionalLong budget, OptionalInt initial, List<Metric> plot, ScenarioSource source) {

    /** The largest grid a tune accepts; only the candidates it evaluates are held. */
    public static final long MAX_CANDIDATES = 1_000_000;

    public TuneSpec {
        parameters = List.copyOf(parameters);
        objectives = List.copyOf(objectives);
        constraints = List.copyOf(constraints);
        plot = List.copyOf(plot);
        if (parameters.isEmpty() || objectives.isEmpty() || choice == null || plot.size() != 2 || source == null) {
            throw new IllegalArgumentException("a tune needs parameters, objectives, a choice, two plotted metrics and its file");
        }
    }

    /** Candidates in the grid: the product of the parameters' sizes. */
    public long gridSize() {
        long n = 1;
        for (TuneParameter p : parameters) {
            n *= p.size();
        }
        return n;
    }

    /**
     * The one sweep axis of {@code front.yaml}: the longest dotted prefix every tuned key shares, a
     * single key itself; never empty (the loader refuses keys of different sections).
     */
    public String frontAxis() {
        String[] common = parameters.get(0).path().split("\\.");
        int length = parameters.size() == 1 ? common.length : common.length - 1;
        for (TuneParameter p : parameters.subList(1, parameters.size())) {
            String[] keys = p.path().split("\\.");
            int i = 0;
            while (i < length && i < keys.length - 1 && keys[i].equals(common[i])) {
                i++;
            }
            length = i;
        }
        return String.join(".", java.util.Arrays.copyOf(common, length));
    }
}
