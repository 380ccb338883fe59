package dev.newsflow.enrich;

import dev.newsflow.enrich.lang.LanguageIdentifier;
import java.util.List;

/** The platform's baseline enricher: identifies the language and finds nothing else. */
public final class LanguageOnlyEnricher implements Enricher {

    private final LanguageIdentifier languages = new LanguageIdentifier();

    @Override
    public Enrichment enrich(Document document) {
        return new Enrichment(languages.identify(document.text(), document.declaredLanguage()), List.of(), List.of());
    }

    @Override
    public EnricherVersions versions() {
        return EnricherVersions.NONE;
    }
}
