package dev.newsflow.bench;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The progress line of the running phase: count, rate and ETA. On a terminal it is redrawn in place every second;
 * otherwise (a log file, CI) a new line is written every few seconds.
 */
final class Progress implements AutoCloseable {

    private final PrintWriter err;
    private final boolean terminal;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "newsflow-bench-progress");
        thread.setDaemon(true);
        return thread;
    });
    private String label;
    private long total;
    private LongSupplier done;
    private long startNanos;
    private boolean drawn;

    Progress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
        long period = terminal ? 1 : 5;
        ticker.scheduleAtFixedRate(this::tick, period, period, TimeUnit.SECONDS);
    }

    /** A phase being shown; closing it ends it, if {@link #end()} has not. */
    interface Shown extends AutoCloseable {
        @Override
        void close();
    }

    /** Starts showing a phase of {@code total} records of which {@code done} are through. */
    synchronized Shown begin(String label, long total, LongSupplier done) {
        this.label = label;
        this.total = total;
        this.done = done;
        this.startNanos = System.nanoTime();
        return this::end;
    }

    /** Shows the phase's final figures and stops showing it. */
    synchronized void end() {
        if (label != null) {
            show(true);
            label = null;
        }
    }

    /** A message of its own line, not overwritten by the progress line. */
    synchronized void say(String message) {
        clearLine();
        err.println("[bench] " + message);
        err.flush();
    }

    private synchronized void tick() {
        if (label != null) {
            show(false);
        }
    }

    private void show(boolean last) {
        String line = format(label, done.getAsLong(), total, (System.nanoTime() - startNanos) / 1e9);
        if (terminal) {
            err.print("\r" + line + "\u001b[K");
            drawn = !last;
            if (last) {
                err.println();
            }
        } else {
            err.println(line);
        }
        err.flush();
    }

    private void clearLine() {
        if (drawn) {
            err.print("\r\u001b[K");
            drawn = false;
        }
    }

    /** e.g. {@code [bench] hot throughput: 12000/20000 articles, 812/s, ETA 10 s}. */
    static String format(String label, long done, long total, double seconds) {
        // A warm-up's application runs on past its quota before it is closed; the line shows the quota reached.
        done = Math.min(done, total);
        double rate = seconds > 0 ? done / seconds : 0;
        String eta = done >= total ? "done in " + duration(seconds)
                : rate > 0 ? "ETA " + duration((total - done) / rate) : "ETA ?";
        return String.format(Locale.ROOT, "[bench] %s: %d/%d articles, %.0f/s, %s", label, done, total, rate, eta);
    }

    /** 9 s, 1 min 05 s. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
