package io.punchsim.realnet.runtime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Runs a loop for the life of the process. Ctrl-C (SIGINT), SIGTERM and SIGHUP (a closed terminal) stop the loop; the command
 * then closes its sockets, prints its last line and exits with its own exit code. Any other way
 * the JVM shuts down still stops the loop and waits for it to close.
 */
public final class ProcessLifetime {

    private static final List<String> STOP_SIGNALS = List.of("INT", "TERM", "HUP");

    private ProcessLifetime() {}

    /**
     * Runs {@code loop} on the calling thread until {@code done} holds or the process is told to
     * stop, then closes it.
     *
     * @return true if {@code done} ended the run, false if the process was interrupted
     */
    public static boolean run(EventLoop loop, BooleanSupplier done) throws IOException {
        return run(loop, done, finished -> {});
    }

    /**
     * As {@link #run(EventLoop, BooleanSupplier)}, then {@code report} (told whether {@code done}
     * ended the run) before the process may exit, so a final line is not lost to a shutdown.
     */
    public static boolean run(EventLoop loop, BooleanSupplier done, Consumer<Boolean> report) throws IOException {
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            loop.stop();
            try {
                // Let the loop thread finish its current step, close the sockets and report.
                closed.await(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "punchsim-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        List<Runnable> restore = handleStopSignals(loop);
        boolean finished = false;
        try {
            finished = loop.run(done);
            return finished;
        } finally {
            loop.close();
            try {
                report.accept(finished);
            } finally {
                closed.countDown();
                restore.forEach(Runnable::run);
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException alreadyShuttingDown) {
                    // The hook is running; it was waiting for the latch released above.
                }
            }
        }
    }

    /**
     * Turns SIGINT, SIGTERM and SIGHUP into a stop of the loop instead of a JVM shutdown, so the command
     * chooses its exit code. Where a signal cannot be handled the shutdown hook still applies.
     */
    private static List<Runnable> handleStopSignals(EventLoop loop) {
        List<Runnable> restore = new ArrayList<>();
        for (String name : STOP_SIGNALS) {
            try {
                Signal signal = new Signal(name);
                SignalHandler previous = Signal.handle(signal, received -> loop.stop());
                restore.add(() -> Signal.handle(signal, previous));
            } catch (IllegalArgumentException unavailable) {
                // The JVM reserves this signal here (e.g. -Xrs); the shutdown hook covers it.
            }
        }
        return restore;
    }
}
