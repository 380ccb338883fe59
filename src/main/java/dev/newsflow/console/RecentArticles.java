package dev.newsflow.console;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The article views of the most recent articles, by id, for {@code /console/api/articles/{id}}. Bounded by count and
 * by size: a text may be half a million characters, and the console must not grow the heap of the pipeline.
 */
final class RecentArticles {

    private final int maxArticles;
    private final long maxWeight;
    private final LinkedHashMap<String, ArticleDetail> byId = new LinkedHashMap<>();
    private long weight;

    RecentArticles(int maxArticles, long maxWeight) {
        this.maxArticles = maxArticles;
        this.maxWeight = maxWeight;
    }

    /** Keeps {@code article} as the newest, replacing an older one with the same id, and evicts the oldest beyond the bounds. */
    synchronized void put(ArticleDetail article) {
        ArticleDetail previous = byId.remove(article.summary().id());
        if (previous != null) {
            weight -= previous.weight();
        }
        byId.put(article.summary().id(), article);
        weight += article.weight();
        Iterator<Map.Entry<String, ArticleDetail>> oldest = byId.entrySet().iterator();
        // The newest article is always kept, even when it alone is over the size budget.
        while (byId.size() > 1 && (byId.size() > maxArticles || weight > maxWeight)) {
            weight -= oldest.next().getValue().weight();
            oldest.remove();
        }
    }

    synchronized Optional<ArticleDetail> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    synchronized int size() {
        return byId.size();
    }
}
