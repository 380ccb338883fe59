package dev.newsflow.enrich.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Token n-gram index over every alias of a knowledge base: finds, left to right, the longest run of tokens
 * that spells an alias with acceptable capitals. Which entity that run then links to is the
 * {@link EntityLinker}'s decision, so every candidate is kept, best-ranked first.
 */
public final class AliasDictionary {

    /** Aliases spelled by the same tokens, best-ranked entity first. */
    record Group(String[] keys, Alias[] candidates) {
    }

    /** A run of tokens {@code [from, to)} that spells the aliases of {@code group}. */
    record Hit(int from, int to, Group group, List<Alias> acceptable) {
    }

    private final TokenKeyIndex<Group[]> byFirstKey;

    private AliasDictionary(Map<String, Group[]> byFirstKey) {
        this.byFirstKey = new TokenKeyIndex<>(byFirstKey);
    }

    public static AliasDictionary of(KnowledgeBase kb) {
        Map<String, List<Alias>> bySpelling = new LinkedHashMap<>();
        for (KnowledgeBase.Entry entry : kb.entries()) {
            for (Alias alias : entry.aliases()) {
                if (alias.keys().length > 0) {
                    bySpelling.computeIfAbsent(String.join("\u0001", alias.keys()), k -> new ArrayList<>()).add(alias);
                }
            }
        }
        Map<String, List<Group>> byFirst = new HashMap<>();
        Comparator<Alias> best = Comparator.comparingLong((Alias a) -> a.entity().rank()).reversed()
                .thenComparing(Alias::ambiguous);
        for (List<Alias> same : bySpelling.values()) {
            same.sort(best);
            Group group = new Group(same.get(0).keys(), same.toArray(Alias[]::new));
            byFirst.computeIfAbsent(group.keys()[0], k -> new ArrayList<>()).add(group);
        }
        Map<String, Group[]> index = new HashMap<>(byFirst.size() * 2);
        byFirst.forEach((key, groups) -> {
            groups.sort(Comparator.comparingInt((Group g) -> g.keys().length).reversed());
            index.put(key, groups.toArray(Group[]::new));
        });
        return new AliasDictionary(index);
    }

    /** The longest acceptable alias runs in {@code tokens} of {@code text}, left to right, not overlapping. */
    List<Hit> find(String text, TextTokens tokens) {
        List<Hit> hits = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Hit hit = longestAt(text, tokens, i);
            if (hit == null) {
                i++;
            } else {
                hits.add(hit);
                i = hit.to();
            }
        }
        return hits;
    }

    private Hit longestAt(String text, TextTokens tokens, int from) {
        Group[] groups = byFirstKey.get(tokens, from);
        if (groups == null) {
            return null;
        }
        for (Group group : groups) {
            int to = from + group.keys().length;
            if (to > tokens.size() || !spells(group.keys(), tokens, from) || !wordBoundary(tokens, from, to)) {
                continue;
            }
            List<Alias> acceptable = new ArrayList<>(group.candidates().length);
            for (Alias alias : group.candidates()) {
                if (capitalsFit(alias, text, tokens, from, to)) {
                    acceptable.add(alias);
                }
            }
            if (!acceptable.isEmpty()) {
                return new Hit(from, to, group, acceptable);
            }
        }
        return null;
    }

    private static boolean spells(String[] keys, TextTokens tokens, int from) {
        for (int k = 1; k < keys.length; k++) {
            if (!tokens.keyEquals(from + k, keys[k])) {
                return false;
            }
        }
        return true;
    }

    /** Tokens inside an alias must be as adjacent as in the alias: "U.S." must not match "U. S." across a gap. */
    private static boolean wordBoundary(TextTokens tokens, int from, int to) {
        for (int k = from + 1; k < to; k++) {
            int gap = tokens.start(k) - tokens.end(k - 1);
            if (gap > 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * Case-sensitive aliases must match exactly (a typographic apostrophe counting as a straight one); others need
     * a capital wherever the alias has one (so the bird "turkey" is not Turkey); all-capital headlines pass as
     * they are.
     */
    static boolean capitalsFit(Alias alias, String text, TextTokens tokens, int from, int to) {
        if (alias.caseSensitive()) {
            int start = tokens.start(from);
            String spelling = alias.text();
            if (tokens.end(to - 1) - start != spelling.length()) {
                return false;
            }
            if (text.startsWith(spelling, start)) {
                return true;
            }
            for (int k = 0; k < spelling.length(); k++) {
                char c = text.charAt(start + k);
                if ((c == '\u2019' ? '\'' : c) != spelling.charAt(k)) {
                    return false;
                }
            }
            return true;
        }
        boolean[] capitals = alias.capitals();
        for (int k = 0; k < capitals.length; k++) {
            if (capitals[k] && !Character.isUpperCase(text.charAt(tokens.start(from + k)))) {
                return false;
            }
        }
        return true;
    }
}
