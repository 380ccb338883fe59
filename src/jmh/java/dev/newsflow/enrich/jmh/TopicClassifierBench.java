package dev.newsflow.enrich.jmh;

import dev.newsflow.enrich.entities.AliasDictionary;
import dev.newsflow.enrich.entities.EntityLinker;
import dev.newsflow.enrich.entities.EntityMatch;
import dev.newsflow.enrich.entities.KnowledgeBase;
import dev.newsflow.enrich.entities.NameSpotter;
import dev.newsflow.enrich.entities.TextTokens;
import dev.newsflow.enrich.ner.NameFinder;
import dev.newsflow.enrich.topics.Taxonomy;
import dev.newsflow.enrich.topics.TopicClassifier;
import dev.newsflow.enrich.topics.TopicMatch;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The topic stage alone: the default taxonomy over each article, given the entities the entity stage found.
 * {@code classify} tokenises the article itself; {@code classifySharedTokens} is given the tokens made beforehand,
 * as in the enricher, where one tokenisation serves the entity linker and the classifier.
 */
public class TopicClassifierBench extends StageBenchmark {

    /** The classifier and every article's entities (dictionary and NER), computed once per fork, not timed. */
    @State(Scope.Benchmark)
    public static class Inputs {
        TopicClassifier classifier;
        List<List<EntityMatch>> entities;
        List<TextTokens> tokens;

        @Setup(Level.Trial)
        public void load(Corpus corpus) {
            classifier = new TopicClassifier(Taxonomy.loadDefault());
            EntityLinker linker = new EntityLinker(AliasDictionary.of(KnowledgeBase.loadDefault()),
                    new NameSpotter(NameFinder.loadDefault()));
            entities = new ArrayList<>(corpus.list.size());
            tokens = new ArrayList<>(corpus.list.size());
            for (ArticleCorpus.Article a : corpus.list) {
                entities.add(linker.link(a.document()));
                tokens.add(TextTokens.of(a.document().text()));
            }
        }
    }

    @State(Scope.Thread)
    public static class Position {
        int next;
    }

    @Benchmark
    public List<TopicMatch> classify(Inputs inputs, Corpus corpus, Position position, Cursor cursor) {
        int i = next(corpus, position, cursor);
        return inputs.classifier.classify(corpus.list.get(i).document(), inputs.entities.get(i));
    }

    @Benchmark
    public List<TopicMatch> classifySharedTokens(Inputs inputs, Corpus corpus, Position position, Cursor cursor) {
        int i = next(corpus, position, cursor);
        return inputs.classifier.classify(corpus.list.get(i).document(), inputs.tokens.get(i), inputs.entities.get(i));
    }

    /** The index of the next article, counted in the bytes consumed. */
    private static int next(Corpus corpus, Position position, Cursor cursor) {
        int i = position.next;
        position.next = i + 1 == corpus.list.size() ? 0 : i + 1;
        cursor.bytes += corpus.list.get(i).textBytes();
        return i;
    }
}
