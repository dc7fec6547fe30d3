package io.punchsim.spark;

import io.punchsim.scenarios.load.ScenarioException;
import io.punchsim.scenarios.run.SweepJob;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The jobs an executor has prepared, by spec: a job prepares its points (topologies, routes) once
 * per executor JVM rather than once per task. A prepared job is a pure function of its spec, so
 * nothing here reaches a result.
 */
final class PreparedJobs {
    private static final int KEPT = 4;

    private static final Map<JobSpec, SweepJob> JOBS = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<JobSpec, SweepJob> eldest) {
            return size() > KEPT;
        }
    };

    private PreparedJobs() {}

    /** The job of this spec, prepared on first use; concurrent tasks wait for one preparation. */
    static synchronized SweepJob of(JobSpec spec) {
        SweepJob job = JOBS.get(spec);
        if (job == null) {
            try {
                job = spec.prepare();
            } catch (ScenarioException e) {
                throw new IllegalStateException(spec + " does not load on this executor: " + e.getMessage(), e);
            }
            JOBS.put(spec, job);
        }
        return job;
    }
}
