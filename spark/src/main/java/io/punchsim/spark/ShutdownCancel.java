package io.punchsim.spark;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.util.ShutdownHookManager;

/**
 * Ctrl-C (or a TERM) on the driver: the job is cancelled and the command writes what finished,
 * marked partial, before the JVM goes. Spark stops its context in a shutdown hook of its own; this
 * hook is registered with the same manager at a higher priority, so it runs first and holds the
 * context up until what finished has been written.
 */
final class ShutdownCancel {
    /** Higher than Spark's hook (the file system's priority + 30): runs before the context stops. */
    private static final int PRIORITY = 100;
    private static final long WAIT_SECONDS = 25;

    private static volatile boolean inProgress;

    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile SparkEngine engine;
    private volatile boolean requested;

    private ShutdownCancel() {}

    static ShutdownCancel install() {
        ShutdownCancel cancel = new ShutdownCancel();
        ShutdownHookManager.get().addShutdownHook(cancel::onShutdown, PRIORITY);
        return cancel;
    }

    /** Whether the JVM is shutting down because of a signal; then the command must not call System.exit. */
    static boolean inProgress() {
        return inProgress;
    }

    private void onShutdown() {
        inProgress = true;
        requested = true;
        SparkEngine running = engine;
        if (running != null) {
            running.cancel();
        }
        try {
            finished.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The engine to cancel; a signal that came while it started cancels it now. */
    void attach(SparkEngine started) {
        engine = started;
        if (requested) {
            started.cancel();
        }
    }

    /** What finished has been written (or the command failed): the JVM may go. */
    void finished() {
        finished.countDown();
    }
}
