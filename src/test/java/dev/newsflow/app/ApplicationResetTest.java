package dev.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApplicationResetTest {

    @Test
    void perTopicStreamsAreOutputsOfTheirPattern() {
        assertThat(ApplicationReset.isTopicStream("news.topic.{topic}", "news.topic.drones")).isTrue();
        assertThat(ApplicationReset.isTopicStream("alerts-{topic}-v2", "alerts-syria-v2")).isTrue();
        assertThat(ApplicationReset.isTopicStream("news.topic.{topic}", "news.topic.")).isFalse();
        assertThat(ApplicationReset.isTopicStream("news.topic.{topic}", "news.articles.raw")).isFalse();
        assertThat(ApplicationReset.isTopicStream("alerts-{topic}-v2", "alerts-syria")).isFalse();
    }

    @Test
    void acceptedControlUpdatesAreNotInternalStateToDelete() {
        assertThat(ApplicationReset.isInternal("newsflow", "newsflow-rules-accepted")).isFalse();
        assertThat(ApplicationReset.isInternal("newsflow", "newsflow-kb-accepted")).isFalse();
        assertThat(ApplicationReset.isInternal("newsflow", "newsflow-story-store-changelog")).isTrue();
    }
}
