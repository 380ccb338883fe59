package dev.newsflow.enrich.jmh;

import dev.newsflow.enrich.Enrichment;
import dev.newsflow.enrich.NewsEnricher;
import dev.newsflow.enrich.entities.KnowledgeBase;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The whole enricher (language, entities, topics) on one thread, with and without open-set NER. */
public class NewsEnricherBench extends StageBenchmark {

    /** One enricher of each kind; enrichers are thread-confined, and JMH runs one thread here. */
    @State(Scope.Thread)
    public static class Enrichers {
        NewsEnricher withNer;
        NewsEnricher withoutNer;

        @Setup(Level.Trial)
        public void load() {
            KnowledgeBase kb = KnowledgeBase.loadDefault();
            withNer = new NewsEnricher(NewsEnricher.Shared.of(kb, true));
            withoutNer = new NewsEnricher(NewsEnricher.Shared.of(kb, false));
        }
    }

    @Benchmark
    public Enrichment withNer(Enrichers enrichers, Corpus corpus, Cursor cursor) {
        ArticleCorpus.Article a = cursor.next(corpus);
        cursor.bytes += a.textBytes();
        return enrichers.withNer.enrich(a.document());
    }

    @Benchmark
    public Enrichment withoutNer(Enrichers enrichers, Corpus corpus, Cursor cursor) {
        ArticleCorpus.Article a = cursor.next(corpus);
        cursor.bytes += a.textBytes();
        return enrichers.withoutNer.enrich(a.document());
    }
}
