package dev.newsflow.bench;

/**
 * The articles every throughput phase reads.
 *
 * @param topic         where they are
 * @param count         how many records it holds
 * @param bytes         their serialized keys and values
 * @param rejectedLines lines of the file that were not articles and were skipped
 */
record Preloaded(String topic, long count, long bytes, long rejectedLines) {
}
