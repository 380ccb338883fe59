package dev.newsflow.enrich.jmh;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A thread's position in the corpus, and the bytes its benchmark consumed: JMH reports the public {@code bytes}
 * counter as a rate next to the operations (articles) per second.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class Cursor {

    /** UTF-8 bytes of input consumed in this iteration; each benchmark adds what it read. */
    public long bytes;
    private int next;

    @Setup(Level.Iteration)
    public void resetCounter() {
        bytes = 0;
    }

    ArticleCorpus.Article next(Corpus corpus) {
        ArticleCorpus.Article article = corpus.list.get(next);
        next = next + 1 == corpus.list.size() ? 0 : next + 1;
        return article;
    }
}
