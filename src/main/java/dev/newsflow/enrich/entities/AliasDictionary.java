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

    /**
     * Aliases spelled by the same tokens, best-ranked entity first; {@code slots} are the keys' slots in the index,
     * so a run of tokens is compared by int.
     */
    record Group(String[] keys, Alias[] candidates, int[] slots) {
    }

    /** A run of tokens {@code [from, to)} that spells the aliases of {@code group}. */
    record Hit(int from, int to, Group group, List<Alias> acceptable) {
    }

    /**
     * The groups that start with one key: those of two tokens or more by their second key's slot, then those of one
     * token; each list in the order they are tried (longest first, then as built), so candidates come in the same
     * order as from the single longest-first list, without trying every alias that begins with a common word.
     */
    private static final class Starts {
        final int[] seconds;     // sorted slots of second keys
        final Group[][] longer;  // longer[i]: the groups whose second key is seconds[i]
        final Group[] single;

        Starts(Group[] groups) {
            java.util.TreeMap<Integer, List<Group>> bySecond = new java.util.TreeMap<>();
            List<Group> one = new ArrayList<>();
            for (Group group : groups) {
                if (group.slots().length == 1) {
                    one.add(group);
                } else {
                    bySecond.computeIfAbsent(group.slots()[1], k -> new ArrayList<>()).add(group);
                }
            }
            seconds = bySecond.keySet().stream().mapToInt(Integer::intValue).toArray();
            longer = bySecond.values().stream().map(list -> list.toArray(Group[]::new)).toArray(Group[][]::new);
            single = one.toArray(Group[]::new);
        }

        Group[] longer(int secondSlot) {
            int i = secondSlot < 0 ? -1 : java.util.Arrays.binarySearch(seconds, secondSlot);
            return i < 0 ? NO_GROUPS : longer[i];
        }
    }

    private static final Group[] NO_GROUPS = new Group[0];

    /** Every key of every alias, so that a token's key is looked up once and then known by its slot. */
    private final TokenKeyIndex<Void> keys;
    /** By the slot of a key, the groups it starts, or null. */
    private final Starts[] startsBySlot;

    private AliasDictionary(Map<String, Group[]> byFirstKey, List<Group> groups) {
        Map<String, Void> everyKey = new HashMap<>();
        for (Group group : groups) {
            for (String key : group.keys()) {
                everyKey.put(key, null);
            }
        }
        this.keys = new TokenKeyIndex<>(everyKey);
        for (Group group : groups) {
            for (int k = 0; k < group.keys().length; k++) {
                group.slots()[k] = keys.slotOf(group.keys()[k]);
            }
        }
        // after the slots: Starts sorts its groups by the slot of their second key
        this.startsBySlot = new Starts[keys.capacity()];
        byFirstKey.forEach((key, starting) -> startsBySlot[keys.slotOf(key)] = new Starts(starting));
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
        List<Group> all = new ArrayList<>(bySpelling.size());
        Comparator<Alias> best = Comparator.comparingLong((Alias a) -> a.entity().rank()).reversed()
                .thenComparing(Alias::ambiguous);
        for (List<Alias> same : bySpelling.values()) {
            same.sort(best);
            Group group = new Group(same.get(0).keys(), same.toArray(Alias[]::new), new int[same.get(0).keys().length]);
            all.add(group);
            byFirst.computeIfAbsent(group.keys()[0], k -> new ArrayList<>()).add(group);
        }
        Map<String, Group[]> index = new HashMap<>(byFirst.size() * 2);
        byFirst.forEach((key, groups) -> {
            groups.sort(Comparator.comparingInt((Group g) -> g.keys().length).reversed());
            index.put(key, groups.toArray(Group[]::new));
        });
        return new AliasDictionary(index, all);
    }

    /** The longest acceptable alias runs in {@code tokens} of {@code text}, left to right, not overlapping. */
    List<Hit> find(String text, TextTokens tokens) {
        List<Hit> hits = new ArrayList<>();
        // Each token's key looked up once; runs of tokens are then compared by slot.
        int n = tokens.size();
        int[] slots = new int[n];
        for (int t = 0; t < n; t++) {
            slots[t] = keys.slotOf(tokens, t);
        }
        int i = 0;
        while (i < n) {
            Hit hit = longestAt(text, tokens, slots, i);
            if (hit == null) {
                i++;
            } else {
                hits.add(hit);
                i = hit.to();
            }
        }
        return hits;
    }

    private Hit longestAt(String text, TextTokens tokens, int[] slots, int from) {
        Starts starts = slots[from] < 0 ? null : startsBySlot[slots[from]];
        if (starts == null) {
            return null;
        }
        Hit hit = from + 1 < slots.length ? longestAt(text, tokens, slots, from, starts.longer(slots[from + 1])) : null;
        return hit != null ? hit : longestAt(text, tokens, slots, from, starts.single);
    }

    /** The first of {@code groups} spelled at {@code from} with an acceptable alias. */
    private Hit longestAt(String text, TextTokens tokens, int[] slots, int from, Group[] groups) {
        for (Group group : groups) {
            int to = from + group.keys().length;
            if (to > slots.length || !spells(group.slots(), slots, from) || !wordBoundary(tokens, from, to)) {
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

    private static boolean spells(int[] keySlots, int[] slots, int from) {
        for (int k = 1; k < keySlots.length; k++) {
            if (slots[from + k] != keySlots[k]) {
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
