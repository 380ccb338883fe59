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

    private static final int LONGEST_NEVER_A_NAME_ALONE =
            NEVER_A_NAME_ALONE.stream().mapToInt(String::length).max().orElse(0);

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
        NerTokenizer.Offsets toks = NerTokenizer.offsets(text);
        int sentences = toks.sentenceCount();
        int[] tagged = new int[sentences];
        int taggedCount = 0;
        int cursor = 0;
        for (int k = 0; k < sentences; k++) {
            int from = toks.sentenceStart(k);
            int to = toks.sentenceEnd(k);
            if (covered == null || hasUncoveredCapital(toks, from, to, covered, cursor)) {
                tagged[taggedCount++] = k;
            }
            if (covered != null && to > from) {
                cursor = firstEndingAfter(covered, cursor, toks.end(to - 1));
            }
        }
        if (taggedCount == 0) {
            return List.of();
        }
        List<List<NameSpan>> spans = finder.findDocument(toks, tagged, taggedCount);
        List<Name> names = new ArrayList<>();
        for (int s = 0; s < taggedCount; s++) {
            int first = toks.sentenceStart(tagged[s]);
            for (NameSpan span : spans.get(s)) {
                EntityKind type = switch (span.type()) {
                    case "PER" -> EntityKind.PERSON;
                    case "ORG" -> EntityKind.ORGANIZATION;
                    case "LOC" -> EntityKind.LOCATION;
                    default -> null;
                };
                if (type != null) {
                    names.add(new Name(toks.start(first + span.start()), toks.end(first + span.end() - 1), type));
                }
            }
        }
        return names;
    }

    private boolean hasUncoveredCapital(NerTokenizer.Offsets toks, int from, int to, int[] covered, int cursor) {
        String text = toks.text();
        boolean first = true;
        for (int i = from; i < to; i++) {
            int start = toks.start(i);
            int end = toks.end(i);
            if (!Character.isLetterOrDigit(text.charAt(start))) {
                continue;
            }
            boolean sentenceInitial = first;
            first = false;
            if (!hasCapital(text, start, end)) {
                continue;
            }
            cursor = firstEndingAfter(covered, cursor, start);
            boolean inCovered = cursor < covered.length && covered[cursor] <= start && end <= covered[cursor + 1];
            if (!inCovered && !neverANameAlone(text, start, end)
                    && !(sentenceInitial && finder.isCommonWord(text, start, end))) {
                return true;
            }
        }
        return false;
    }

    private static boolean neverANameAlone(String text, int start, int end) {
        return end - start <= LONGEST_NEVER_A_NAME_ALONE && NEVER_A_NAME_ALONE.contains(text.substring(start, end));
    }

    /** The first pair index from {@code from} on whose span ends after {@code offset}. */
    private static int firstEndingAfter(int[] covered, int from, int offset) {
        int i = from;
        while (i < covered.length && covered[i + 1] <= offset) {
            i += 2;
        }
        return i;
    }

    private static boolean hasCapital(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Character.isUpperCase(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
