package dev.newsflow.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The story decisions, on the in-memory index that shares them with the topology's store. */
class StoryIndexTest {

    private static final long HOUR = 3_600_000L;

    private final StoryIndex index = new StoryIndex(StoryRule.DEFAULT, Duration.ofHours(72));

    /** A lead of 100 shingles numbered from {@code first}: leads 10 apart share 90 (Jaccard 0.82). */
    private static long[] lead(long first) {
        return LongStream.range(first, first + 100).map(Shingles::mix).sorted().toArray();
    }

    private static StoryFingerprint fp(String url, String content, long[] lead) {
        return new StoryFingerprint(url, content, lead);
    }

    @Test
    void theFirstArticleOpensAStoryAndASameUrlCopyDuplicatesIt() {
        StoryAssignment first = index.assign("a", 0, fp("u1", "c1", lead(0)));
        StoryAssignment again = index.assign("b", HOUR, fp("u1", "c2", lead(1000)));

        assertThat(first).isEqualTo(StoryAssignment.own("a"));
        assertThat(again).isEqualTo(new StoryAssignment("a", true, "a", MatchKind.SAME_URL, 0.0, "a"));
    }

    @Test
    void sameTextUnderAnotherUrlIsAnExactDuplicateOfTheFirstArticle() {
        index.assign("a", 0, fp("u1", "c1", lead(0)));
        index.assign("b", HOUR, fp("u2", "c1", lead(0)));
        StoryAssignment third = index.assign("c", 2 * HOUR, fp("u3", "c1", lead(0)));

        assertThat(third).isEqualTo(new StoryAssignment("a", true, "a", MatchKind.SAME_TEXT, 1.0, "a"));
    }

    @Test
    void nearCopiesShareTheFirstArticlesStoryWithoutBeingDuplicates() {
        index.assign("a", 0, fp("u1", "c1", lead(0)));
        StoryAssignment b = index.assign("b", HOUR, fp("u2", "c2", lead(10)));
        // c is close to b (Jaccard 0.82) but not to a (0.67): it still joins a's story through b.
        StoryAssignment c = index.assign("c", 2 * HOUR, fp("u3", "c3", lead(20)));

        assertThat(b).isEqualTo(new StoryAssignment("a", false, null, MatchKind.NEAR_TEXT, 90 / 110.0, "a"));
        assertThat(c).isEqualTo(new StoryAssignment("a", false, null, MatchKind.NEAR_TEXT, 90 / 110.0, "b"));
    }

    @Test
    void theMostSimilarEarlierArticleWinsAndAnExactMatchBeatsANearOne() {
        index.assign("less", 0, fp("u1", "c1", lead(12)));
        index.assign("more", HOUR, fp("u2", "c2", lead(5)));
        StoryAssignment near = index.assign("n", 2 * HOUR, fp("u3", "c3", lead(0)));
        index.assign("page", 3 * HOUR, fp("u9", "c9", lead(5000)));
        StoryAssignment exact = index.assign("e", 4 * HOUR, fp("u9", "c10", lead(0)));

        assertThat(near.matchedId()).isEqualTo("more");
        assertThat(near.storyId()).isEqualTo("less");
        assertThat(exact.match()).isEqualTo(MatchKind.SAME_URL);
        assertThat(exact.storyId()).isEqualTo("page");
    }

    @Test
    void articlesOutsideTheWindowOpenANewStory() {
        index.assign("old", 0, fp("u1", "c1", lead(0)));
        StoryAssignment late = index.assign("late", 73 * HOUR, fp("u1", "c1", lead(0)));
        StoryAssignment inTime = index.assign("next", 74 * HOUR, fp("u1", "c1", lead(0)));

        assertThat(late).isEqualTo(StoryAssignment.own("late"));
        assertThat(inTime.storyId()).isEqualTo("late");
    }

    @Test
    void dissimilarLeadsStayApart() {
        index.assign("a", 0, fp("u1", "c1", lead(0)));
        StoryAssignment b = index.assign("b", HOUR, fp("u2", "c2", lead(20)));

        assertThat(StoryRule.jaccard(lead(0), lead(20))).isLessThan(StoryRule.DEFAULT.minJaccard());
        assertThat(b).isEqualTo(StoryAssignment.own("b"));
    }

    @Test
    void shortTextsOnlyMatchExactly() {
        long[] tiny = Arrays.copyOf(lead(0), 5);
        index.assign("a", 0, fp("u1", "c1", tiny));
        StoryAssignment sameLead = index.assign("b", HOUR, fp("u2", "c2", tiny));
        StoryAssignment sameText = index.assign("c", HOUR, fp("u3", "c1", tiny));

        assertThat(sameLead).isEqualTo(StoryAssignment.own("b"));
        assertThat(sameText).isEqualTo(new StoryAssignment("a", true, "a", MatchKind.SAME_TEXT, null, "a"));
    }
}
