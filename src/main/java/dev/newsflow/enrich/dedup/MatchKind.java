package dev.newsflow.enrich.dedup;

/** How an article was recognised as carrying an earlier article's story (mirrors the contract's DuplicateMatch). */
public enum MatchKind {
    /** No earlier article in the window: the article opens a story. */
    NONE,
    /** Same canonical URL: the same page again (exact duplicate). */
    SAME_URL,
    /** Identical normalised text under another URL (exact duplicate). */
    SAME_TEXT,
    /** Near-identical lead under another URL: syndicated, re-headlined or lightly edited copy. */
    NEAR_TEXT
}
