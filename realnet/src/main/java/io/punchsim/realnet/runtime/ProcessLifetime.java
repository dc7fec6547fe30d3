package io.punchsim.realnet.runtime;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs a loop for the life of the process: Ctrl-C (SIGINT, SIGTERM) stops the loop, and the JVM
 * waits for it to close its sockets before exiting.
 */
public final class ProcessLifetime {

    private ProcessLifetime() {}

    /**
     * Runs {@code loop} on the calling thread until {@code done} holds or the process is told to
     * stop, then closes it.
     *
     * @return true if {@code done} ended the run, false if the process was interrupted
     */
    public static boolean run(EventLoop loop, BooleanSupplier done) throws IOException {
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            loop.stop();
            try {
                // Let the loop thread finish its current step and close the sockets.
                closed.await(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "punchsim-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return loop.run(done);
        } finally {
            loop.close();
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook is running; it is waiting for the latch released above.
            }
        }
    }
}
