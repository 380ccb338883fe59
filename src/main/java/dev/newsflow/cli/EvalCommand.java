package dev.newsflow.cli;

import dev.newsflow.enrich.dedup.DedupEvaluator;
import dev.newsflow.enrich.dedup.StoryFingerprinter;
import dev.newsflow.enrich.dedup.StoryRule;
import dev.newsflow.enrich.ner.NameFinder;
import dev.newsflow.enrich.ner.NerEvaluator;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsflow eval ...}: quality figures of the enrichment models on labelled data. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Evaluate enrichment against labelled data.",
        footer = {"", "Examples:", "  newsflow eval ner ../shared/data/ner/conll2003/eng.testa",
                "  newsflow eval topics --gold eval/topics/dev_gold.jsonl --articles ARTICLES.jsonl --errors",
                "  newsflow eval dedup --pairs eval/dedup/dev_pairs.jsonl --articles ../shared/data/stream/allsides_articles.jsonl.gz",
                "  newsflow eval alerts --articles ../shared/data/stream/allsides_articles.jsonl.gz --subscriptions eval/alerts/subscriptions.jsonl"},
        subcommands = {EvalCommand.Ner.class, EvalCommand.Topics.class, EvalCommand.Dedup.class, EvalCommand.Alerts.class})
final class EvalCommand {

