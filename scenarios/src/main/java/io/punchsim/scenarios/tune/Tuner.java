package io.punchsim.scenarios.tune;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.gate.Gate;
import io.punchsim.reports.gate.GateOperator;
import io.punchsim.reports.metric.Interval;
import io.punchsim.reports.metric.Metric;
import io.punchsim.reports.precision.Precision;
import io.punchsim.reports.precision.PrecisionStop;
import io.punchsim.reports.sweep.WallClock;
import io.punchsim.scenarios.load.LoadedScenario;
import io.punchsim.scenarios.load.Problem;
import io.punchsim.scenarios.load.ScenarioException;
import io.punchsim.scenarios.load.ScenarioSource;
import io.punchsim.scenarios.run.PreparedPoint;
import io.punchsim.scenarios.sweep.SweepPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

/**
 * {@code punchsim tune}: searches the grid of a scenario's {@code tune:} values for the front of its
 * objectives under its constraints, spending seeds where the decision is close. The method (in
 * {@code scenarios/README.md}, "Tuning"):
 * <ol>
 *   <li>a space-filling first design ({@link Grid#design});</li>
 *   <li>rounds: every running candidate runs its next batch of seeds, the same seeds for every
 *       candidate, in seed order, all batches of a round over the threads at once;</li>
 *   <li>after each round a candidate is ruled out when a constraint fails even at its interval's
 *       optimistic end, or when a surely feasible candidate is at least as good on every estimate
 *       and better beyond the intervals on one objective; a candidate stops when it reaches the
 *       precision (the same rule a precision sweep applies) or max-seeds;</li>
 *   <li>the grid neighbours of the current front (by estimates) join the race;</li>
 *   <li>when nothing runs, an outperformed candidate that no front point dominates on the
 *       estimates runs again (once), so every candidate seen is beaten by the front.</li>
 * </ol>
 * The front is the feasible candidates (their constraints judged as gates) that none dominates on
 * the estimates; the choice is the front's best on the choice objective. Every decision reads only
 * whole batches, so the result is a pure function of the file, its root seed and the options,
 * whatever the number of threads or the engine that makes the runs ({@link TuneEngine}: this
 * machine's threads, or Spark). {@link Mode#FULL_GRID} runs every candidate to its precision
 * instead, to measure what the race saves.
 */
public final class Tuner {

    /** How candidates are chosen and stopped. */
    public enum Mode {
        /** The race above. */
        RACE("race"),
        /** Every candidate of the grid to its precision; no candidate is ruled out or added. */
        FULL_GRID("full-grid");

        private final String key;

