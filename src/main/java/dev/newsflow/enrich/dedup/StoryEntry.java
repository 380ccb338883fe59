package dev.newsflow.enrich.dedup;

/**
 * What the story index files for one article under each of its keys; its lead is kept once, by article id.
 *
 * @param articleId the article
 * @param storyId   the story it was assigned
 * @param firstId   the first article of its exact-duplicate group: itself, or the article it duplicates
 * @param timestamp its event time (epoch milliseconds), which places it in the window
 */
public record StoryEntry(String articleId, String storyId, String firstId, long timestamp) {
}
