package dev.newsflow.enrich.jmh;

import dev.newsflow.enrich.NewsEnricher;
import dev.newsflow.enrich.dedup.ContentHash;
import dev.newsflow.enrich.dedup.StoryFingerprinter;
import dev.newsflow.enrich.entities.AliasDictionary;
import dev.newsflow.enrich.entities.EntityLinker;
import dev.newsflow.enrich.entities.EntityMatch;
import dev.newsflow.enrich.entities.KnowledgeBase;
import dev.newsflow.enrich.entities.NameSpotter;
import dev.newsflow.enrich.entities.TextTokens;
import dev.newsflow.enrich.lang.LanguageIdentifier;
import dev.newsflow.enrich.ner.NameFinder;
import dev.newsflow.enrich.text.TextNormaliser;
import dev.newsflow.enrich.topics.Taxonomy;
import dev.newsflow.enrich.topics.TopicClassifier;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * A development companion to the JMH benchmarks for a shared machine: articles per second of the thread's own CPU
 * time, which other jobs' load disturbs far less than JMH's wall-clock rates. Not a substitute for JMH figures.
 * Usage: StageCpuTimer [articles] [passes] [stage ...]; stages: normalise language dictionary ner entities topics
 * enricher enricherNer contentHash fingerprint tokens topicsShared. {@code topics} is what
 * {@code TopicClassifierBench.classify} times (tokenisation included); {@code tokens} is the tokenisation alone and
 * {@code topicsShared} the classifier over tokens made beforehand, as the enricher runs it (its tokens are shared
 * with the entity linker).
 */
public final class StageCpuTimer {

    private StageCpuTimer() {
    }

    public static void main(String[] args) throws Exception {
        int limit = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> stages = args.length > 2 ? List.of(args).subList(2, args.length)
                : List.of("language", "dictionary", "ner", "entities", "topics", "enricher", "enricherNer");
        List<ArticleCorpus.Article> articles = ArticleCorpus.load(limit);
        KnowledgeBase kb = KnowledgeBase.loadDefault();
        AliasDictionary dictionary = AliasDictionary.of(kb);
        NameSpotter spotter = new NameSpotter(NameFinder.loadDefault());
        EntityLinker dictionaryOnly = new EntityLinker(dictionary);
        EntityLinker withNer = new EntityLinker(dictionary, spotter);
        TopicClassifier topics = new TopicClassifier(Taxonomy.loadDefault());
        LanguageIdentifier language = new LanguageIdentifier();
        List<List<EntityMatch>> entities = new ArrayList<>();
        List<TextTokens> tokens = new ArrayList<>();
        if (stages.contains("topics") || stages.contains("topicsShared")) {
            for (ArticleCorpus.Article a : articles) {
                entities.add(withNer.link(a.document()));
                tokens.add(TextTokens.of(a.document().text()));
            }
        }
        NewsEnricher enricher = new NewsEnricher(NewsEnricher.Shared.of(kb, false));
        TextNormaliser normaliser = new TextNormaliser();
        StoryFingerprinter fingerprinter = StoryFingerprinter.shipped();
        NewsEnricher enricherNer = new NewsEnricher(NewsEnricher.Shared.of(kb, true));
        int[] index = new int[1];
        for (String stage : stages) {
            ToIntFunction<ArticleCorpus.Article> run = switch (stage) {
                case "normalise" -> a -> normaliser.normalise(a.title(), a.body(), false).bodyStart();
                case "contentHash" -> a -> ContentHash.sha256(a.document().text()).hashCode();
                case "fingerprint" -> a -> fingerprinter.fingerprint(a.url(), a.document().text(),
                        a.document().bodyStart(), "").lead().length;
                case "language" -> a -> language.identify(a.document().text(), null).hashCode();
                case "dictionary" -> a -> dictionaryOnly.link(a.document()).size();
                case "ner" -> a -> spotter.spot(a.document().text()).size();
                case "entities" -> a -> withNer.link(a.document()).size();
                case "topics" -> a -> topics.classify(a.document(), entities.get(index[0])).size();
                case "tokens" -> a -> TextTokens.of(a.document().text()).size();
                case "topicsShared" -> a -> topics.classify(a.document(), tokens.get(index[0]),
                        entities.get(index[0])).size();
                case "enricher" -> a -> enricher.enrich(a.document()).entities().size();
                case "enricherNer" -> a -> enricherNer.enrich(a.document()).entities().size();
                default -> throw new IllegalArgumentException("unknown stage " + stage);
            };
            time(stage, articles, passes, run, index);
        }
    }

    private static void time(String stage, List<ArticleCorpus.Article> articles, int passes,
                             ToIntFunction<ArticleCorpus.Article> run, int[] index) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sink = 0;
        long cpu0 = 0;
        long wall0 = 0;
        for (int p = -2; p < passes; p++) { // two warm-up passes
            if (p == 0) {
                cpu0 = mx.getCurrentThreadCpuTime();
                wall0 = System.nanoTime();
            }
            for (int i = 0; i < articles.size(); i++) {
                index[0] = i;
                sink += run.applyAsInt(articles.get(i));
            }
        }
        double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
        double wall = (System.nanoTime() - wall0) / 1e9;
        double n = (double) articles.size() * passes;
        System.out.printf(Locale.ROOT, "%-12s %9.0f articles/s of CPU  %9.0f articles/s wall  (%d articles x %d, sink %d)%n",
                stage, n / cpu, n / wall, articles.size(), passes, sink % 10);
    }
}
