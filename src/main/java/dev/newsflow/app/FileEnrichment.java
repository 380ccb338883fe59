package dev.newsflow.app;

import dev.newsflow.client.ArticleFiles;
import dev.newsflow.enrich.Enricher;
import dev.newsflow.enrich.Enrichment;
import dev.newsflow.enrich.entities.EntityMatch;
import dev.newsflow.enrich.entities.Span;
import dev.newsflow.enrich.text.NormalisedText;
import dev.newsflow.enrich.text.TextNormaliser;
import dev.newsflow.schema.RawArticle;
import dev.newsflow.topology.ArticleDocuments;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;

/** Enriches articles from files without Kafka and prints what was found, for quick checks of rules and data. */
public final class FileEnrichment {

    private final Enricher enricher;
    private final TextNormaliser normaliser = new TextNormaliser();
    private final PrintWriter out;

    public FileEnrichment(Enricher enricher, PrintWriter out) {
        this.enricher = enricher;
        this.out = out;
    }

    /** Prints every article of {@code file}; returns how many could not be read. */
    public int enrich(Path file, ArticleFiles reader) throws IOException {
        int[] rejected = {0};
        reader.read(file, parsed -> {
            if (parsed instanceof ArticleFiles.Article article) {
                print(parsed.location(), article.article());
            } else {
                rejected[0]++;
                out.println(parsed.location() + ": rejected: " + ((ArticleFiles.Rejected) parsed).reason());
            }
        });
        return rejected[0];
    }

    private void print(String location, RawArticle raw) {
        NormalisedText text = ArticleDocuments.normalise(normaliser, raw);
        Enrichment enrichment = enricher.enrich(ArticleDocuments.of(raw, text));
        out.printf(Locale.ROOT, "== %s  %s%n   language %s %.2f (%s)%n", location, text.title(),
                enrichment.language().code(), enrichment.language().confidence(), enrichment.language().method());
        for (EntityMatch entity : enrichment.entities()) {
            String mentions = entity.mentions().stream().map(FileEnrichment::mention).collect(Collectors.joining(", "));
            out.printf(Locale.ROOT, "   %-34s %-12s %-2s sal %.2f  %s%n", entity.id(), entity.type(),
                    entity.countryCode() == null ? "" : entity.countryCode(), entity.salience(), mentions);
        }
        enrichment.topics().forEach(topic -> out.printf(Locale.ROOT, "   topic %s %.2f%n", topic.id(), topic.score()));
        out.flush();
    }

    private static String mention(Span span) {
        return "\"" + span.surface() + "\"@" + span.start();
    }
}
