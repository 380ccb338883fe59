package dev.newsflow.cli;

import dev.newsflow.app.FileEnrichment;
import dev.newsflow.client.ArticleFiles;
import dev.newsflow.enrich.NewsEnricher;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsflow enrich FILE...}: the enricher on files, no Kafka needed; prints what it found. */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = "Enrich .jsonl, .txt or .html files offline and print language, entities (with mention offsets) and "
                + "topics. No Kafka needed. Exit code 1 if a line or file could not be read.",
        footer = {"", "Examples:",
                "  newsflow enrich article.txt",
                "  newsflow enrich --no-ner --kb-overrides my-entities.jsonl articles.jsonl"})
final class EnrichCommand implements Callable<Integer> {

    @Mixin
    EnrichmentOptions enrichment;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to enrich.")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        FileEnrichment enricher = new FileEnrichment(new NewsEnricher(enrichment.shared()), spec.commandLine().getOut());
        ArticleFiles reader = new ArticleFiles("local files", "https://example.org/articles/");
        int rejected = 0;
        for (Path file : files) {
            rejected += enricher.enrich(file, reader);
        }
        return rejected == 0 ? 0 : 1;
    }
}
