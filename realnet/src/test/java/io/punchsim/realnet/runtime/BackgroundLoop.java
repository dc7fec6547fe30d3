package io.punchsim.realnet.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An event loop run on a daemon thread of its own, so that a test can talk to its sockets from the
 * test's thread; it runs from {@link #start()} until closed.
 */
public final class BackgroundLoop implements AutoCloseable {

    private final EventLoop loop = new EventLoop();
    private final String threadName;
    private Thread thread;

    public BackgroundLoop(String threadName) {
        this.threadName = threadName;
    }

    /** The loop to open sockets on, before {@link #start()}. */
    public EventLoop loop() {
        return loop;
    }

    public void start() {
        thread = new Thread(() -> {
            try {
                loop.run(() -> false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws InterruptedException {
        loop.stop();
        if (thread != null) {
            thread.join(5_000);
        }
        loop.close();
    }
}
