package dev.newsflow.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.enrich.dedup.DedupEvaluator.Counts;
import dev.newsflow.enrich.dedup.DedupEvaluator.Fingerprinted;
import dev.newsflow.enrich.dedup.DedupEvaluator.Pair;
import dev.newsflow.enrich.dedup.DedupEvaluator.Relation;
import dev.newsflow.enrich.text.TextNormaliser;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scoring of eval dedup, on invented articles (the AllSides figures come from the command itself). */
class DedupEvaluatorTest {

    private final DedupEvaluator evaluator = new DedupEvaluator(StoryFingerprinter.shipped(), StoryRule.DEFAULT);
    private final Map<String, Fingerprinted> byId = new HashMap<>();

    private Fingerprinted add(String id, String url, String title, String body, long day) {
        CorpusArticle article = new CorpusArticle(byId.size(), id, url, new TextNormaliser().normalise(title, body, false),
                day);
        String canonical = UrlCanonicaliser.canonicalise(url);
        Fingerprinted f = new Fingerprinted(article, canonical, StoryFingerprinter.shipped().fingerprint(canonical,
                article.text().text(), article.text().bodyStart(), ContentHash.sha256(article.text().text())));
        byId.put(id, f);
        return f;
    }

    @Test
    void countsExactNearAndStoryDecisionsAgainstTheLabels() {
        add("wire", "https://wire.example/rail", "Rail reopens", StoryTexts.WIRE_BODY, 0);
        add("page", "https://wire.example/rail?hp=top", "Rail reopens", StoryTexts.EDITED_BODY, 0);
        add("copy", "https://daily.example/7", "Trains again", StoryTexts.SYNDICATED_BODY, 0);
        add("other", "https://paper.example/rail", "Rail reopens", StoryTexts.OTHER_REPORT_BODY, 0);
        List<Pair> pairs = List.of(
                new Pair("wire", "page", Relation.EXACT, false, ""),
                new Pair("wire", "copy", Relation.NEAR, false, ""),
                new Pair("wire", "other", Relation.NEAR, true, "labelled near to make a miss"),
                new Pair("copy", "other", Relation.DIFFERENT, false, ""));

        Map<String, Counts> all = evaluator.score(pairs, byId, false);
        Map<String, Counts> lenient = evaluator.score(pairs, byId, true);

        assertThat(all.get("exact")).isEqualTo(new Counts(1, 0, 0));
        assertThat(all.get("near")).isEqualTo(new Counts(1, 0, 1));
        assertThat(all.get("story")).isEqualTo(new Counts(2, 0, 1));
        assertThat(lenient.get("near")).isEqualTo(new Counts(1, 0, 0));
        assertThat(all.get("near").recall()).isEqualTo(0.5);
    }

    @Test
    void theReplayKeepsArticlesOfOneStoryTogetherWithinTheWindowOnly() {
        long day = Duration.ofDays(1).toMillis();
        Fingerprinted wire = add("wire", "https://wire.example/rail", "Rail reopens", StoryTexts.WIRE_BODY, 10 * day);
        Fingerprinted copy = add("copy", "https://daily.example/7", "Trains again", StoryTexts.SYNDICATED_BODY, 11 * day);
        Fingerprinted late = add("late", "https://weekly.example/7", "Trains again", StoryTexts.SYNDICATED_BODY, 20 * day);

        Map<String, StoryAssignment> stories = evaluator.replay(List.of(late, copy, wire), Duration.ofHours(72));

        assertThat(stories.get("copy").storyId()).isEqualTo("wire");
        assertThat(stories.get("late").storyId()).isEqualTo("late");
    }
}
