package dev.newsflow.enrich.jmh;

import dev.newsflow.enrich.entities.AliasDictionary;
import dev.newsflow.enrich.entities.EntityLinker;
import dev.newsflow.enrich.entities.EntityMatch;
import dev.newsflow.enrich.entities.KnowledgeBase;
import dev.newsflow.enrich.entities.NameSpotter;
import dev.newsflow.enrich.ner.NameFinder;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How much gating open-set NER to the sentences the dictionary left unexplained changes the entity output:
 * entities (id with type) and mentions (id and offsets) found with the model on every sentence but not with
 * gating, and the reverse, plus entities whose link source changed. Usage: GatingDiff [articles] [-v].
 */
public final class GatingDiff {

    private GatingDiff() {
    }

    public static void main(String[] args) throws Exception {
        int limit = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        boolean verbose = List.of(args).contains("-v");
        List<ArticleCorpus.Article> articles = ArticleCorpus.load(limit);
        AliasDictionary dictionary = AliasDictionary.of(KnowledgeBase.loadDefault());
        NameSpotter spotter = new NameSpotter(NameFinder.loadDefault());
        EntityLinker everySentence = new EntityLinker(dictionary, spotter, false);
        EntityLinker gated = new EntityLinker(dictionary, spotter, true);
        int entities = 0, onlyUngated = 0, onlyGated = 0, mentions = 0, mentionsLost = 0, mentionsAdded = 0;
        int sourceChanged = 0, articlesDiffering = 0;
        for (ArticleCorpus.Article a : articles) {
            Map<String, EntityMatch> before = byId(everySentence.link(a.document()));
            Map<String, EntityMatch> after = byId(gated.link(a.document()));
            Set<String> beforeMentions = mentions(before);
            Set<String> afterMentions = mentions(after);
            entities += before.size();
            mentions += beforeMentions.size();
            boolean differs = false;
            for (String id : before.keySet()) {
                if (!after.containsKey(id)) {
                    onlyUngated++;
                    differs = true;
                    report(verbose, "lost", a, before.get(id));
                } else if (before.get(id).linkedBy() != after.get(id).linkedBy()) {
                    sourceChanged++;
                }
            }
            for (String id : after.keySet()) {
                if (!before.containsKey(id)) {
                    onlyGated++;
                    differs = true;
                    report(verbose, "added", a, after.get(id));
                }
            }
            for (String m : beforeMentions) {
                if (!afterMentions.contains(m)) {
                    mentionsLost++;
                    differs = true;
                }
            }
            for (String m : afterMentions) {
                if (!beforeMentions.contains(m)) {
                    mentionsAdded++;
                    differs = true;
                }
            }
            articlesDiffering += differs ? 1 : 0;
        }
        System.out.printf("%d articles: %d entities, %d mentions with the model on every sentence%n",
                articles.size(), entities, mentions);
        System.out.printf("gated: %d entities lost, %d entities added; %d mentions lost, %d added; "
                        + "%d articles differ; %d entities changed link source%n",
                onlyUngated, onlyGated, mentionsLost, mentionsAdded, articlesDiffering, sourceChanged);
    }

    private static void report(boolean verbose, String what, ArticleCorpus.Article a, EntityMatch e) {
        if (verbose) {
            System.out.println(what + " " + a.document().id() + " " + e.id() + " " + e.mentions());
        }
    }

    private static Map<String, EntityMatch> byId(List<EntityMatch> matches) {
        Map<String, EntityMatch> map = new HashMap<>();
        for (EntityMatch m : matches) {
            map.put(m.id() + "/" + m.type(), m);
        }
        return map;
    }

    private static Set<String> mentions(Map<String, EntityMatch> entities) {
        Set<String> out = new HashSet<>();
        entities.forEach((id, e) -> e.mentions().forEach(s -> out.add(id + "@" + s.start() + "-" + s.end())));
        return out;
    }
}
