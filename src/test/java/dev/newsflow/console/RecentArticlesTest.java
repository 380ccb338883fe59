package dev.newsflow.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecentArticlesTest {

    private static ArticleDetail article(String id) {
        return ArticleDetail.of(ConsoleArticles.putin(id, "Title " + id, Instant.EPOCH));
    }

    @Test
    void keepsTheNewestArticlesByCount() {
        RecentArticles store = new RecentArticles(2, Long.MAX_VALUE);
        store.put(article("a"));
        store.put(article("b"));
        store.put(article("c"));
        assertThat(store.get("a")).isEmpty();
        assertThat(store.get("b")).isPresent();
        assertThat(store.get("c").orElseThrow().summary().title()).isEqualTo("Title c");
    }

    @Test
    void keepsTheNewestArticlesWithinTheSizeBudgetButAlwaysTheLatest() {
        int weight = article("a").weight();
        RecentArticles store = new RecentArticles(100, weight * 2L);
        store.put(article("a"));
        store.put(article("b"));
        store.put(article("c"));
        assertThat(store.size()).isEqualTo(2);
        assertThat(store.get("a")).isEmpty();

        RecentArticles tiny = new RecentArticles(100, 1);
        tiny.put(article("a"));
        tiny.put(article("b"));
        assertThat(tiny.size()).isEqualTo(1);
        assertThat(tiny.get("b")).isPresent();
    }

    @Test
    void theSameIdAgainReplacesTheOldViewAndBecomesTheNewest() {
        RecentArticles store = new RecentArticles(2, Long.MAX_VALUE);
        store.put(article("a"));
        store.put(article("b"));
        store.put(ArticleDetail.of(ConsoleArticles.putin("a", "Again", Instant.EPOCH)));
        store.put(article("c"));
        assertThat(store.get("b")).isEmpty();
        assertThat(store.get("a").orElseThrow().summary().title()).isEqualTo("Again");
    }
}
