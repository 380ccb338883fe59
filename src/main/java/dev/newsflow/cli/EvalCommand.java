package dev.newsflow.cli;

import dev.newsflow.enrich.ner.NameFinder;
import dev.newsflow.enrich.ner.NerEvaluator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsflow eval ...}: quality figures of the enrichment models on labelled data. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Evaluate enrichment against labelled data.",
        footer = {"", "Examples:", "  newsflow eval ner ../shared/data/ner/conll2003/eng.testa",
                "  newsflow eval topics --gold eval/topics/dev_gold.jsonl --articles ARTICLES.jsonl --errors"},
        subcommands = {EvalCommand.Ner.class, EvalCommand.Topics.class})
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
                    + "them: --gold FILE --articles FILE [--errors] [--csv-recall TOPIC=FILE] (docs/TOPIC_RULES.md).",
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
}
