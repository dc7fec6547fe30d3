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
 * whether it was cut short, and the wall-clock facts kept apart. The plan says what the sweep set
 * out to run, so a partial report can say how far it got; the precision is what its points ran to
 * (empty when each ran a fixed number of seeds, and then each planned {@code plan.runsPerPoint()}).
 */
public record SweepReport(ScenarioIdentity scenario, List<Gate> gates, List<SweepPoint> points, boolean partial, WallClock wallClock,
                          Plan plan, Optional<Precision> precision) {

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
            if (p.aggregate().seeds() > plan.runsPerPoint()) {
                throw new IllegalArgumentException("point " + p.label() + " has " + p.aggregate().seeds() + " runs; "
                        + plan.runsPerPoint() + " were planned");
            }
            if (p.stop().isPresent() != precision.isPresent()) {
                throw new IllegalArgumentException("point " + p.label() + (precision.isPresent()
                        ? " has no stop, but the sweep ran to a precision" : " has a stop, but the sweep ran fixed seeds"));
            }
        }
        if (points.size() > plan.points() || (!partial && points.size() != plan.points())) {
            throw new IllegalArgumentException((partial ? "a partial" : "a whole") + " report holds " + points.size()
                    + " points of the " + plan.points() + " planned");
        }
    }

    /**
     * A report whose plan is read off its points: what they hold, or for a partial report the
     * whole grid of its axes.
     */
    public SweepReport(ScenarioIdentity scenario, List<Gate> gates, List<SweepPoint> points, boolean partial, WallClock wallClock) {
        this(scenario, gates, points, partial, wallClock, planOf(scenario, points, partial, Optional.empty()), Optional.empty());
    }

    /** A report of fixed seeds per point that planned {@code plan}. */
    public SweepReport(ScenarioIdentity scenario, List<Gate> gates, List<SweepPoint> points, boolean partial, WallClock wallClock,
                       Plan plan) {
        this(scenario, gates, points, partial, wallClock, plan, Optional.empty());
    }

    /** A report whose plan is read off its points and its precision (a point plans its cap). */
    public SweepReport(ScenarioIdentity scenario, List<Gate> gates, List<SweepPoint> points, boolean partial, WallClock wallClock,
                       Optional<Precision> precision) {
        this(scenario, gates, points, partial, wallClock, planOf(scenario, points, partial, precision), precision);
    }

    private static Plan planOf(ScenarioIdentity scenario, List<SweepPoint> points, boolean partial, Optional<Precision> precision) {
        long ran = points.stream().mapToLong(p -> p.aggregate().seeds()).max().orElse(0);
        long runs = precision.map(p -> Math.max(ran, p.maxSeeds())).orElse(ran);
        long grid = scenario.gridSize();
        int planned = partial && grid <= Integer.MAX_VALUE ? (int) Math.max(points.size(), grid) : points.size();
        return new Plan(planned, runs);
    }

    private static java.util.Set<String> axisNames(ScenarioIdentity scenario) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        scenario.axes().forEach(a -> names.add(a.name()));
        return names;
    }

    /** Builds a report, judging every gate on every point, in the order the points are given. */
    public static SweepReport judge(ScenarioIdentity scenario, List<Gate> gates, Map<Map<String, String>, PointAggregate> points,
                                    boolean partial, WallClock wallClock) {
        return new SweepReport(scenario, gates, judged(gates, points), partial, wallClock);
    }

    /** Builds a report of a sweep that planned {@code plan}, judging every gate on every point. */
    public static SweepReport judge(ScenarioIdentity scenario, List<Gate> gates, Map<Map<String, String>, PointAggregate> points,
                                    boolean partial, WallClock wallClock, Plan plan) {
        return new SweepReport(scenario, gates, judged(gates, points), partial, wallClock, plan);
    }

    /**
     * Builds the report of a sweep run to {@code precision}: {@code stops.get(i)} says where the
     * {@code i}-th of {@code points} stopped.
     */
    public static SweepReport judge(ScenarioIdentity scenario, List<Gate> gates, Map<Map<String, String>, PointAggregate> points,
                                    Precision precision, List<PrecisionStop> stops, boolean partial, WallClock wallClock) {
        List<SweepPoint> judged = judged(gates, points, stops);
        return new SweepReport(scenario, gates, judged, partial, wallClock, Optional.of(precision));
    }

    /** As above, for a sweep that planned {@code plan} (each point at most its precision's cap). */
    public static SweepReport judge(ScenarioIdentity scenario, List<Gate> gates, Map<Map<String, String>, PointAggregate> points,
                                    Precision precision, List<PrecisionStop> stops, boolean partial, WallClock wallClock,
                                    Plan plan) {
        return new SweepReport(scenario, gates, judged(gates, points, stops), partial, wallClock, plan, Optional.of(precision));
    }

    private static List<SweepPoint> judged(List<Gate> gates, Map<Map<String, String>, PointAggregate> points,
                                           List<PrecisionStop> stops) {
        if (stops.size() != points.size()) {
            throw new IllegalArgumentException(stops.size() + " stops for " + points.size() + " points");
        }
        List<SweepPoint> judged = new ArrayList<>();
        int[] i = {0};
        points.forEach((parameters, aggregate) -> judged.add(
                new SweepPoint(parameters, aggregate, judge(gates, aggregate), Optional.of(stops.get(i[0]++)))));
        return judged;
    }

    private static List<SweepPoint> judged(List<Gate> gates, Map<Map<String, String>, PointAggregate> points) {
        List<SweepPoint> judged = new ArrayList<>();
        points.forEach((parameters, aggregate) -> judged.add(new SweepPoint(parameters, aggregate, judge(gates, aggregate))));
        return judged;
    }

    static List<GateVerdict> judge(List<Gate> gates, PointAggregate aggregate) {
        List<GateVerdict> verdicts = new ArrayList<>();
        for (Gate g : gates) {
            verdicts.add(g.judge(aggregate));
        }
        return verdicts;
    }

    /**
     * Whether every gate passed on every planned point. A partial report never passes: its gates
     * were not judged on what did not run.
     */
    public boolean passed() {
        return !partial && points.stream().allMatch(SweepPoint::passed);
    }

    /**
     * Whether this point ran every planned run, or stopped by its precision rule rather than by an
     * interruption: every point of a whole report did.
     */
    public boolean complete(SweepPoint point) {
        if (point.stop().isPresent()) {
            return !partial || point.stop().get().reason() != PrecisionStop.Reason.INTERRUPTED;
        }
        return !partial || point.aggregate().seeds() == plan.runsPerPoint();
    }

    /** Points that ran every planned run. */
    public int completePoints() {
        return (int) points.stream().filter(this::complete).count();
    }

    /**
     * How far an interrupted sweep got, e.g. {@code interrupted: 5 of 27 points (5,300 of 27,000
     * runs)}: the points that ran in full, of those planned.
     */
    public String interruption() {
        return "interrupted: " + progress();
    }

    /** How far the sweep got, e.g. {@code 5 of 27 points (5,300 of 27,000 runs)}: the points that ran in full, of those planned. */
    public String progress() {
        return String.format(java.util.Locale.ROOT, "%d of %d points (%,d of %,d runs)", completePoints(), plan.points(),
                totalRuns(), plan.runs());
    }

    /**
     * The parameters of every planned point that is not in this report, in grid order, when the
     * axes spell out the plan's grid (the points run in grid order, so these are the last ones);
     * empty otherwise.
     */
    public List<Map<String, String>> pointsNotRun() {
        if (scenario.gridSize() != plan.points()) {
            return List.of();
        }
        java.util.Set<Map<String, String>> ran = new java.util.HashSet<>();
        points.forEach(p -> ran.add(p.parameters()));
        List<Map<String, String>> missing = new ArrayList<>();
        for (Map<String, String> parameters : scenario.grid()) {
            if (!ran.contains(parameters)) {
                missing.add(parameters);
            }
        }
        return missing;
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

    /** Runs over all points: client runs, as the points count them (a session of N clients is N runs). */
    public long totalRuns() {
        return points.stream().mapToLong(p -> p.aggregate().runs()).sum();
    }

    /** Seeds run over all points, one session each: the unit of the plan. */
    public long totalSeeds() {
        return points.stream().mapToLong(p -> p.aggregate().seeds()).sum();
    }

    /** All points' runs pooled, e.g. for the overall NAT-pair matrix. */
    public PointAggregate pooled() {
        PointAggregate all = new PointAggregate();
        points.forEach(p -> all.merge(p.aggregate()));
        return all;
    }
}
