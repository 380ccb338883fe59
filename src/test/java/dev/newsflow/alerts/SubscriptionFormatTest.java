package dev.newsflow.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The subscription format: defaults, strictness, and what a parsed subscription matches. */
class SubscriptionFormatTest {

    private static ArticleFacts article(String source, String language, Map<String, Double> topics, Map<String, String> entities) {
        return new ArticleFacts("a-1", "a-1", false, source, "paper.example", language, "Title", "https://paper.example/1",
                topics, entities, Instant.parse("2026-11-28T10:00:00Z"));
    }

    @Test
    void defaultsApplyToWhatIsLeftOut() {
        Subscription s = SubscriptionFormat.parse("{\"id\":\"drones\",\"owner\":\"desk\",\"topics\":{\"any\":[\"drones\"]}}");

        assertThat(s.severity()).isEqualTo(Severity.WARNING);
        assertThat(s.minSources()).isEqualTo(1);
        assertThat(s.suppressFor()).isEqualTo(Duration.ofHours(24));
        assertThat(s.topics().minScore()).isZero();
        assertThat(s.languages()).isEmpty();
    }

    @Test
    void mistakesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> SubscriptionFormat.parse("[]")).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> SubscriptionFormat.parse("{\"owner\":\"desk\",\"topics\":{\"any\":[\"x\"]}}"))
                .hasMessageContaining("'id'");
        assertThatThrownBy(() -> SubscriptionFormat.parse("{\"id\":\"a b\",\"owner\":\"desk\",\"topics\":{\"any\":[\"x\"]}}"))
                .hasMessageContaining("'id'");
        assertThatThrownBy(() -> SubscriptionFormat.parse("{\"id\":\"x\",\"topics\":{\"any\":[\"x\"]}}"))
                .hasMessageContaining("'owner'");
        assertThatThrownBy(() -> SubscriptionFormat.parse("{\"id\":\"x\",\"owner\":\"d\",\"topics\":{\"anyy\":[\"x\"]}}"))
                .hasMessageContaining("'topics.anyy'");
        assertThatThrownBy(() -> SubscriptionFormat.parse("{\"id\":\"x\",\"owner\":\"d\",\"topics\":{\"any\":[\"x\"],\"minScore\":2}}"))
                .hasMessageContaining("minScore");
        assertThatThrownBy(() -> SubscriptionFormat.parse("{\"id\":\"x\",\"owner\":\"d\",\"entities\":{\"any\":[\"x\"]},\"severity\":\"loud\"}"))
                .hasMessageContaining("severity");
        assertThatThrownBy(() -> SubscriptionFormat.parse("{\"id\":\"x\",\"owner\":\"d\",\"entities\":{\"any\":[\"x\"]},\"suppressFor\":\"1 day\"}"))
                .hasMessageContaining("suppressFor");
        assertThatThrownBy(() -> SubscriptionFormat.parse("{\"id\":\"x\",\"owner\":\"d\",\"entities\":{\"any\":[\"x\"]},\"languages\":[\"English\"]}"))
                .hasMessageContaining("languages");
    }

    @Test
    void anyAllSourcesAndLanguagesCombine() {
        Subscription s = SubscriptionFormat.parse("""
                {"id":"iran-sanctions","owner":"desk","topics":{"any":["sanctions","nuclear-weapons"],"minScore":0.5},
                 "entities":{"all":["country:ir"]},"sources":{"exclude":["Tabloid"]},"languages":["EN"]}""");
        Map<String, Double> topics = new LinkedHashMap<>(Map.of("sanctions", 0.6, "nuclear-weapons", 0.4));
        Map<String, String> iran = Map.of("country:ir", "Iran");

        Sighting hit = SubscriptionMatcher.match(s, article("Wire", "en", topics, iran)).orElseThrow();

        assertThat(hit.matchedTopics()).containsOnlyKeys("sanctions");
        assertThat(hit.matchedEntities()).containsEntry("country:ir", "Iran");
        assertThat(SubscriptionMatcher.match(s, article("TABLOID", "en", topics, iran))).isEmpty();
        assertThat(SubscriptionMatcher.match(s, article("Wire", "fr", topics, iran))).isEmpty();
        assertThat(SubscriptionMatcher.match(s, article("Wire", "en", topics, Map.of()))).isEmpty();
        assertThat(SubscriptionMatcher.match(s, article("Wire", "en", Map.of("sanctions", 0.49), iran))).isEmpty();
    }
}
