package io.punchsim.reports.sweep;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.gate.Gate;
import io.punchsim.reports.gate.GateVerdict;
import io.punchsim.reports.precision.Precision;
import io.punchsim.reports.precision.PrecisionStop;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of a sweep: which scenario, the gates, every point with its aggregate and verdicts,
 * whether it was cut short, the wall-clock facts kept apart, and the precision its points ran to
 * (empty when each ran a fixed number of seeds).
 */
public record SweepReport(ScenarioIdentity scenario, List<Gate> gates, List<SweepPoint> points, boolean partial, WallClock wallClock,
                          Optional<Precision> precision) {

    /** The {@code report.json} schema this code writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    public SweepReport {
        if (scenario == null || wallClock == null || precision == null) {
            throw new IllegalArgumentException("scenario, wall clock and precision must not be null");
        }
        gates = List.copyOf(gates);
        points = List.copyOf(points);
        for (SweepPoint p : points) {
            if (!p.parameters().keySet().equals(axisNames(scenario))) {
                throw new IllegalArgumentException("point " + p.label() + " does not give exactly the axes " + axisNames(scenario));
            }
            if (p.stop().isPresent() != precision.isPresent()) {
                throw new IllegalArgumentException("point " + p.label() + (precision.isPresent()
                        ? " has no stop, but the sweep ran to a precision" : " has a stop, but the sweep ran fixed seeds"));
            }
        }
    }

    /** A sweep whose points each ran a fixed number of seeds. */
    public SweepReport(ScenarioIdentity scenario, List<Gate> gates, List<SweepPoint> points, boolean partial, WallClock wallClock) {
        this(scenario, gates, points, partial, wallClock, Optional.empty());
    }

    private static java.util.Set<String> axisNames(ScenarioIdentity scenario) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        scenario.axes().forEach(a -> names.add(a.name()));
        return names;
    }

    /** Builds a report, judging every gate on every point, in the order the points are given. */
    public static SweepReport judge(ScenarioIdentity scenario, List<Gate> gates, Map<Map<String, String>, PointAggregate> points,
                                    boolean partial, WallClock wallClock) {
        List<SweepPoint> judged = new ArrayList<>();
        points.forEach((parameters, aggregate) -> judged.add(new SweepPoint(parameters, aggregate, judge(gates, aggregate))));
        return new SweepReport(scenario, gates, judged, partial, wallClock);
    }

    /**
     * Builds the report of a sweep run to {@code precision}: {@code stops.get(i)} says where the
     * {@code i}-th of {@code points} stopped.
     */
    public static SweepReport judge(ScenarioIdentity scenario, List<Gate> gates, Map<Map<String, String>, PointAggregate> points,
                                    Precision precision, List<PrecisionStop> stops, boolean partial, WallClock wallClock) {
        if (stops.size() != points.size()) {
            throw new IllegalArgumentException(stops.size() + " stops for " + points.size() + " points");
        }
        List<SweepPoint> judged = new ArrayList<>();
        int[] i = {0};
        points.forEach((parameters, aggregate) -> judged.add(
                new SweepPoint(parameters, aggregate, judge(gates, aggregate), Optional.of(stops.get(i[0]++)))));
        return new SweepReport(scenario, gates, judged, partial, wallClock, Optional.of(precision));
    }

    static List<GateVerdict> judge(List<Gate> gates, PointAggregate aggregate) {
        List<GateVerdict> verdicts = new ArrayList<>();
        for (Gate g : gates) {
            verdicts.add(g.judge(aggregate));
        }
        return verdicts;
    }

    /** Whether every gate passed on every point. */
    public boolean passed() {
        return points.stream().allMatch(SweepPoint::passed);
    }

    /** Every failed verdict with its point, in report order. */
    public List<String> failures() {
        List<String> failures = new ArrayList<>();
        for (SweepPoint p : points) {
            for (GateVerdict v : p.verdicts()) {
                if (!v.passed()) {
                    failures.add(p.label() + ": " + v.message());
                }
            }
        }
        return failures;
    }

    public long totalRuns() {
        return points.stream().mapToLong(p -> p.aggregate().runs()).sum();
    }

    /** All points' runs pooled, e.g. for the overall NAT-pair matrix. */
    public PointAggregate pooled() {
        PointAggregate all = new PointAggregate();
        points.forEach(p -> all.merge(p.aggregate()));
        return all;
    }
}
