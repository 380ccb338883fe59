package dev.newsflow.enrich.jmh;

import dev.newsflow.enrich.entities.AliasDictionary;
import dev.newsflow.enrich.entities.EntityLinker;
import dev.newsflow.enrich.entities.EntityMatch;
import dev.newsflow.enrich.entities.KnowledgeBase;
import dev.newsflow.enrich.entities.NameSpotter;
import dev.newsflow.enrich.ner.NameFinder;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The entity stage: dictionary linking alone, open-set NER alone (the whole article tagged), and both merged as
 * the enricher runs them.
 */
public class EntityStageBench extends StageBenchmark {

    /** The knowledge base, its alias index and the NER model, loaded once per fork. */
    @State(Scope.Benchmark)
    public static class Models {
        EntityLinker dictionaryOnly;
        EntityLinker dictionaryAndNer;
        NameSpotter spotter;

        @Setup(Level.Trial)
        public void load() {
            AliasDictionary dictionary = AliasDictionary.of(KnowledgeBase.loadDefault());
            spotter = new NameSpotter(NameFinder.loadDefault());
            dictionaryOnly = new EntityLinker(dictionary);
            dictionaryAndNer = new EntityLinker(dictionary, spotter);
        }
    }

    @Benchmark
    public List<EntityMatch> dictionary(Models models, Corpus corpus, Cursor cursor) {
        ArticleCorpus.Article a = cursor.next(corpus);
        cursor.bytes += a.textBytes();
        return models.dictionaryOnly.link(a.document());
    }

    @Benchmark
    public List<NameSpotter.Name> openSetNer(Models models, Corpus corpus, Cursor cursor) {
        ArticleCorpus.Article a = cursor.next(corpus);
        cursor.bytes += a.textBytes();
        return models.spotter.spot(a.document().text());
    }

    @Benchmark
    public List<EntityMatch> dictionaryAndNer(Models models, Corpus corpus, Cursor cursor) {
        ArticleCorpus.Article a = cursor.next(corpus);
        cursor.bytes += a.textBytes();
        return models.dictionaryAndNer.link(a.document());
    }
}