    /** {@code newsflow eval ner FILE}: entity-level exact-match P/R/F1 on a CoNLL-format file. */
    @Command(name = "ner", mixinStandardHelpOptions = true,
            description = "Entity-level exact-match precision, recall and F1 per type and micro-averaged over PER, ORG "
                    + "and LOC on a CoNLL-format file (CoNLL-2003 IOB1 or re3d IOB2; MISC ignored; tokens tagged as given).",
            footer = {"", "Example:", "  newsflow eval ner --sentence ../shared/data/ner/conll2003/eng.testa"})
    static final class Ner implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "CoNLL-format file, e.g. ../shared/data/ner/conll2003/eng.testa")
        Path file;

        @Option(names = "--sentence", description = "Tag sentence by sentence instead of whole documents (two-pass).")
        boolean sentence;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            NameFinder finder = NameFinder.loadDefault();
            NerEvaluator.Result result = NerEvaluator.evaluate(finder, file, !sentence);
            spec.commandLine().getOut().println("file: " + file + (sentence ? " (sentence by sentence)" : " (document-level, two-pass)"));
            spec.commandLine().getOut().print(result.table());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /** {@code newsflow eval topics ...}: per-topic and micro P/R/F1 against a labelled set, with errors and evidence. */
    @Command(name = "topics", mixinStandardHelpOptions = true,
            description = "Precision, recall and F1 per topic and micro-averaged over the nine default topics, from a "
                    + "gold JSON-lines file (id, topics) joined with an articles file. Arguments as TopicEvaluator takes "
                    + "them: --gold FILE --articles FILE [--errors] [--csv-recall TOPIC=FILE] [--ruwa FILE] [--muc FILE] "
                    + "[--taxonomy FILE] [--no-ner] (docs/TOPIC_RULES.md). Entities come from the dictionary and "
                    + "open-set NER, as in the enricher; --no-ner uses the dictionary alone.",
            footer = {"", "Example:", "  newsflow eval topics --gold eval/topics/dev_gold.jsonl --articles ARTICLES.jsonl --errors"})
    static final class Topics implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "ARG", description = "TopicEvaluator arguments.")
        java.util.List<String> args;

        @Override
        public Integer call() throws Exception {
            dev.newsflow.enrich.topics.TopicEvaluator.main(args.toArray(String[]::new));
            return 0;
        }
    }

    /** {@code newsflow eval dedup ...}: duplicate detection against labelled article pairs. */
    @Command(name = "dedup", mixinStandardHelpOptions = true,
            description = "Precision and recall of exact and near-duplicate detection on labelled article pairs joined "
                    + "with an articles file, and the stories the index forms when the first articles are replayed as a "
                    + "stream (eval/dedup/README.md).",
            footer = {"", "Example:", "  newsflow eval dedup --pairs eval/dedup/dev_pairs.jsonl "
                    + "--articles ../shared/data/stream/allsides_articles.jsonl.gz --errors"})
    static final class Dedup implements Callable<Integer> {

        @Option(names = "--pairs", required = true, paramLabel = "FILE",
                description = "Labelled pairs (JSON lines: a, b, label exact|near|different, borderline), e.g. "
                        + "eval/dedup/dev_pairs.jsonl.")
        Path pairs;

        @Option(names = "--articles", required = true, paramLabel = "FILE",
                description = "Articles (JSON lines, .gz allowed), e.g. ../shared/data/stream/allsides_articles.jsonl.gz.")
        Path articles;

        @Option(names = "--first", defaultValue = "10000",
                description = "Articles replayed as a stream, from the start of the file (default: ${DEFAULT-VALUE}).")
        int first;

        @Option(names = "--story-window", defaultValue = "PT72H",
                description = "Time window of the replay, as the pipeline's --story-window (default: ${DEFAULT-VALUE}).")
        Duration window;

        @Option(names = "--min-jaccard", description = "Near-duplicate threshold to evaluate instead of the shipped one.")
        Double minJaccard;

        @Option(names = "--sweep", description = "Also print precision and recall for a range of thresholds.")
        boolean sweep;

        @Option(names = "--errors", description = "List wrong and missed pairs, and replayed matches nobody labelled.")
        boolean errors;

        @Override
        public Integer call() throws Exception {
            StoryRule rule = minJaccard == null ? StoryRule.DEFAULT
                    : new StoryRule(minJaccard, StoryRule.DEFAULT.minShingles());
            DedupEvaluator evaluator = new DedupEvaluator(StoryFingerprinter.shipped(), rule);
            // Titles in the error lists are UTF-8 whatever the platform's default charset.
            PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
            evaluator.report(DedupEvaluator.readPairs(pairs), evaluator.fingerprintAll(articles), first, window, sweep,
                    errors, out);
            return 0;
        }
    }

    /** {@code newsflow eval alerts ...}: alerts per story when articles are replayed through the real topology. */
    @Command(name = "alerts", mixinStandardHelpOptions = true,
            description = "Replay articles in event-time order through the application's topology (enrichment, stories, "
                    + "subscriptions, alerts) in a TopologyTestDriver, and print per subscription the matching articles, "
                    + "stories, alerts, alerts per story, suppressed copies and uncorroborated articles (eval/alerts/README.md).",
            footer = {"", "Example:", "  newsflow eval alerts --articles ../shared/data/stream/allsides_articles.jsonl.gz "
                    + "--first 10000 --subscriptions eval/alerts/subscriptions.jsonl"})
    static final class Alerts implements Callable<Integer> {

        @Option(names = "--articles", required = true, paramLabel = "FILE",
                description = "Articles (JSON lines, .gz allowed), e.g. ../shared/data/stream/allsides_articles.jsonl.gz.")
        Path articles;

        @Option(names = "--first", defaultValue = "10000",
                description = "Articles replayed, from the start of the file (default: ${DEFAULT-VALUE}).")
        int first;

        @Option(names = "--subscriptions", required = true, paramLabel = "FILE",
                description = "Subscriptions (JSON lines), e.g. eval/alerts/subscriptions.jsonl.")
        Path subscriptions;

        @Override
        public Integer call() throws Exception {
            PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
            // The test driver commits, and so writes state checkpoints, after every record: on a real disk that
            // dominates the replay, so the state goes to memory-backed /dev/shm where there is one.
            java.nio.file.Path shm = Path.of("/dev/shm");
            java.nio.file.Path state = java.nio.file.Files.isWritable(shm)
                    ? java.nio.file.Files.createTempDirectory(shm, "newsflow-eval-alerts")
                    : java.nio.file.Files.createTempDirectory("newsflow-eval-alerts");
            long start = System.nanoTime();
            dev.newsflow.app.AlertTally tally = dev.newsflow.app.AlertReplay.run(articles, first, subscriptions, state);
            tally.print(out, Duration.ofNanos(System.nanoTime() - start));
            return 0;
        }
    }
}
