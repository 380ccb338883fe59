package dev.newsflow.enrich.jmh;

import dev.newsflow.enrich.lang.LanguageGuess;
import dev.newsflow.enrich.lang.LanguageIdentifier;
import dev.newsflow.enrich.text.NormalisedText;
import dev.newsflow.enrich.text.TextNormaliser;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * The stages before entities: text normalisation of the raw title and body (plain text, as the AllSides crawl
 * delivers them; bytes are the raw fields'), and language identification of a text that declares none.
 */
public class TextStagesBench extends StageBenchmark {

    private static final TextNormaliser NORMALISER = new TextNormaliser();
    private static final LanguageIdentifier IDENTIFIER = new LanguageIdentifier();

    @Benchmark
    public NormalisedText normalise(Corpus corpus, Cursor cursor) {
        ArticleCorpus.Article a = cursor.next(corpus);
        cursor.bytes += a.rawBytes();
        return NORMALISER.normalise(a.title(), a.body(), false);
    }

    @Benchmark
    public LanguageGuess identifyLanguage(Corpus corpus, Cursor cursor) {
        ArticleCorpus.Article a = cursor.next(corpus);
        cursor.bytes += a.textBytes();
        return IDENTIFIER.identify(a.document().text(), null);
    }
}
