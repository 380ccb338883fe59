package dev.newsflow.topology;

/** One article naming a trend key: what the trend stage counts, and its story so samples can be one per story. */
record TrendHit(String articleId, String storyId) {
}
