package dev.newsflow.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A progress line on stderr: count, percentage, rate and ETA when the total is known. On a terminal it is
 * redrawn in place a few times a second; in a log (a container, CI) a line is written every ten seconds.
 */
final class Progress {

    private static final long TERMINAL_EVERY = 250_000_000L;
    private static final long LOG_EVERY = 10_000_000_000L;

    private final PrintWriter err;
    private final String label;
    private final Long total;
    private final boolean terminal;
    private final LongSupplier nanos;
    private final long started;
    private long lastShown;

    /**
     * @param total    how many items to expect, or null when unknown (no percentage, no ETA)
     * @param terminal redraw in place rather than append lines
     */
    Progress(PrintWriter err, String label, Long total, boolean terminal, LongSupplier nanos) {
        this.err = err;
        this.label = label;
        this.total = total;
        this.terminal = terminal;
        this.nanos = nanos;
        this.started = nanos.getAsLong();
        this.lastShown = started;
    }

    /** Shows {@code done} if it is time to. */
    synchronized void update(long done) {
        long now = nanos.getAsLong();
        if (now - lastShown >= (terminal ? TERMINAL_EVERY : LOG_EVERY)) {
            lastShown = now;
            show(done, now, false);
        }
    }

    /** Shows the final count and ends the line. */
    synchronized void finish(long done) {
        show(done, nanos.getAsLong(), true);
    }

    private void show(long done, long now, boolean last) {
        String line = line(label, done, total, (now - started) / 1e9, last);
        if (terminal) {
            // Pad, so a shorter line fully covers the one it redraws.
            err.print("\r" + String.format(Locale.ROOT, "%-78s", line) + (last ? "\n" : ""));
        } else {
            err.println(line);
        }
        err.flush();
    }

    /**
     * "produce: 1,200/5,000 articles (24.0%), 800/s, ETA 0:05", with no total "produce: 1,200 articles, 800/s",
     * and when finished the elapsed time instead of the ETA (the total may have counted lines that were rejected).
     */
    static String line(String label, long done, Long total, double seconds, boolean finished) {
        double rate = seconds > 0 ? done / seconds : 0;
        StringBuilder line = new StringBuilder(label).append(": ").append(String.format(Locale.ROOT, "%,d", done));
        if (total != null) {
            line.append(String.format(Locale.ROOT, "/%,d", total));
        }
        line.append(" articles");
        if (total != null && total > 0) {
            line.append(String.format(Locale.ROOT, " (%.1f%%)", 100.0 * done / total));
        }
        line.append(String.format(Locale.ROOT, ", %,.0f/s", rate));
        if (finished) {
            line.append(", ").append(clock(Math.round(seconds))).append(" elapsed");
        } else if (total != null && done < total && rate > 0) {
            line.append(", ETA ").append(clock(Math.round((total - done) / rate)));
        }
        return line.toString();
    }

    private static String clock(long seconds) {
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
