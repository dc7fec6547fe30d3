package io.punchsim.reports.sweep;

/**
 * Facts about how the sweep ran rather than what it found; kept apart so the rest of a report is
 * reproducible byte for byte.
 */
public record WallClock(double durationSeconds, double runsPerSecond, int threads, int processors, String jvm, String os) {

    /** The running JVM and OS, with the given timing. */
    public static WallClock ofThisMachine(double durationSeconds, long runs, int threads) {
        Runtime rt = Runtime.getRuntime();
        String jvm = System.getProperty("java.vm.name", "?") + " " + System.getProperty("java.runtime.version", System.getProperty("java.version", "?"));
        String os = System.getProperty("os.name", "?") + " " + System.getProperty("os.version", "?") + " " + System.getProperty("os.arch", "?");
        double rate = durationSeconds > 0 ? runs / durationSeconds : 0.0;
        return new WallClock(durationSeconds, rate, threads, rt.availableProcessors(), jvm, os);
    }
}
