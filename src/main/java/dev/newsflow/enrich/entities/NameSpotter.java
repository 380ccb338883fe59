package dev.newsflow.enrich.entities;

import dev.newsflow.enrich.entities.EntityMatch.EntityKind;
import dev.newsflow.enrich.ner.NameFinder;
import dev.newsflow.enrich.ner.NameSpan;
import dev.newsflow.enrich.ner.NerTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Open-set names found by the NER model, as character spans of the text with a type. */
public final class NameSpotter {

    /** A name the model found: {@code text[start, end)} of type PERSON, ORGANIZATION or LOCATION. */
    public record Name(int start, int end, EntityKind type) {
    }

    /**
     * Capitalised words that are never a name on their own, so they alone do not send a sentence to the model: the
     * pronoun, titles before a name (the name itself is what counts), weekdays and the months that are not also
     * common first names or surnames.
     */
    private static final Set<String> NEVER_A_NAME_ALONE = Set.of("I", "Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms",
            "Dr.", "Dr", "Sen.", "Rep.", "Gov.", "Gen.", "Lt.", "Col.", "Sgt.", "Capt.", "Prof.", "Rev.", "Jr.", "Sr.",
            "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
            "April", "July", "August", "September", "October", "November", "December");

    private final NameFinder finder;

    public NameSpotter(NameFinder finder) {
        this.finder = finder;
    }

    /** Tags the whole document at once: the model's second pass uses what other mentions of a word were tagged. */
    public List<Name> spot(String text) {
        return spot(text, null);
    }

    /**
     * Tags only the sentences that may hold a name the dictionary did not explain: those with a capitalised token
     * outside {@code covered} (sorted, non-overlapping {@code [start, end)} pairs of text offsets), not counting
     * a sentence's first word when it is a common word capitalised only for starting the sentence, nor titles,
     * weekdays and months. The tagged
     * sentences still form one document for the model's second pass. {@code covered} null tags every sentence.
     */
    public List<Name> spot(String text, int[] covered) {
        List<List<NerTokenizer.Token>> sentences = NerTokenizer.sentences(text);
        List<List<NerTokenizer.Token>> tagged = new ArrayList<>(sentences.size());
        List<String[]> words = new ArrayList<>(sentences.size());
        int cursor = 0;
        for (List<NerTokenizer.Token> sentence : sentences) {
            if (covered == null || hasUncoveredCapital(sentence, covered, cursor)) {
                tagged.add(sentence);
                words.add(NerTokenizer.texts(sentence));
            }
            if (covered != null && !sentence.isEmpty()) {
                cursor = firstEndingAfter(covered, cursor, sentence.get(sentence.size() - 1).end());
            }
        }
        if (tagged.isEmpty()) {
            return List.of();
        }
        List<List<NameSpan>> spans = finder.findDocument(words);
        List<Name> names = new ArrayList<>();
        for (int s = 0; s < tagged.size(); s++) {
            List<NerTokenizer.Token> tokens = tagged.get(s);
            for (NameSpan span : spans.get(s)) {
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

    private boolean hasUncoveredCapital(List<NerTokenizer.Token> sentence, int[] covered, int cursor) {
        boolean first = true;
        for (NerTokenizer.Token token : sentence) {
            String word = token.text();
            if (!Character.isLetterOrDigit(word.charAt(0))) {
                continue;
            }
            boolean sentenceInitial = first;
            first = false;
            if (!hasCapital(word)) {
                continue;
            }
            cursor = firstEndingAfter(covered, cursor, token.start());
            boolean inCovered = cursor < covered.length && covered[cursor] <= token.start()
                    && token.end() <= covered[cursor + 1];
            if (!inCovered && !NEVER_A_NAME_ALONE.contains(word) && !(sentenceInitial && finder.isCommonWord(word))) {
                return true;
            }
        }
        return false;
    }

    /** The first pair index from {@code from} on whose span ends after {@code offset}. */
    private static int firstEndingAfter(int[] covered, int from, int offset) {
        int i = from;
        while (i < covered.length && covered[i + 1] <= offset) {
            i += 2;
        }
        return i;
    }

    private static boolean hasCapital(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isUpperCase(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