        Mode(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** The precision of a tune whose file has no {@code precision:} section: every rate to a 1% half-width. */
    public static final double DEFAULT_HALF_WIDTH = 0.01;
    /** A full grid holds every candidate's aggregate at once. */
    public static final int MAX_FULL_GRID = 10_000;

    /**
     * How a tune runs: threads, the precision (the file's {@code precision:} section unless given;
     * a half-width alone judges every rate, in the file's batches), the budget (the file's unless
     * given) and the mode.
     */
    public record Options(int threads, Optional<Precision> precision, OptionalDouble halfWidth, OptionalLong budget, Mode mode) {
        public Options {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
            if (budget.isPresent() && budget.getAsLong() < 1) {
                throw new IllegalArgumentException("a budget is at least 1 run, got " + budget.getAsLong());
            }
        }

        public static Options defaults() {
            return new Options(Runtime.getRuntime().availableProcessors(), Optional.empty(), OptionalDouble.empty(),
                    OptionalLong.empty(), Mode.RACE);
        }

        public Options withThreads(int threads) {
            return new Options(threads, precision, halfWidth, budget, mode);
        }

        public Options withPrecision(Precision precision) {
            return new Options(threads, Optional.of(precision), OptionalDouble.empty(), budget, mode);
        }

        public Options withHalfWidth(double halfWidth) {
            return new Options(threads, Optional.empty(), OptionalDouble.of(halfWidth), budget, mode);
        }

        public Options withBudget(long runs) {
            return new Options(threads, precision, halfWidth, OptionalLong.of(runs), mode);
        }

        public Options withMode(Mode mode) {
            return new Options(threads, precision, halfWidth, budget, mode);
        }
    }

    /** A candidate while the tune runs. */
    private static final class Candidate {
        final int index;
        final int[] coordinates;
        final Map<String, String> labels;
        final String origin;
        final int round;
        final PointAggregate aggregate = new PointAggregate();
        PreparedPoint prepared;
        CandidateStatus status = CandidateStatus.RUNNING;
        String why = "";
        Integer by;
        boolean revived;
        double[][] objectives;
        Interval[] constraints;

        Candidate(int index, int[] coordinates, Map<String, String> labels, String origin, int round) {
            this.index = index;
            this.coordinates = coordinates;
            this.labels = labels;
            this.origin = origin;
            this.round = round;
        }

        String label() {
            return SweepPoint.label(labels);
        }
    }

    private final LoadedScenario loaded;
    private final TuneSpec spec;
    private final Precision precision;
    private final OptionalLong budget;
    private final Mode mode;
    private final Grid grid;
    private final TreeMap<Integer, Candidate> candidates = new TreeMap<>();
    private final TuneEngine engine;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile int running;
    private volatile long projected;

    private Tuner(LoadedScenario loaded, TuneSpec spec, Precision precision, OptionalLong budget, Mode mode, TuneEngine engine) {
        this.loaded = loaded;
        this.spec = spec;
        this.precision = precision;
        this.budget = budget;
        this.mode = mode;
        this.grid = new Grid(spec.parameters());
        this.engine = engine;
    }

    /**
     * A tune of the file's {@code tune:} section, its runs made by this machine's threads.
     *
     * @throws IllegalArgumentException naming the file, when it has no tune section or its full grid is too large
     */
    public static Tuner prepare(LoadedScenario loaded, Options options) {
        return prepare(loaded, options, TuneEngine::local);
    }

    /**
     * A tune of the file's {@code tune:} section, its runs made by the engine {@code engine} makes
     * for the options' threads, once the file has passed every check; the tune closes it when it
     * has run.
     *
     * @throws IllegalArgumentException naming the file, when it has no tune section or its full grid is too large
     */
    public static Tuner prepare(LoadedScenario loaded, Options options, IntFunction<TuneEngine> engine) {
        TuneSpec spec = loaded.tune().orElseThrow(() -> new IllegalArgumentException(loaded.file()
                + ": there is no tune: section to tune; add one (scenarios/README.md, \"Tuning\")"));
        Precision precision = options.precision().orElseGet(() -> {
            Precision file = loaded.precision().orElseGet(() -> new Precision(DEFAULT_HALF_WIDTH, Precision.defaultMetrics(),
                    Precision.DEFAULT_BATCH, Precision.DEFAULT_MAX_SEEDS));
            return options.halfWidth().isPresent() ? file.everyRate(options.halfWidth().getAsDouble()) : file;
        });
        if (options.mode() == Mode.FULL_GRID && spec.gridSize() > MAX_FULL_GRID) {
            // Named where the grid is written, as the loader names a grid too large for a race.
            var at = spec.parameters().get(0).position();
            throw new IllegalArgumentException(new Problem(loaded.file(), at.line(), at.column(), "tune.parameters", "the full grid has "
                    + spec.gridSize() + " candidates; a full grid runs at most " + MAX_FULL_GRID + " (a race takes the grid)").toString());
        }
        // A full grid is the baseline a race is measured against: the file's budget does not cut it.
        OptionalLong budget = options.budget().isPresent() ? options.budget()
                : options.mode() == Mode.FULL_GRID ? OptionalLong.empty() : spec.budget();
        return new Tuner(loaded, spec, precision, budget, options.mode(), engine.apply(options.threads()));
    }

    public TuneSpec spec() {
        return spec;
    }

    public Precision precision() {
        return precision;
    }

    public OptionalLong budget() {
        return budget;
    }

    public long gridSize() {
        return grid.size();
    }

    /** Runs the engine has finished so far, for a progress bar; any thread may ask. */
    public long runsDone() {
        return engine.runsDone();
    }

    /** The budget, or without one a guess at the runs the tune will make, for a progress bar. */
    public long expectedRuns() {
        long guess = Math.max(projected, runsDone());
        return budget.isPresent() ? Math.min(budget.getAsLong(), Math.max(guess, 1)) : guess;
    }

    /** Candidates still running batches. */
    public int candidatesLeft() {
        return running;
    }

    /** Candidates evaluated so far. */
    public int candidatesEvaluated() {
        return candidates.size();
    }

    /**
     * Asks {@link #run} to stop soon; it returns what it found, marked interrupted, with what its
     * engine keeps of the round it cut ({@link TuneEngine#run}).
     */
    public void cancel() {
        engine.cancel();
    }

    /**
     * Runs the tune.
     *
     * @throws IllegalArgumentException naming the candidate, if one cannot run
     * @throws IllegalStateException if it has run before, or a run fails (naming its seed)
     */
    public TuneResult run() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a tune runs once; prepare another");
        }
        long startedAt = System.nanoTime();
        TuneResult.Stop stop = TuneResult.Stop.SETTLED;
        int round = 0;
        try (engine) {
            if (mode == Mode.FULL_GRID) {
                for (int i = 0; i < grid.size(); i++) {
                    add(i, "grid", 0);
                }
            } else {
                int initial = spec.initial().orElse(Math.max(10, 10 * grid.dimensions()));
                for (int i : grid.design(initial)) {
                    add(i, "design", 0);
                }
            }
            projected = project();
            while (true) {
                Set<Integer> front = estimateFront();
                List<Candidate> runningNow = candidates.values().stream().filter(c -> c.status == CandidateStatus.RUNNING)
                        .sorted(Comparator.comparing((Candidate c) -> !front.contains(c.index)).thenComparingInt(c -> c.index))
                        .toList();
                running = runningNow.size();
                if (runningNow.isEmpty()) {
                    if (mode == Mode.RACE && revive() > 0) {
                        continue;
                    }
                    break;
                }
                List<TuneEngine.Batch> batches = new ArrayList<>();
                List<Candidate> ran = new ArrayList<>();
                long room = budget.isPresent() ? budget.getAsLong() - runs() : Long.MAX_VALUE;
                for (Candidate c : runningNow) {
                    long from = c.aggregate.seeds();
                    long to = precision.batchEnd(from);
                    if (to - from > room) {
                        break;
                    }
                    room -= to - from;
                    batches.add(new TuneEngine.Batch(c.index, prepared(c), from, to, c.aggregate));
                    ran.add(c);
                }
                if (batches.isEmpty()) {
                    stop = TuneResult.Stop.BUDGET;
                    runningNow.forEach(c -> end(c, CandidateStatus.BUDGET, "the budget ran out after " + c.aggregate.seeds() + " seeds"));
                    break;
                }
                if (!engine.run(batches)) {
                    stop = TuneResult.Stop.INTERRUPTED;
                    runningNow.forEach(c -> end(c, CandidateStatus.INTERRUPTED, "interrupted after " + c.aggregate.seeds() + " seeds"));
                    break;
                }
                round++;
                for (Candidate c : ran) {
                    measure(c);
                    Optional<PrecisionStop.Reason> reason = precision.stop(c.aggregate);
                    if (reason.isPresent()) {
                        end(c, reason.get() == PrecisionStop.Reason.PRECISE ? CandidateStatus.PRECISE : CandidateStatus.MAX_SEEDS,
                                stopWhy(c, reason.get()));
                    }
                }
                if (mode == Mode.RACE) {
                    ruleOut();
                    for (int index : estimateFront()) {
                        for (int n : grid.neighbours(index)) {
                            if (!candidates.containsKey(n)) {
                                add(n, "next to #" + index, round);
                            }
                        }
                    }
                }
                projected = project();
            }
        }
        running = 0;
        return result(stop, round, (System.nanoTime() - startedAt) / 1e9);
    }

