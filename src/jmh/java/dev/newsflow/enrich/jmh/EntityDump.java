package dev.newsflow.enrich.jmh;

import dev.newsflow.enrich.NewsEnricher;
import dev.newsflow.enrich.entities.AliasDictionary;
import dev.newsflow.enrich.entities.EntityLinker;
import dev.newsflow.enrich.entities.EntityMatch;
import dev.newsflow.enrich.entities.KnowledgeBase;
import dev.newsflow.enrich.entities.NameSpotter;
import dev.newsflow.enrich.ner.NameFinder;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Prints, per article, the open-set names of {@code NameSpotter.spot} on every sentence and the linked entities
 * (gated, as the enricher runs it; and with NER on every sentence), so that two builds can be diffed to show that a
 * speed change left the output identical. Usage: EntityDump [articles] &gt; FILE.
 */
public final class EntityDump {

    private EntityDump() {
    }

    public static void main(String[] args) throws Exception {
        int limit = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        List<ArticleCorpus.Article> articles = ArticleCorpus.load(limit);
        KnowledgeBase kb = KnowledgeBase.loadDefault();
        AliasDictionary dictionary = AliasDictionary.of(kb);
        NameSpotter spotter = new NameSpotter(NameFinder.loadDefault());
        EntityLinker gated = new EntityLinker(dictionary, spotter, true);
        EntityLinker everySentence = new EntityLinker(dictionary, spotter, false);
        NewsEnricher enricher = new NewsEnricher(NewsEnricher.Shared.of(kb, true));
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        for (ArticleCorpus.Article a : articles) {
            out.println("# " + a.document().id());
            for (NameSpotter.Name n : spotter.spot(a.document().text())) {
                out.println("spot " + n);
            }
            print(out, "gated", gated.link(a.document()));
            print(out, "every", everySentence.link(a.document()));
            print(out, "enricher", enricher.enrich(a.document()).entities());
        }
        out.flush();
    }

    private static void print(PrintStream out, String what, List<EntityMatch> matches) {
        for (EntityMatch m : matches) {
            out.println(what + " " + m);
        }
    }
}
