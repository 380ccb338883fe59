package dev.newsflow.topology;

/**
 * When a window's count is a spike: at least {@code minCount} articles and at least {@code threshold} spreads above the
 * mean of the {@code baselineWindows} windows before it. The spread is the larger of their standard deviation, the
 * square root of their mean and 1: counts of news are roughly Poisson, so a flat or short history (a standard
 * deviation near zero) must not turn one extra article into a spike, and a key never seen before needs
 * {@code threshold} articles beyond {@code minCount} worth of evidence.
 */
record SpikeRule(int baselineWindows, long minCount, double threshold) {

    /** The baseline of a window and its score against it. */
    record Verdict(double mean, double stddev, double score, boolean spike) {
    }

    /** Judges {@code count} against {@code previous}, the counts of the earlier windows (missing windows as 0). */
    Verdict judge(long count, long[] previous) {
        double mean = 0;
        for (long c : previous) {
            mean += c;
        }
        mean /= Math.max(1, previous.length);
        double squares = 0;
        for (long c : previous) {
            squares += (c - mean) * (c - mean);
        }
        double stddev = Math.sqrt(squares / Math.max(1, previous.length));
        double spread = Math.max(1, Math.max(stddev, Math.sqrt(mean)));
        double score = (count - mean) / spread;
        return new Verdict(mean, stddev, score, count >= minCount && score >= threshold);
    }
}
