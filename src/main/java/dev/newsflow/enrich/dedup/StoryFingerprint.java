package dev.newsflow.enrich.dedup;

/**
 * What the story stage compares: exact keys and the near-duplicate features of one article.
 *
 * @param urlKey      hex digest of the canonical URL (tracking parameters removed)
 * @param contentHash hex SHA-256 of the normalised text
 * @param lead        the distinct shingle hashes of the body's lead, sorted ({@link StoryFingerprinter}); not to be
 *                    modified
 */
public record StoryFingerprint(String urlKey, String contentHash, long[] lead) {
}
