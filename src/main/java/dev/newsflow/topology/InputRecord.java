package dev.newsflow.topology;

/** An input record exactly as it arrived, kept so a dead letter can carry the original bytes and position. */
record InputRecord(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value) {
}
