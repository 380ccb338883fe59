package dev.newsflow.enrich.entities;

import dev.newsflow.enrich.entities.EntityMatch.EntityKind;
import dev.newsflow.enrich.ner.NameFinder;
import dev.newsflow.enrich.ner.NameSpan;
import dev.newsflow.enrich.ner.NerTokenizer;
import java.util.ArrayList;
import java.util.List;

/** Open-set names found by the NER model, as character spans of the text with a type. */
public final class NameSpotter {

    /** A name the model found: {@code text[start, end)} of type PERSON, ORGANIZATION or LOCATION. */
    public record Name(int start, int end, EntityKind type) {
    }

    private final NameFinder finder;

    public NameSpotter(NameFinder finder) {
        this.finder = finder;
    }

    /** Tags the whole document at once: the model's second pass uses what other mentions of a word were tagged. */
    public List<Name> spot(String text) {
        List<List<NerTokenizer.Token>> sentences = NerTokenizer.sentences(text);
        List<String[]> words = new ArrayList<>(sentences.size());
        for (List<NerTokenizer.Token> sentence : sentences) {
            words.add(NerTokenizer.texts(sentence));
        }
        List<List<NameSpan>> tagged = finder.findDocument(words);
        List<Name> names = new ArrayList<>();
        for (int s = 0; s < sentences.size(); s++) {
            List<NerTokenizer.Token> tokens = sentences.get(s);
            for (NameSpan span : tagged.get(s)) {
                EntityKind type = switch (span.type()) {
                    case "PER" -> EntityKind.PERSON;
                    case "ORG" -> EntityKind.ORGANIZATION;
                    case "LOC" -> EntityKind.LOCATION;
                    default -> null;
                };
                if (type != null) {
                    names.add(new Name(tokens.get(span.start()).start(), tokens.get(span.end() - 1).end(), type));
                }
            }
        }
        return names;
    }
}
