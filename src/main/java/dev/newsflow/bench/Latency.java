package dev.newsflow.bench;

/**
 * A latency phase: articles offered at a fixed rate to a running application.
 *
 * @param rate      articles per second offered
 * @param resources the window from the first send to the last output being read
 */
public record Latency(Counts counts, int rate, LatencySummary latency, Resources resources) {

    public double seconds() {
        return resources.wallNanos() / 1e9;
    }

    public double cpuMillisPerArticle() {
        return resources.cpuNanos() / 1e6 / counts.inputs();
    }
}
