package dev.newsflow.chaos;

/** One input of a chaos run: the key every output must carry back, and the value bytes as sent. */
record FeedRecord(String id, byte[] value) {
}
