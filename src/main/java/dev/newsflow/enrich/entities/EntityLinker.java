package dev.newsflow.enrich.entities;

import dev.newsflow.enrich.Document;
import dev.newsflow.enrich.entities.EntityMatch.LinkSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Links a document's alias hits to knowledge-base entities under the linking rules, and ranks the entities:
 * <ul>
 *   <li>full names and demonyms link wherever they appear;</li>
 *   <li>a surname links only after the person's full name appeared (in the headline: anywhere in the body);</li>
 *   <li>an ambiguous alias (an ordinary word or common name: Turkey, Chad, Nice) links only when the same
 *       entity is also named unambiguously in the article;</li>
 *   <li>where several entities share a spelling, the best-ranked one the rules allow wins.</li>
 * </ul>
 */
public final class EntityLinker {

    private static final int LEAD_CHARS = 400;

    private final AliasDictionary dictionary;

    public EntityLinker(AliasDictionary dictionary) {
        this.dictionary = dictionary;
    }

    public List<EntityMatch> link(Document document) {
        String text = document.text();
        List<Token> tokens = Tokenizer.tokenize(text);
        List<AliasDictionary.Hit> hits = dictionary.find(text, tokens);

        // First pass: where each entity is named unambiguously by its full name or demonym.
        Map<String, Integer> firstFullName = new HashMap<>();
        Map<String, Boolean> namedUnambiguously = new HashMap<>();
        for (AliasDictionary.Hit hit : hits) {
            for (Alias alias : hit.acceptable()) {
                if (!alias.ambiguous() && alias.kind() != Alias.Kind.SURNAME) {
                    String id = alias.entity().id();
                    namedUnambiguously.put(id, true);
                    if (alias.kind() == Alias.Kind.NAME) {
                        firstFullName.merge(id, tokens.get(hit.from()).start(), Math::min);
                    }
                }
            }
        }

        Map<String, List<Span>> mentions = new LinkedHashMap<>();
        Map<String, KbEntity> entities = new HashMap<>();
        for (AliasDictionary.Hit hit : hits) {
            int start = tokens.get(hit.from()).start();
            int end = tokens.get(hit.to() - 1).end();
            for (Alias alias : hit.acceptable()) {
                if (allowed(alias, start, document.bodyStart(), firstFullName, namedUnambiguously)) {
                    String id = alias.entity().id();
                    entities.put(id, alias.entity());
                    mentions.computeIfAbsent(id, k -> new ArrayList<>()).add(new Span(start, end, text.substring(start, end)));
                    break;
                }
            }
        }

        List<EntityMatch> matches = new ArrayList<>(mentions.size());
        mentions.forEach((id, spans) -> {
            KbEntity entity = entities.get(id);
            matches.add(new EntityMatch(id, entity.name(), entity.type(), entity.countryCode(), entity.wikidataId(),
                    LinkSource.DICTIONARY, salience(spans, document), spans));
        });
        matches.sort(Comparator.comparingDouble(EntityMatch::salience).reversed()
                .thenComparingInt(m -> m.mentions().get(0).start()));
        return matches;
    }

    private static boolean allowed(Alias alias, int start, int bodyStart, Map<String, Integer> firstFullName,
                                   Map<String, Boolean> namedUnambiguously) {
        String id = alias.entity().id();
        if (alias.ambiguous() && !namedUnambiguously.containsKey(id)) {
            return false;
        }
        if (alias.kind() == Alias.Kind.SURNAME) {
            Integer fullName = firstFullName.get(id);
            boolean inTitle = start < bodyStart;
            return fullName != null && (fullName < start || inTitle);
        }
        return true;
    }

    /**
     * 0..1: a headline mention counts most, then a mention in the lead, then how often the entity recurs
     * (with diminishing returns, so a long list of mentions does not outweigh the headline).
     */
    static double salience(List<Span> spans, Document document) {
        int bodyStart = document.bodyStart();
        boolean inTitle = bodyStart > 0 && spans.get(0).start() < bodyStart;
        boolean inLead = false;
        for (Span span : spans) {
            if (span.start() >= bodyStart && span.start() < bodyStart + LEAD_CHARS) {
                inLead = true;
                break;
            }
        }
        double score = (inTitle ? 0.4 : 0) + (inLead ? 0.25 : 0) + 0.35 * (1 - Math.exp(-spans.size() / 3.0));
        return Math.round(Math.min(1.0, score) * 1000) / 1000.0;
    }
}
