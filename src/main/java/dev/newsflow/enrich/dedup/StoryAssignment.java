package dev.newsflow.enrich.dedup;

/**
 * The story stage's verdict on one article.
 *
 * @param storyId     the story: the first article's id, shared by every copy
 * @param duplicate   true for exact duplicates (same canonical URL or same text), which must never alert again
 * @param duplicateOf for exact duplicates the first article with that URL or text, else null
 * @param match       how the earlier article was recognised
 * @param similarity  Jaccard similarity of the two leads (0..1), null when either is too short to compare
 * @param matchedId   the earlier article that matched, null when none did
 */
public record StoryAssignment(String storyId, boolean duplicate, String duplicateOf, MatchKind match,
                              Double similarity, String matchedId) {

    /** The article opens its own story. */
    public static StoryAssignment own(String articleId) {
        return new StoryAssignment(articleId, false, null, MatchKind.NONE, null, null);
    }
}
