package dev.newsflow.enrich.jmh;

import dev.newsflow.enrich.dedup.ContentHash;
import dev.newsflow.enrich.dedup.UrlCanonicaliser;
import java.nio.charset.StandardCharsets;
import org.openjdk.jmh.annotations.Benchmark;

/** The de-duplication primitives: canonical URL (bytes are the URL's) and content hash (bytes are the text's). */
public class DedupBench extends StageBenchmark {

    @Benchmark
    public String urlCanonicalise(Corpus corpus, Cursor cursor) {
        ArticleCorpus.Article a = cursor.next(corpus);
        cursor.bytes += a.url().getBytes(StandardCharsets.UTF_8).length;
        return UrlCanonicaliser.canonicalise(a.url());
    }

    @Benchmark
    public String contentHash(Corpus corpus, Cursor cursor) {
        ArticleCorpus.Article a = cursor.next(corpus);
        cursor.bytes += a.textBytes();
        return ContentHash.sha256(a.document().text());
    }
}
