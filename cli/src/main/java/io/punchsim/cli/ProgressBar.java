package io.punchsim.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A one-line progress bar with runs per second and an ETA, redrawn on standard error a few times a
 * second. It stays silent when standard error is not a terminal (CI logs, pipes) or when asked to.
 */
final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final LongSupplier total;
    private final LongSupplier done;
    private final String unit;
    private final Supplier<String> detail;
    private final long startNanos = System.nanoTime();
    private final Thread painter;
    private volatile boolean running = true;

    private ProgressBar(PrintStream out, LongSupplier total, LongSupplier done, String unit, Supplier<String> detail) {
        this.out = out;
        this.total = total;
        this.done = done;
        this.unit = unit;
        this.detail = detail;
        this.painter = new Thread(this::paintLoop, "progress");
        this.painter.setDaemon(true);
    }

    /** Starts a bar, or returns a silent one when {@code quiet} or when there is no terminal. */
    static ProgressBar start(long total, LongSupplier done, boolean quiet) {
        return start(() -> total, done, "runs", () -> "", quiet);
    }

    /**
     * A bar whose total may change as the work goes (a precision run's or a tune's guess), naming
     * what {@code total} counts ({@code runs}, {@code runs of the budget}) and followed by a detail.
     */
    static ProgressBar start(LongSupplier total, LongSupplier done, String unit, Supplier<String> detail, boolean quiet) {
        ProgressBar bar = new ProgressBar(System.err, total, done, unit, detail);
        if (!quiet && System.console() != null && !"dumb".equals(System.getenv("TERM"))) {
            bar.painter.start();
        } else {
            bar.running = false;
        }
        return bar;
    }

    private void paintLoop() {
        while (running) {
            paint(false);
            try {
                TimeUnit.MILLISECONDS.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void paint(boolean last) {
        long n = done.getAsLong();
        long total = Math.max(n, this.total.getAsLong());
        double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
        double rate = n / seconds;
        double fraction = total == 0 ? 1 : Math.min(1, (double) n / total);
        int filled = (int) Math.round(fraction * WIDTH);
        String eta = rate > 0 && n < total ? formatSeconds((total - n) / rate) : "0s";
        String more = detail.get();
        String line = String.format(Locale.ROOT, "\r[%s%s] %5.1f%%  %,d/%,d %s  %,.0f runs/s  ETA %s%s   ",
                "#".repeat(filled), " ".repeat(WIDTH - filled), fraction * 100, n, total, unit, rate, eta,
                more.isEmpty() ? "" : "  " + more);
        out.print(line);
        if (last) {
            out.print("\r" + " ".repeat(line.length()) + "\r");
        }
        out.flush();
    }

    private static String formatSeconds(double seconds) {
        long s = (long) Math.ceil(seconds);
        return s >= 3600 ? s / 3600 + "h" + (s % 3600) / 60 + "m" : s >= 60 ? s / 60 + "m" + s % 60 + "s" : s + "s";
    }

    @Override
    public void close() {
        if (painter.isAlive()) {
            running = false;
            painter.interrupt();
            try {
                painter.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            paint(true);
        }
    }
}
