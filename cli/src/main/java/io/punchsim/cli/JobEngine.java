package io.punchsim.cli;

import io.punchsim.reports.sweep.SweepReport;
import io.punchsim.scenarios.run.SweepJob;

/**
 * What makes a sweep job's runs: this machine's threads, or Spark ({@link SparkEngineProcess}).
 * Either way the report is the job's, judged by it; only the wall clock says which ran it.
 */
interface JobEngine {

    /** Makes every run and returns the judged report; after {@link #cancel}, what finished, marked partial. */
    SweepReport run();

    /** Runs finished so far, for the progress bar; any thread may ask. */
    long runsDone();

    /** Runs the job will make, for the progress bar: for a precision job, a guess revised as points stop. */
    long totalRuns();

    /** Asks {@link #run} to stop soon; any thread may call it (a signal handler, say). */
    void cancel();

    /** The job's own runner on this machine. */
    static JobEngine local(SweepJob job) {
        return new JobEngine() {
            @Override
            public SweepReport run() {
                return job.run();
            }

            @Override
            public long runsDone() {
                return job.runsDone();
            }

            @Override
            public long totalRuns() {
                return job.totalRuns();
            }

            @Override
            public void cancel() {
                job.cancel();
            }
        };
    }
}
