package dev.newsflow.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Cuts a text into consecutive segments at every mention and evidence boundary, each naming the entities and topics
 * that cover it. Mentions and evidence overlap (the term "Syria" is often also the country's mention), so the page
 * cannot simply wrap each span; with segments it nests one {@code mark} per entity inside one evidence span.
 */
final class Highlights {

    /** {@code text[start, end)} and what covers it; plain text has both lists empty. */
    record Segment(int start, int end, List<String> entities, List<String> topics) {
    }

    private Highlights() {
    }

    static List<Segment> segments(int length, List<ArticleDetail.EntityView> entities, List<ArticleDetail.TopicView> topics) {
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, length));
        entities.forEach(e -> e.mentions().forEach(m -> cut(cuts, m.start(), m.end(), length)));
        topics.forEach(t -> t.evidence().forEach(v -> cut(cuts, v.start(), v.end(), length)));
        int[] bounds = cuts.stream().mapToInt(Integer::intValue).toArray();
        int pieces = bounds.length - 1;
        List<Set<String>> entityIds = sets(pieces);
        List<Set<String>> topicIds = sets(pieces);
        entities.forEach(e -> e.mentions().forEach(m -> cover(bounds, entityIds, m.start(), m.end(), length, e.id())));
        topics.forEach(t -> t.evidence().forEach(v -> cover(bounds, topicIds, v.start(), v.end(), length, t.id())));

        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < pieces; i++) {
            List<String> ents = List.copyOf(entityIds.get(i));
            List<String> tops = List.copyOf(topicIds.get(i));
            Segment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
            if (last != null && last.entities().isEmpty() && last.topics().isEmpty() && ents.isEmpty() && tops.isEmpty()) {
                segments.set(segments.size() - 1, new Segment(last.start(), bounds[i + 1], ents, tops));
            } else {
                segments.add(new Segment(bounds[i], bounds[i + 1], ents, tops));
            }
        }
        return segments;
    }

    /** A span is used only when it lies inside the text and is not empty; a bad one is left out, not clamped. */
    private static boolean valid(int start, int end, int length) {
        return start >= 0 && end <= length && start < end;
    }

    private static void cut(TreeSet<Integer> cuts, int start, int end, int length) {
        if (valid(start, end, length)) {
            cuts.add(start);
            cuts.add(end);
        }
    }

    private static void cover(int[] bounds, List<Set<String>> ids, int start, int end, int length, String id) {
        if (!valid(start, end, length)) {
            return;
        }
        for (int i = Arrays.binarySearch(bounds, start); i < bounds.length - 1 && bounds[i] < end; i++) {
            ids.get(i).add(id);
        }
    }

    private static List<Set<String>> sets(int count) {
        List<Set<String>> sets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sets.add(new LinkedHashSet<>());
        }
        return sets;
    }
}
