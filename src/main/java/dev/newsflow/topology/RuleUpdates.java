package dev.newsflow.topology;

import dev.newsflow.enrich.LiveModels;
import dev.newsflow.enrich.topics.Taxonomy;
import dev.newsflow.enrich.topics.TaxonomyException;
import java.util.List;

/**
 * Taxonomy updates: the key is {@value #KEY}, the value a whole YAML taxonomy with its own version; a
 * tombstone restores the shipped taxonomy. Whole documents rather than single topics, so a version names
 * exactly one set of rules.
 */
final class RuleUpdates implements ControlChannel {

    static final String KEY = "taxonomy";

    @Override
    public String name() {
        return "rules";
    }

    @Override
    public String invalidCode() {
        return "invalid-rules";
    }

    @Override
    public void check(String key, String value, LiveModels models) {
        if (!KEY.equals(key)) {
            throw new ControlUpdateException("rules-bad-key", "rule updates must have the key '" + KEY + "', got "
                    + (key == null ? "no key" : "'" + key + "'"));
        }
        if (value == null) {
            return;
        }
        Taxonomy taxonomy = parse(value);
        List<String> unknown = taxonomy.entityIds().stream()
                .filter(id -> models.current().knowledgeBase().get(id) == null)
                .toList();
        if (!unknown.isEmpty()) {
            throw new ControlUpdateException("rules-unknown-entity", "taxonomy " + taxonomy.version()
                    + " names entities the knowledge base does not know: " + unknown
                    + " (publish them to the knowledge-base topic first)");
        }
    }

    @Override
    public void apply(String key, String value, LiveModels models) {
        models.useTaxonomy(value == null ? null : parse(value));
    }

    private static Taxonomy parse(String yaml) {
        try {
            return Taxonomy.parse(yaml);
        } catch (TaxonomyException e) {
            throw new ControlUpdateException("invalid-rules", "taxonomy rejected: " + e.getMessage(), e);
        }
    }
}
