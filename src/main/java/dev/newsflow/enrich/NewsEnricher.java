package dev.newsflow.enrich;

import dev.newsflow.enrich.entities.AliasDictionary;
import dev.newsflow.enrich.entities.EntityMatch;
import dev.newsflow.enrich.entities.EntityLinker;
import dev.newsflow.enrich.entities.KnowledgeBase;
import dev.newsflow.enrich.entities.NameSpotter;
import dev.newsflow.enrich.entities.TextTokens;
import dev.newsflow.enrich.ner.NameFinder;
import dev.newsflow.enrich.topics.Taxonomy;
import dev.newsflow.enrich.topics.TopicClassifier;
import dev.newsflow.enrich.lang.LanguageIdentifier;
import java.util.List;

/**
 * newsflow's enricher: language; entities (the knowledge base's alias dictionary merged with open-set names
 * from the NER model); topics from the taxonomy's rules, which may require or weigh those entities.
 * Build one {@link Shared} per process (the dictionary is immutable and large) and one enricher per thread.
 */
public final class NewsEnricher implements Enricher {

    /**
     * What every enricher instance shares: the knowledge base, its index and the open-set name finder (null to
     * link through the dictionary only).
     */
    public record Shared(KnowledgeBase knowledgeBase, AliasDictionary dictionary, NameFinder nameFinder,
                         Taxonomy taxonomy) {

        /** The shipped knowledge base, name finder and taxonomy. */
        public static Shared loadDefault() {
            return of(KnowledgeBase.loadDefault(), true);
        }

        public static Shared of(KnowledgeBase kb, boolean withNer) {
            return of(kb, withNer ? NameFinder.loadDefault() : null, Taxonomy.loadDefault());
        }

        /** Indexes {@code kb}; {@code nameFinder} may be null to link through the dictionary only. */
        public static Shared of(KnowledgeBase kb, NameFinder nameFinder, Taxonomy taxonomy) {
            return new Shared(kb, AliasDictionary.of(kb), nameFinder, taxonomy);
        }

        /** The same knowledge base and models under other rules. */
        public Shared withTaxonomy(Taxonomy other) {
            return other == taxonomy ? this : new Shared(knowledgeBase, dictionary, nameFinder, other);
        }

        String nerVersion() {
            return nameFinder == null ? "none" : NER_VERSION;
        }
    }

    private static final String NER_VERSION = readNerVersion();

    private final LanguageIdentifier languages = new LanguageIdentifier();
    private final EntityLinker linker;
    private final TopicClassifier topics;
    private final EnricherVersions versions;

    public NewsEnricher(Shared shared) {
        this.linker = new EntityLinker(shared.dictionary(),
                shared.nameFinder() == null ? null : new NameSpotter(shared.nameFinder()));
        this.topics = new TopicClassifier(shared.taxonomy());
        this.versions = new EnricherVersions(shared.taxonomy().version(), shared.knowledgeBase().version(),
                shared.nerVersion());
    }

    @Override
    public Enrichment enrich(Document document) {
        TextTokens tokens = TextTokens.of(document.text()); // one tokenisation for entities and topics
        List<EntityMatch> entities = linker.link(document, tokens);
        return new Enrichment(languages.identify(document.text(), document.declaredLanguage()), entities,
                topics.classify(document, tokens, entities));
    }

    private static String readNerVersion() {
        try (var in = NewsEnricher.class.getResourceAsStream("/ner/VERSION")) {
            return in == null ? "unversioned" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        } catch (java.io.IOException e) {
            return "unversioned";
        }
    }

    @Override
    public EnricherVersions versions() {
        return versions;
    }
}
