package dev.newsflow.cli;

import dev.newsflow.enrich.ner.NerTrainer;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code newsflow train ...}: rebuild the shipped models from data. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train enrichment models.",
        footer = {"", "Example:", "  newsflow train ner --help   # the exact call is in src/main/resources/ner/NOTE.md"},
        subcommands = {TrainCommand.Ner.class})
final class TrainCommand {

    /** {@code newsflow train ner ...}: the open-set name finder; src/main/resources/ner/NOTE.md gives the exact call. */
    @Command(name = "ner", mixinStandardHelpOptions = true,
            description = "Train the open-set PER/ORG/LOC name finder. Arguments as NerTrainer takes them: --train FILE "
                    + "[--train FILE] [--lexicon L] [--dev FILE] [--epochs N] [--seed S] [--prune W] --out MODEL "
                    + "[--doc-out DOC_MODEL [--folds K]] (see src/main/resources/ner/NOTE.md).",
            footer = {"", "Example:", "  newsflow train ner --train eng.train --dev eng.testa --out ner-model.bin.gz"})
    static final class Ner implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "ARG", description = "NerTrainer arguments.")
        List<String> args;

        @Override
        public Integer call() throws Exception {
            NerTrainer.main(args.toArray(String[]::new));
            return 0;
        }
    }
}
