package dev.newsflow.enrich;

import dev.newsflow.enrich.entities.AliasDictionary;
import dev.newsflow.enrich.entities.EntityLinker;
import dev.newsflow.enrich.entities.KnowledgeBase;
import dev.newsflow.enrich.lang.LanguageIdentifier;
import java.util.List;

/**
 * newsflow's enricher: language, then entities linked through the knowledge base's alias dictionary.
 * Build one {@link Shared} per process (the dictionary is immutable and large) and one enricher per thread.
 */
public final class NewsEnricher implements Enricher {

    /** What every enricher instance shares: the loaded knowledge base and its index. */
    public record Shared(KnowledgeBase knowledgeBase, AliasDictionary dictionary) {

        public static Shared loadDefault() {
            KnowledgeBase kb = KnowledgeBase.loadDefault();
            return new Shared(kb, AliasDictionary.of(kb));
        }
    }

    private final LanguageIdentifier languages = new LanguageIdentifier();
    private final EntityLinker linker;
    private final EnricherVersions versions;

    public NewsEnricher(Shared shared) {
        this.linker = new EntityLinker(shared.dictionary());
        this.versions = new EnricherVersions("none", shared.knowledgeBase().version(), "none");
    }

    @Override
    public Enrichment enrich(Document document) {
        return new Enrichment(languages.identify(document.text(), document.declaredLanguage()),
                linker.link(document), List.of());
    }

    @Override
    public EnricherVersions versions() {
        return versions;
    }
}
