package dev.newsflow.enrich.jmh;

import java.nio.file.Files;
import java.util.Arrays;

/**
 * Entry point of the enrichment benchmarks: JMH's own command line, except that it says clearly and exits 0 when
 * the article corpus is absent (a clone without {@code ../shared}), instead of failing every benchmark in setup.
 */
public final class EnrichmentBenchmarks {

    private EnrichmentBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        boolean onlyListsOrHelps = Arrays.stream(args).anyMatch(a -> a.equals("-h") || a.equals("-l")
                || a.equals("-lp") || a.equals("-lprof") || a.equals("-lrf"));
        if (!onlyListsOrHelps && !Files.isRegularFile(ArticleCorpus.file())) {
            System.out.println(ArticleCorpus.missingMessage());
            return;
        }
        org.openjdk.jmh.Main.main(args);
    }
}
