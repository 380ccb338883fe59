package dev.newsflow.enrich.jmh;

import java.io.IOException;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The articles every benchmark of a run cycles through (read once per fork). */
@State(Scope.Benchmark)
public class Corpus {

    /** How many articles to cycle through. */
    @Param("2000")
    public int articles;

    List<ArticleCorpus.Article> list;

    @Setup(Level.Trial)
    public void load() throws IOException {
        list = ArticleCorpus.load(articles);
    }
}
