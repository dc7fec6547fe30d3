package io.punchsim.spark;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.scenarios.load.LoadedScenario;
import io.punchsim.scenarios.load.ScenarioException;
import io.punchsim.scenarios.load.ScenarioLoader;
import io.punchsim.scenarios.run.PreparedPoint;
import io.punchsim.scenarios.tune.Tuner;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The candidates of a tune, as an executor runs them: the scenario file's name and text (an
 * executor may not see the driver's files), from which a range's point, a candidate's grid
 * number, is bound and prepared as on the driver ({@link Tuner#candidate}). Prepared candidates
 * are kept per executor JVM, the most recent first; a prepared point is a pure function of the
 * file and the number, so nothing kept reaches a result.
 */
public record TuneCandidates(String file, String text) implements SparkEngine.RangeWork {
    private static final long serialVersionUID = 1L;
    private static final int KEPT = 64;

    private record Key(TuneCandidates candidates, int index) {}

    private static final Map<TuneCandidates, LoadedScenario> FILES = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TuneCandidates, LoadedScenario> eldest) {
            return size() > 4;
        }
    };

    private static final Map<Key, PreparedPoint> POINTS = new LinkedHashMap<>(128, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, PreparedPoint> eldest) {
            return size() > KEPT;
        }
    };

    /**
     * The file, loaded.
     *
     * @throws ScenarioException if it has problems
     */
    public LoadedScenario load() throws ScenarioException {
        return ScenarioLoader.load(file, text);
    }

    @Override
    public PointAggregate run(SeedRange range) {
        PointAggregate aggregate = new PointAggregate();
        point(range.point()).runInto(aggregate, range.from(), range.to());
        return aggregate;
    }

    @Override
    public String where(SeedRange range) {
        return "runs " + range.from() + ".." + range.to() + " of the tune's candidate #" + range.point() + " ("
                + point(range.point()).point().label() + ")";
    }

    /** The candidate numbered {@code index}, prepared on first use; concurrent tasks wait for one preparation. */
    private PreparedPoint point(int index) {
        synchronized (POINTS) {
            Key key = new Key(this, index);
            PreparedPoint point = POINTS.get(key);
            if (point == null) {
                LoadedScenario loaded = FILES.get(this);
                if (loaded == null) {
                    try {
                        loaded = load();
                    } catch (ScenarioException e) {
                        throw new IllegalStateException(file + " does not load on this executor: " + e.getMessage(), e);
                    }
                    FILES.put(this, loaded);
                }
                point = Tuner.candidate(loaded, index);
                POINTS.put(key, point);
            }
            return point;
        }
    }

    @Override
    public String toString() {
        return "the tune of " + file;
    }
}
