package dev.newsflow.bench;

/**
 * How a phase's stream threads spent their time, as shares of wall time from Kafka Streams' own thread metrics
 * ({@code process-ratio}, {@code commit-ratio}, {@code poll-ratio}, {@code punctuate-ratio}), averaged over the threads.
 * Kafka Streams computes them over its metric window (two samples of 30 s), so they cover about the last minute.
 */
public record ThreadTime(double process, double commit, double poll, double punctuate) {
}