    /**
     * The runs (seeds: one game session each) in the candidates' aggregates, what the budget and
     * the result count: on this machine, the pool's count; on any engine, only what was merged.
     */
    private long runs() {
        long runs = 0;
        for (Candidate c : candidates.values()) {
            runs += c.aggregate.seeds();
        }
        return runs;
    }

    // ---- candidates ----

    private void add(int index, String origin, int round) {
        int[] c = grid.coordinates(index);
        candidates.put(index, new Candidate(index, c, labels(spec, c), origin, round));
    }

    private static Map<String, String> labels(TuneSpec spec, int[] coordinates) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int d = 0; d < coordinates.length; d++) {
            TuneParameter p = spec.parameters().get(d);
            labels.put(p.path(), p.levels().get(coordinates[d]).label());
        }
        return labels;
    }

    /** The overrides that make the candidate's scenario from the file. */
    static List<ScenarioSource.Override> overrides(TuneSpec spec, int[] coordinates) {
        List<ScenarioSource.Override> overrides = new ArrayList<>();
        for (int d = 0; d < coordinates.length; d++) {
            TuneParameter p = spec.parameters().get(d);
            overrides.add(new ScenarioSource.Override(p.path(), p.levels().get(coordinates[d]).value(), p.position()));
        }
        return overrides;
    }

    private PreparedPoint prepared(Candidate c) {
        if (c.prepared == null) {
            c.prepared = prepare(loaded, spec, c.index, c.coordinates, c.labels);
        }
        return c.prepared;
    }

    /**
     * The point of the candidate numbered {@code index} in the grid of the file's tune, prepared to
     * run: what any engine runs for it, on this machine or an executor that has the file's text.
     *
     * @throws IllegalArgumentException naming the file and the candidate, if it cannot run or is not in the grid
     */
    public static PreparedPoint candidate(LoadedScenario loaded, int index) {
        TuneSpec spec = loaded.tune().orElseThrow(() -> new IllegalArgumentException(loaded.file() + ": there is no tune: section"));
        Grid grid = new Grid(spec.parameters());
        if (index < 0 || index >= grid.size()) {
            throw new IllegalArgumentException(loaded.file() + ": the tune's grid has no candidate " + index);
        }
        int[] coordinates = grid.coordinates(index);
        return prepare(loaded, spec, index, coordinates, labels(spec, coordinates));
    }

    private static PreparedPoint prepare(LoadedScenario loaded, TuneSpec spec, int index, int[] coordinates,
                                         Map<String, String> labels) {
        try {
            SweepPoint point = spec.source().bind(index, labels, overrides(spec, coordinates));
            return PreparedPoint.of(point);
        } catch (ScenarioException | IllegalArgumentException e) {
            throw new IllegalArgumentException(loaded.file() + ": the tune's candidate " + SweepPoint.label(labels) + " cannot run: "
                    + e.getMessage(), e);
        }
    }

    private void end(Candidate c, CandidateStatus status, String why) {
        c.status = status;
        c.why = why;
        // Its topologies are no longer needed; a candidate run again prepares anew.
        c.prepared = null;
    }

    private void measure(Candidate c) {
        c.objectives = new double[spec.objectives().size()][];
        for (int o = 0; o < c.objectives.length; o++) {
            Objective objective = spec.objectives().get(o);
            c.objectives[o] = objective.oriented(objective.metric().interval(c.aggregate));
        }
        c.constraints = spec.constraints().stream().map(g -> g.metric().interval(c.aggregate)).toArray(Interval[]::new);
    }

    private String stopWhy(Candidate c, PrecisionStop.Reason reason) {
        StringBuilder widths = new StringBuilder(c.revived ? "run again, as no front point beat it; " : "");
        int start = widths.length();
        precision.halfWidths(c.aggregate).forEach((m, w) -> widths.append(widths.length() == start ? "" : ", ").append(m.key())
                .append(" ±").append(Precision.percent(round(w))));
        String widthText = widths.substring(start);
        return widths.substring(0, start) + (reason == PrecisionStop.Reason.PRECISE ? "precise after " : "max-seeds reached after ")
                + c.aggregate.seeds() + " seeds: " + widthText;
    }

    private static double round(double w) {
        return Math.round(w * 1e6) / 1e6;
    }

    // ---- the race ----

    private static double reported(Gate g, double value) {
        return g.metric().unit().toReported(value);
    }

    /** Fails even at the optimistic end of its interval, or has nothing to measure. */
    static boolean surelyFails(Gate g, Interval i) {
        if (!i.present()) {
            return true;
        }
        return g.operator() == GateOperator.AT_LEAST ? reported(g, i.upper()) < g.bound() : reported(g, i.lower()) > g.bound();
    }

    /** Passes even at the conservative end of its interval. */
    static boolean surelyPasses(Gate g, Interval i) {
        return i.present() && (g.operator() == GateOperator.AT_LEAST ? reported(g, i.lower()) >= g.bound()
                : reported(g, i.upper()) <= g.bound());
    }

    static boolean passesOnEstimate(Gate g, Interval i) {
        return i.present() && g.operator().holds(reported(g, i.estimate()), g.bound());
    }

    /**
     * b is at least as good as a on every estimate, and better beyond the intervals (b's conservative
     * end above a's optimistic end) on at least one objective.
     */
    static boolean outperforms(double[][] b, double[][] a) {
        if (!dominatesOrEquals(b, a)) {
            return false;
        }
        for (int o = 0; o < a.length; o++) {
            if (b[o][0] > a[o][2]) {
                return true;
            }
        }
        return false;
    }

    private static boolean dominatesOrEquals(double[][] b, double[][] a) {
        for (int o = 0; o < a.length; o++) {
            if (b[o][1] < a[o][1]) {
                return false;
            }
        }
        return true;
    }

    /** b is no worse than a beyond the intervals on every objective. */
    static boolean covers(double[][] b, double[][] a) {
        for (int o = 0; o < a.length; o++) {
            if (b[o][2] < a[o][0]) {
                return false;
            }
        }
        return true;
    }

    /** b is at least as good as a on every estimate and better on one. */
    static boolean dominates(double[][] b, double[][] a) {
        boolean better = false;
        for (int o = 0; o < a.length; o++) {
            if (b[o][1] < a[o][1]) {
                return false;
            }
            if (b[o][1] > a[o][1]) {
                better = true;
            }
        }
        return better;
    }

    private boolean measured(Candidate c) {
        return c.objectives != null && !c.status.ruledOut();
    }

    private void ruleOut() {
        for (Candidate c : candidates.values()) {
            if (!measured(c)) {
                continue;
            }
            for (int g = 0; g < c.constraints.length; g++) {
                Gate gate = spec.constraints().get(g);
                if (surelyFails(gate, c.constraints[g])) {
                    end(c, CandidateStatus.INFEASIBLE, infeasibleWhy(gate, c.constraints[g], c.aggregate.seeds()));
                    break;
                }
            }
        }
        List<Candidate> feasible = candidates.values().stream().filter(this::measured).filter(this::surelyFeasible).toList();
        for (Candidate a : candidates.values()) {
            if (!measured(a)) {
                continue;
            }
            for (Candidate b : feasible) {
                if (b != a && !b.status.ruledOut() && outperforms(b.objectives, a.objectives)) {
                    end(a, CandidateStatus.OUTPERFORMED, (a.revived ? "run again, then " : "") + outperformedWhy(a, b));
                    a.by = b.index;
                    break;
                }
            }
        }
    }

    private boolean surelyFeasible(Candidate c) {
        for (int g = 0; g < c.constraints.length; g++) {
            if (!surelyPasses(spec.constraints().get(g), c.constraints[g])) {
                return false;
            }
        }
        return true;
    }

    private boolean feasibleOnEstimates(Candidate c) {
        for (int g = 0; g < c.constraints.length; g++) {
            if (!passesOnEstimate(spec.constraints().get(g), c.constraints[g])) {
                return false;
            }
        }
        return true;
    }

    private boolean feasible(Candidate c) {
        return c.aggregate.runs() > 0 && spec.constraints().stream().allMatch(g -> g.judge(c.aggregate).passed());
    }

    /** The candidates not ruled out, feasible on their estimates, that none of them dominates: the race's front now. */
    private Set<Integer> estimateFront() {
        List<Candidate> pool = candidates.values().stream().filter(this::measured).filter(this::feasibleOnEstimates).toList();
        return nonDominated(pool);
    }

    private static Set<Integer> nonDominated(List<Candidate> pool) {
        Set<Integer> front = new TreeSet<>();
        for (Candidate a : pool) {
            if (pool.stream().noneMatch(b -> b != a && dominates(b.objectives, a.objectives))) {
                front.add(a.index);
            }
        }
        return front;
    }

    /** The front of the result: candidates not ruled out whose constraints pass as gates, none dominated on the estimates. */
    private List<Candidate> finalFront() {
        List<Candidate> pool = candidates.values().stream().filter(this::measured).filter(this::feasible).toList();
        Set<Integer> front = nonDominated(pool);
        return pool.stream().filter(c -> front.contains(c.index)).toList();
    }

    /**
     * Runs again every outperformed candidate that no front point dominates on the estimates (the
     * one that beat it may have moved since, or left the front), once: it may be outperformed again,
     * never run again twice, so the race ends; how many.
     */
    private int revive() {
        List<Candidate> front = finalFront();
        int revived = 0;
        for (Candidate a : candidates.values()) {
            if (a.status == CandidateStatus.OUTPERFORMED && !a.revived
                    && front.stream().noneMatch(f -> dominates(f.objectives, a.objectives))) {
                a.status = CandidateStatus.RUNNING;
                a.revived = true;
                a.by = null;
                a.why = "";
                revived++;
            }
        }
        return revived;
    }

    private long project() {
        long total = 0;
        for (Candidate c : candidates.values()) {
            total += c.status == CandidateStatus.RUNNING ? precision.projectedSeeds(c.aggregate) : c.aggregate.seeds();
        }
        return total;
    }

    // ---- words ----

    private String infeasibleWhy(Gate gate, Interval i, long seeds) {
        if (!i.present()) {
            return gate.metric().key() + " has nothing to measure after " + seeds + " seeds";
        }
        boolean atLeast = gate.operator() == GateOperator.AT_LEAST;
        return gate.metric().key() + " is at " + (atLeast ? "most " : "least ") + TuneText.value(gate.metric(), atLeast ? i.upper() : i.lower())
                + " (95% " + (atLeast ? "upper" : "lower") + " bound after " + seeds + " seeds), " + (atLeast ? "below " : "above ")
                + TuneText.constraint(gate).replaceFirst("^\\S+ \\S+ ", "");
    }

    private String outperformedWhy(Candidate a, Candidate b) {
        for (int o = 0; o < a.objectives.length; o++) {
            if (b.objectives[o][0] > a.objectives[o][2]) {
                Metric m = spec.objectives().get(o).metric();
                return "outperformed by #" + b.index + " (" + b.label() + "), at least as good on every estimate and better beyond"
                        + " the intervals on " + m.key() + ": " + TuneText.interval(m, b.aggregate) + " against "
                        + TuneText.interval(m, a.aggregate) + " after " + a.aggregate.seeds() + " seeds";
            }
        }
        throw new IllegalStateException("not outperformed");
    }

    // ---- the result ----

    private TuneResult result(TuneResult.Stop stop, int rounds, double seconds) {
        List<Candidate> front = new ArrayList<>(finalFront());
        Objective choice = spec.choice();
        List<Objective> order = new ArrayList<>(List.of(choice));
        spec.objectives().stream().filter(o -> !o.metric().equals(choice.metric())).forEach(order::add);
        Comparator<Candidate> best = Comparator.comparingInt(c -> 0);
        for (Objective o : order) {
            best = best.thenComparing(c -> -o.oriented(o.metric().interval(c.aggregate))[1]);
        }
        best = best.thenComparingInt(c -> c.index);
        front.sort(best);
        List<TuneResult.Evaluated> evaluated = new ArrayList<>();
        for (Candidate c : candidates.values()) {
            evaluated.add(new TuneResult.Evaluated(c.index, c.coordinates.clone(), c.labels, c.origin, c.round, c.status, c.why,
                    Optional.ofNullable(c.by), c.aggregate, feasible(c)));
        }
        Optional<Integer> chosen = front.isEmpty() ? Optional.empty() : Optional.of(front.get(0).index);
        String reason = front.isEmpty() ? noChoiceReason() : reason(front, order);
        long runs = runs();
        WallClock clock = WallClock.ofThisMachine(seconds, runs, engine.threads());
        return new TuneResult(loaded.base().name(), loaded.file(), mode, spec, precision, budget, grid.size(), evaluated,
                front.stream().map(c -> c.index).toList(), chosen, reason, runs, stop, rounds, clock);
    }

    private String noChoiceReason() {
        if (candidates.values().stream().noneMatch(c -> c.aggregate.runs() > 0)) {
            return "nothing ran";
        }
        return "no evaluated setting meets every constraint ("
                + TuneText.constraints(spec.constraints()) + ")";
    }

    private String reason(List<Candidate> front, List<Objective> order) {
        Candidate c = front.get(0);
        Objective choice = order.get(0);
        Metric m = choice.metric();
        StringBuilder why = new StringBuilder(c.label()).append(": the ").append(choice.best()).append(' ').append(m.key())
                .append(", ").append(TuneText.interval(m, c.aggregate)).append(", of the ").append(front.size())
                .append(front.size() == 1 ? " front setting" : " front settings");
        if (!spec.constraints().isEmpty()) {
            why.append(" that meet every constraint (")
                    .append(TuneText.constraints(spec.constraints())).append(')');
        }
        double bestValue = choice.oriented(m.interval(c.aggregate))[1];
        long ties = front.stream().skip(1).filter(o -> choice.oriented(m.interval(o.aggregate))[1] == bestValue).count();
        if (ties > 0) {
            why.append("; ").append(ties).append(ties == 1 ? " other ties" : " others tie").append(" on ").append(m.key())
                    .append(order.size() > 1 ? ", and it comes first on " + order.get(1).metric().key() + " then in grid order"
                            : ", and it comes first in grid order (the lowest values)");
        }
        return why.toString();
    }
}
