package dev.newsflow.enrich.dedup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Fingerprints an article for de-duplication. The near-duplicate part is the set of the first
 * {@value #LEAD_SHINGLES} distinctive shingles of the body: the title is left out (a copy under a new headline is
 * still a copy), common shingles ({@link CommonShingles}) are skipped, and so is everything after the lead, because
 * pages append photo galleries, related-story blocks and timelines that unrelated articles share, while copies of
 * one story share their lead (measured in {@code eval/dedup/README.md}).
 */
public final class StoryFingerprinter {

    /** Shingles of the lead that make the fingerprint: about the first 100 words of the body. */
    public static final int LEAD_SHINGLES = 100;

    private final CommonShingles common;

    public StoryFingerprinter(CommonShingles common) {
        this.common = common;
    }

    /** With the shipped list of common shingles. */
    public static StoryFingerprinter shipped() {
        return new StoryFingerprinter(CommonShingles.shipped());
    }

    /**
     * @param canonicalUrl the article's canonical URL ({@link UrlCanonicaliser})
     * @param text         the normalised text: title, blank line, body
     * @param bodyStart    where the body begins in {@code text}
     * @param contentHash  {@link ContentHash#sha256} of {@code text}
     */
    public StoryFingerprint fingerprint(String canonicalUrl, String text, int bodyStart, String contentHash) {
        long[] lead = new long[LEAD_SHINGLES];
        int[] n = {0};
        Shingles.forEach(text, bodyStart, text.length(), shingle -> {
            if (!common.contains(shingle)) {
                lead[n[0]++] = shingle;
            }
            return n[0] < LEAD_SHINGLES;
        });
        return new StoryFingerprint(urlKey(canonicalUrl), contentHash, sortedDistinct(lead, n[0]));
    }

    /** The first {@code n} values of {@code values}, sorted, without repeats (sorts {@code values} in place). */
    private static long[] sortedDistinct(long[] values, int n) {
        Arrays.sort(values, 0, n);
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (kept == 0 || values[i] != values[kept - 1]) {
                values[kept++] = values[i];
            }
        }
        return Arrays.copyOf(values, kept);
    }

    /** A fingerprint for exact matches only, without a lead: for text that could not be fingerprinted. */
    public static StoryFingerprint exactOnly(String canonicalUrl, String contentHash) {
        return new StoryFingerprint(urlKey(canonicalUrl), contentHash, new long[0]);
    }

    /** First 128 bits of SHA-256, in hex: fixed-length store keys however long the URL. */
    static String urlKey(String canonicalUrl) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalUrl.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
