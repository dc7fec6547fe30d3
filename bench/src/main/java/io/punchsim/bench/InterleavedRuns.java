package io.punchsim.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Two builds of the command-line jar in one JVM, each in a class loader of its own, running the
 * sessions of one sweep point in alternating rounds on one thread, each round timed by the
 * thread's CPU time. Whatever the machine does meanwhile (another tenant, a change of clock speed)
 * falls on both within seconds, so the ratio of two warm builds holds to a few per cent where
 * sweeps in fresh JVMs disagree by a third ({@code bench/ab} runs it with {@code --warm}). It
 * measures warm code only: the JIT's warm-up, which decides short sweeps, is what {@code bench/ab}
 * without {@code --warm} measures.
 *
 * <p>Each side runs seeds from 0 up, the same seeds in the same order, so both do the same work
 * (for two builds whose outcomes agree). Rounds alternate which side goes first.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar io.punchsim.bench.InterleavedRuns A.jar B.jar
 * SCENARIO [ROUNDS [RUNS-PER-ROUND [POINT]]]}
 */
public final class InterleavedRuns {

    private static final int WARM_ROUNDS = 10;

    private InterleavedRuns() {}

    /** One build: its point, ready to run, and the way its version runs a session. */
    private static final class Side {
        private final Object point;
        private final Method run;
        private final boolean session;
        private long seed;

        Side(Path jar, Path scenario, int pointNumber) throws ReflectiveOperationException, java.io.IOException {
            // The platform loader as parent: each build sees its own classes only, none of this jar's.
            ClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Object loaded = loader.loadClass("io.punchsim.scenarios.load.ScenarioLoader").getMethod("load", Path.class)
                    .invoke(null, scenario);
            List<?> points = points(loader, loaded);
            if (pointNumber < 1 || pointNumber > points.size()) {
                throw new IllegalArgumentException(scenario + " has " + points.size() + " points, not a point " + pointNumber);
            }
            point = points.get(pointNumber - 1);
            Class<?> prepared = loader.loadClass("io.punchsim.scenarios.run.PreparedPoint");
            Class<?> runs = loader.loadClass("io.punchsim.scenarios.run.ConnectionRun");
            // Builds from before sessions run one client's run; later ones a whole session.
            Method sessionRun = null;
            try {
                sessionRun = runs.getMethod("session", prepared, long.class,
                        loader.loadClass("io.punchsim.scenarios.run.RunObserver"));
            } catch (NoSuchMethodException e) {
                // an older build
            }
            session = sessionRun != null;
            run = session ? sessionRun : runs.getMethod("run", prepared, long.class);
        }

        /** The prepared points, by the API of the build's version. */
        private static List<?> points(ClassLoader loader, Object loaded) throws ReflectiveOperationException {
            try {
                Object job = loader.loadClass("io.punchsim.scenarios.run.SweepJob").getMethod("prepare", loaded.getClass())
                        .invoke(null, loaded);
                return (List<?>) job.getClass().getMethod("points").invoke(job);
            } catch (ClassNotFoundException e) {
                return (List<?>) loader.loadClass("io.punchsim.scenarios.run.Sweeps").getMethod("prepare", loaded.getClass())
                        .invoke(null, loaded);
            }
        }

        /** CPU nanoseconds of {@code runs} sessions on the next seeds. */
        long round(ThreadMXBean threads, int runs) throws ReflectiveOperationException {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < runs; i++) {
                if (session) {
                    run.invoke(null, point, seed++, null);
                } else {
                    run.invoke(null, point, seed++);
                }
            }
            return threads.getCurrentThreadCpuTime() - start;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: InterleavedRuns A.jar B.jar SCENARIO [ROUNDS [RUNS-PER-ROUND [POINT]]]");
            System.exit(2);
        }
        Path a = Path.of(args[0]);
        Path b = Path.of(args[1]);
        Path scenario = Path.of(args[2]);
        for (Path file : List.of(a, b, scenario)) {
            if (!Files.isRegularFile(file)) {
                System.err.println("InterleavedRuns: no file " + file);
                System.exit(2);
            }
        }
        int rounds = args.length > 3 ? positive(args[3], "ROUNDS") : 20;
        int runs = args.length > 4 ? positive(args[4], "RUNS-PER-ROUND") : 10_000;
        int point = args.length > 5 ? positive(args[5], "POINT") : 1;

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Side sideA = new Side(a, scenario, point);
        Side sideB = new Side(b, scenario, point);
        for (int i = 0; i < WARM_ROUNDS; i++) {
            sideA.round(threads, runs);
            sideB.round(threads, runs);
        }
        sideA.seed = 0;
        sideB.seed = 0;
        double[] ratios = new double[rounds];
        long totalA = 0;
        long totalB = 0;
        for (int i = 0; i < rounds; i++) {
            long timeA;
            long timeB;
            if (i % 2 == 0) {
                timeA = sideA.round(threads, runs);
                timeB = sideB.round(threads, runs);
            } else {
                timeB = sideB.round(threads, runs);
                timeA = sideA.round(threads, runs);
            }
            ratios[i] = (double) timeA / timeB;
            totalA += timeA;
            totalB += timeB;
            System.out.printf("round %d: A %.2f µs, B %.2f µs per run, A/B %.3f%n", i + 1,
                    timeA / 1e3 / runs, timeB / 1e3 / runs, ratios[i]);
        }
        Arrays.sort(ratios);
        System.out.printf("warm, %d rounds of %d runs: A %.2f µs, B %.2f µs per run; B's speed-up A/B: median %.3f"
                + " (middle half %.3f to %.3f), all rounds %.3f%n", rounds, runs, totalA / 1e3 / rounds / runs,
                totalB / 1e3 / rounds / runs, median(ratios), ratios[rounds / 4], ratios[(3 * rounds - 1) / 4],
                (double) totalA / totalB);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static int positive(String text, String name) {
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        System.err.println("InterleavedRuns: " + name + " must be a positive whole number, not " + text);
        System.exit(2);
        return 0;
    }
}
