package dev.newsflow.bench;

/** What one pipeline measured; {@code latency} is null when the latency phase was skipped. */
public record PipelineResult(Pipeline pipeline, Throughput throughput, Latency latency) {
}
