package dev.newsflow.cli;

import dev.newsflow.enrich.LiveModels;
import dev.newsflow.enrich.NewsEnricher;
import dev.newsflow.enrich.entities.KnowledgeBase;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which knowledge base the enricher links to. */
final class EnrichmentOptions {

    @Option(names = "--kb-overrides", paramLabel = "FILE",
            description = "JSON-lines file of knowledge-base entries that add to or replace built-in ones by id; "
                    + "{\"id\": ..., \"deleted\": true} removes one (format: tools/kb/README.md).")
    Path kbOverrides;

    @Option(names = "--ner", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Find names the knowledge base does not know with the open-set NER model (default: on; "
                    + "--no-ner links through the dictionary only, several times faster).")
    boolean ner;

    /** Loads the knowledge base, the NER model and the taxonomy once; they are shared by every enricher. */
    NewsEnricher.Shared shared() {
        KnowledgeBase kb = KnowledgeBase.loadDefault();
        if (kbOverrides != null) {
            kb = kb.withOverrides(kbOverrides);
        }
        return NewsEnricher.Shared.of(kb, ner);
    }

    /** The shipped models, which rule and knowledge-base updates then replace while the application runs. */
    LiveModels liveModels() {
        return new LiveModels(shared());
    }
}
