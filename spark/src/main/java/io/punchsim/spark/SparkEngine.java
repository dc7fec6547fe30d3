package io.punchsim.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.punchsim.reports.aggregate.AggregateJson;
import io.punchsim.reports.aggregate.PointAggregate;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ObjIntConsumer;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Function0;
import scala.Function2;
import scala.collection.Iterator;
import scala.collection.immutable.Range;
import scala.runtime.AbstractFunction1;
import scala.runtime.BoxedUnit;
import scala.util.Try;

/**
 * Runs seed ranges of a job on a Spark context and hands back their aggregates.
 *
 * <p>Each task is one partition holding one {@link SeedRange}. An executor rebuilds the job from
 * its {@link JobSpec}, runs the range and returns the range's aggregate as its {@code report.json}
 * point body ({@link AggregateJson}, which carries every count and histogram exactly). The driver
 * gets each partition's result once, however often Spark ran the task (a retry, a speculative
 * copy), and nothing else travels back: no accumulators, which would count a retried task twice.
 * Aggregates of disjoint ranges merge exactly in any order, so what the caller builds from them
 * does not depend on which executor ran what, or when.
 *
 * <p>{@link #run} takes any list of ranges: a sweep's every run ({@link SeedRanges#plan}), or one
 * wave of a search that decides what to run next from what came back ({@link #collect}).
 */
