package dev.newsflow.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.enrich.text.NormalisedText;
import dev.newsflow.enrich.text.TextNormaliser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoryFingerprinterTest {

    private static final StoryRule RULE = StoryRule.DEFAULT;
    private final StoryFingerprinter fingerprinter = StoryFingerprinter.shipped();

    private StoryFingerprint fingerprint(StoryFingerprinter with, String url, String title, String body) {
        NormalisedText text = new TextNormaliser().normalise(title, body, false);
        return with.fingerprint(UrlCanonicaliser.canonicalise(url), text.text(), text.bodyStart(),
                ContentHash.sha256(text.text()));
    }

    private StoryFingerprint fingerprint(String url, String title, String body) {
        return fingerprint(fingerprinter, url, title, body);
    }

    @Test
    void aSyndicatedCopyUnderANewHeadlineIsTheSameStory() {
        StoryFingerprint wire = fingerprint("https://wire.example/rail", "Norland reopens rail corridor to freight",
                StoryTexts.WIRE_BODY);
        StoryFingerprint copy = fingerprint("https://daily.example/news/123", "Trains to roll again as Kessel bridge is fixed",
                StoryTexts.SYNDICATED_BODY);

        assertThat(copy.contentHash()).isNotEqualTo(wire.contentHash());
        assertThat(copy.urlKey()).isNotEqualTo(wire.urlKey());
        assertThat(RULE.near(wire, copy)).isTrue();
        assertThat(StoryRule.jaccard(wire.lead(), copy.lead())).isEqualTo(1.0);
    }

    @Test
    void aLightlyEditedCopyIsTheSameStory() {
        StoryFingerprint wire = fingerprint("https://wire.example/rail", "Norland reopens rail corridor", StoryTexts.WIRE_BODY);
        StoryFingerprint edited = fingerprint("https://other.example/rail", "Norland reopens rail corridor", StoryTexts.EDITED_BODY);

        assertThat(RULE.near(wire, edited)).isTrue();
        assertThat(StoryRule.jaccard(wire.lead(), edited.lead())).isLessThan(1.0);
    }

    @Test
    void differentStoriesOnOneTopicAreNot() {
        StoryFingerprint wire = fingerprint("https://wire.example/rail", "Norland reopens rail corridor", StoryTexts.WIRE_BODY);
        StoryFingerprint other = fingerprint("https://paper.example/rail", "Norland reopens rail corridor", StoryTexts.OTHER_REPORT_BODY);
        StoryFingerprint unrelated = fingerprint("https://paper.example/plants", "Sunflowers clean soil", StoryTexts.UNRELATED_BODY);

        assertThat(RULE.near(wire, other)).isFalse();
        assertThat(StoryRule.jaccard(wire.lead(), other.lead())).isLessThan(0.1);
        assertThat(RULE.near(wire, unrelated)).isFalse();
    }

    @Test
    void sharedBoilerplateInTheCommonListDoesNotMakeStoriesAlike() {
        // Longer than the lead: without the list, two pages behind it would look identical.
        String template = """
                Sign up for our morning briefing and get the news that matters delivered to your inbox every day before \
                breakfast, free of charge, from our newsroom of award winning reporters and editors around the world.

                We use cookies and similar technologies to recognise your repeat visits and preferences, to measure the \
                effectiveness of campaigns and to analyse traffic. To learn more about cookies, including how to disable \
                them, view our cookie policy. By clicking accept or continuing to use the site you agree to the use of \
                cookies, and you can change your mind at any time in the privacy settings at the bottom of every page.

                """;
        Set<Long> templateShingles = new HashSet<>();
        Shingles.forEach(template, 0, template.length(), templateShingles::add);
        StoryFingerprinter withList = new StoryFingerprinter(CommonShingles.of(
                templateShingles.stream().mapToLong(Long::longValue).toArray(), 5));
        StoryFingerprinter withoutList = new StoryFingerprinter(CommonShingles.none());

        // A long template in front of two different stories dominates their leads unless it is known to be common.
        String a = template + StoryTexts.WIRE_BODY;
        String b = template + StoryTexts.UNRELATED_BODY;
        assertThat(RULE.near(fingerprint(withList, "https://x.example/a", "A", a),
                fingerprint(withList, "https://x.example/b", "B", b))).isFalse();
        assertThat(RULE.near(fingerprint(withoutList, "https://x.example/a", "A", a),
                fingerprint(withoutList, "https://x.example/b", "B", b))).isTrue();
    }

    @Test
    void trackingParametersDoNotChangeTheUrlKey() {
        StoryFingerprint a = fingerprint("https://www.wire.example/rail?utm_source=feed&fbclid=1", "T", StoryTexts.WIRE_BODY);
        StoryFingerprint b = fingerprint("https://wire.example/rail", "T", StoryTexts.WIRE_BODY);

        assertThat(a.urlKey()).isEqualTo(b.urlKey()).hasSize(32);
    }

    @Test
    void aBodyOfAFewWordsIsNotComparable() {
        StoryFingerprint tiny = fingerprint("https://x.example/a", "Brief", "Trains run again from Friday, the minister said.");

        assertThat(RULE.comparable(tiny.lead())).isFalse();
        assertThat(RULE.near(tiny, tiny)).isFalse();
        assertThat(RULE.keys(tiny)).hasSize(2);
    }

    @Test
    void copiesShareAMinHashBandAndUnrelatedArticlesDoNot() {
        List<String> wire = RULE.keys(fingerprint("https://a.example/1", "T", StoryTexts.WIRE_BODY));
        List<String> edited = RULE.keys(fingerprint("https://b.example/2", "T", StoryTexts.EDITED_BODY));
        List<String> unrelated = RULE.keys(fingerprint("https://c.example/3", "T", StoryTexts.UNRELATED_BODY));

        assertThat(wire).hasSize(2 + StoryRule.BANDS);
        assertThat(edited.subList(2, edited.size())).containsAnyElementsOf(wire.subList(2, wire.size()));
        assertThat(unrelated.subList(2, unrelated.size())).doesNotContainAnyElementsOf(wire.subList(2, wire.size()));
    }

    @Test
    void bandsFindPairsAtTheThresholdAlmostAlways() {
        Random random = new Random(7);
        int found = 0;
        int trials = 500;
        for (int trial = 0; trial < trials; trial++) {
            // Two leads of 100 shingles sharing 83: Jaccard 83 / 117 = 0.709, just above the threshold.
            long[] a = new long[100];
            long[] b = new long[100];
            for (int i = 0; i < 100; i++) {
                a[i] = random.nextLong();
                b[i] = i < 83 ? a[i] : random.nextLong();
            }
            java.util.Arrays.sort(a);
            java.util.Arrays.sort(b);
            List<String> keysA = RULE.keys(new StoryFingerprint("u", "c", a));
            List<String> keysB = RULE.keys(new StoryFingerprint("v", "d", b));
            if (!java.util.Collections.disjoint(keysA.subList(2, keysA.size()), keysB.subList(2, keysB.size()))) {
                found++;
            }
        }
        assertThat(found).isGreaterThanOrEqualTo(trials - 3);
    }

    @Test
    void shinglesIgnoreCasePunctuationAndSpacing() {
        List<Long> a = new ArrayList<>();
        List<Long> b = new ArrayList<>();
        String one = "The Minister said: \u201cwe owe them\u201d \u2014 and left.";
        Shingles.forEach(one, 0, one.length(), a::add);
        String other = "the minister SAID \"we  owe them\" - and left";
        Shingles.forEach(other, 0, other.length(), b::add);

        assertThat(a).hasSize(4).isEqualTo(b);
    }
}