public final class SparkEngine implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JavaSparkContext context;
    private final AtomicLong runsDone = new AtomicLong();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile SimpleFutureAction<BoxedUnit> running;

    private SparkEngine(JavaSparkContext context) {
        this.context = context;
    }

    /**
     * Starts a Spark context for {@code conf}. What the configuration leaves unset gets the
     * engine's defaults: no web UI and no console progress bar (the command draws its own), and
     * on a {@code local} master a driver bound to loopback only.
     */
    public static SparkEngine start(SparkConf conf) {
        conf.setIfMissing("spark.app.name", "punchsim");
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        if (conf.get("spark.master", "").startsWith("local")) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        return new SparkEngine(new JavaSparkContext(conf));
    }

    /** The master URL the context runs on. */
    public String master() {
        return context.master();
    }

    /** The cores Spark would run tasks on now: {@code N} for {@code local[N]}, the executors' cores on a cluster. */
    public int cores() {
        return context.defaultParallelism();
    }

    /** A Spark setting of the context, or null. */
    public String setting(String key) {
        return context.getConf().get(key, null);
    }

    /** Runs that finished so far, over all calls of {@link #run}; each finished task counts once. Any thread may ask. */
    public long runsDone() {
        return runsDone.get();
    }

    /**
     * Cancels the job that is running, and every later one: {@link #run} then returns what had
     * come back. Tasks in flight are abandoned. Any thread may call it, a signal handler say.
     */
    public void cancel() {
        cancelled.set(true);
        SimpleFutureAction<BoxedUnit> job = running;
        if (job != null) {
            job.cancel();
        }
    }

    public boolean cancelled() {
        return cancelled.get();
    }

    /** What came back of a list of ranges, by position in the list. */
    public static final class Results {
        private final PointAggregate[] byTask;

        Results(PointAggregate[] byTask) {
            this.byTask = byTask;
        }

        public int size() {
            return byTask.length;
        }

        /** The aggregate of the range at {@code task}, unless the job was cancelled before it came back. */
        public Optional<PointAggregate> get(int task) {
            return Optional.ofNullable(byTask[task]);
        }

        /** Every range came back. */
        public boolean complete() {
            return Arrays.stream(byTask).allMatch(a -> a != null);
        }

        /** Every aggregate, in the order of the ranges. */
        public List<PointAggregate> all() {
            if (!complete()) {
                throw new IllegalStateException("the job was cancelled before every range came back");
            }
            return List.of(byTask);
        }
    }

    /** Runs every range with {@link RangeRunner#SEEDS} and keeps every aggregate: for a wave of a search. */
    public Results collect(JobSpec spec, List<SeedRange> ranges) {
        return collect(new SweepWork(spec, RangeRunner.SEEDS), ranges);
    }

    /** Runs every range as {@code work} says and keeps every aggregate: for a round of a tune, say. */
    public Results collect(RangeWork work, List<SeedRange> ranges) {
        PointAggregate[] byTask = new PointAggregate[ranges.size()];
        run(work, ranges, (aggregate, task) -> byTask[task] = aggregate);
        return new Results(byTask);
    }

    /** {@link #run(RangeWork, List, ObjIntConsumer)} of the ranges of the job of {@code spec}, each run by {@code runner}. */
    public boolean run(JobSpec spec, List<SeedRange> ranges, RangeRunner runner, ObjIntConsumer<PointAggregate> onEach) {
        return run(new SweepWork(spec, runner), ranges, onEach);
    }

    /**
     * Runs every range as {@code work} says (one task each, scheduled in list order) and
     * hands each range's aggregate to {@code onEach} with the range's position in the list, on the
     * calling thread, in the order they come back. A caller that merges them as they come keeps
     * one aggregate per point, however many ranges there are.
     *
     * @return whether every range came back; after {@link #cancel}, some may not have
     * @throws RangeFailedException naming the runs and the point of a range that failed on every
     *     try, with the executor's message (for a run that threw, it names the seed)
     * @throws IllegalStateException when the job failed otherwise, with Spark's reason
     */
    public boolean run(RangeWork work, List<SeedRange> ranges, ObjIntConsumer<PointAggregate> onEach) {
        if (ranges.isEmpty()) {
            return true;
        }
        if (cancelled.get()) {
            return false;
        }
        List<SeedRange> tasks = List.copyOf(ranges);
        JavaRDD<SeedRange> rdd = context.parallelize(tasks, tasks.size());
        // The scheduler calls the handler once per partition, on its own thread: it only queues.
        LinkedBlockingQueue<Arrived> arrived = new LinkedBlockingQueue<>();
        Function2<Object, String, BoxedUnit> handler = (partition, aggregate) -> {
            int task = (Integer) partition;
            arrived.add(new Arrived(task, aggregate));
            runsDone.addAndGet(tasks.get(task).runs());
            return BoxedUnit.UNIT;
        };
        Function0<BoxedUnit> done = () -> BoxedUnit.UNIT;
        SimpleFutureAction<BoxedUnit> job = context.sc().submitJob(rdd.rdd(), new RangeTask(work),
                new Range.Exclusive(0, tasks.size(), 1), handler, done);
        running = job;
        if (cancelled.get()) {
            job.cancel();
        }
        int received = 0;
        try {
            while (!job.isCompleted() || !arrived.isEmpty()) {
                Arrived next = arrived.poll(50, TimeUnit.MILLISECONDS);
                if (next != null) {
                    onEach.accept(decode(next.aggregate), next.task);
                    received++;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            return false;
        } catch (RuntimeException e) {
            // A result that does not read back, or a caller that fails on one: the rest is moot.
            job.cancel();
            throw e;
        } finally {
            running = null;
        }
        Try<BoxedUnit> outcome = job.value().get();
        if (outcome.isFailure() && !cancelled.get()) {
            throw failure(outcome.failed().get());
        }
        return received == tasks.size();
    }

    private record Arrived(int task, String aggregate) {}

    private static PointAggregate decode(String aggregate) {
        try {
            return AggregateJson.read(JSON.readTree(aggregate));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an executor sent an aggregate that does not read back: " + e.getMessage(), e);
        }
    }

    /** The driver's error: the failed range's own exception when Spark kept it, else Spark's first line. */
    private static RuntimeException failure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof RangeFailedException range) {
                return range;
            }
        }
        String message = String.valueOf(error.getMessage());
        int line = message.indexOf('\n');
        return new IllegalStateException("the Spark job failed: " + (line < 0 ? message : message.substring(0, line)), error);
    }

    /** Stops the context. */
    @Override
    public void close() {
        context.stop();
    }

    /** What a task does with its range on an executor: the range's aggregate, and the words that name the range. */
    public interface RangeWork extends Serializable {
        /** The aggregate of the range's runs, made on the executor. */
        PointAggregate run(SeedRange range);

        /** The range in words, for a failure: {@code runs 0..2048 of sweep point ...}. */
        String where(SeedRange range);
    }

    /** The runs of a sweep job's points: the job rebuilt from its spec once per executor JVM. */
    private record SweepWork(JobSpec spec, RangeRunner runner) implements RangeWork {
        @Override
        public PointAggregate run(SeedRange range) {
            return runner.run(PreparedJobs.of(spec), range);
        }

        @Override
        public String where(SeedRange range) {
            String label = PreparedJobs.of(spec).points().get(range.point()).point().label();
            return "runs " + range.from() + ".." + range.to() + " of " + (label.isEmpty() ? "the scenario" : "sweep point " + label);
        }
    }

    /** A task: the one range of its partition, run on an executor, as its aggregate's JSON. */
    private static final class RangeTask extends AbstractFunction1<Iterator<SeedRange>, String> implements Serializable {
        private static final long serialVersionUID = 1L;
        private final RangeWork work;

        RangeTask(RangeWork work) {
            this.work = work;
        }

        @Override
        public String apply(Iterator<SeedRange> partition) {
            List<SeedRange> ranges = new ArrayList<>();
            while (partition.hasNext()) {
                ranges.add(partition.next());
            }
            if (ranges.size() != 1) {
                throw new IllegalStateException("a partition holds one seed range, this one " + ranges.size());
            }
            SeedRange range = ranges.get(0);
            PointAggregate aggregate;
            try {
                aggregate = work.run(range);
            } catch (RuntimeException e) {
                throw new RangeFailedException(range, work.where(range), e);
            }
            try {
                return JSON.writeValueAsString(AggregateJson.write(aggregate));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
