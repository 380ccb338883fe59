package dev.newsflow.cli;

import dev.newsflow.client.ControlPublisher;
import dev.newsflow.config.ClientProperties;
import dev.newsflow.config.NewsflowConfig;
import dev.newsflow.enrich.entities.KnowledgeBase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsflow kb}: check knowledge-base entries, or put them in force on running applications. */
@Command(name = "kb", mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  newsflow kb validate my-entities.jsonl",
                "  newsflow kb publish my-entities.jsonl", "  newsflow kb withdraw org:shahed-aviation"},
        description = "Check knowledge-base entries (JSON lines, tools/kb/README.md) or publish them to the knowledge-base "
                + "topic, where running applications validate them and link them without a restart.",
        subcommands = {KbCommand.Validate.class, KbCommand.Publish.class, KbCommand.Withdraw.class})
final class KbCommand {

    @Command(name = "validate", mixinStandardHelpOptions = true,
            footer = {"", "Examples:", "  newsflow kb validate my-entities.jsonl"},
            description = "Check every line of a JSON-lines file; exit 1 naming the lines at fault.")
    static final class Validate implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "JSON lines, one entry (or {\"id\": ..., \"deleted\": true}) a line.")
        Path file;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            return read(file, spec) == null ? 1 : 0;
        }
    }

    @Command(name = "publish", mixinStandardHelpOptions = true,
            footer = {"", "Examples:", "  newsflow kb publish my-entities.jsonl --bootstrap-servers kafka:9092"},
            description = "Validate a JSON-lines file and publish every entry keyed by its id; nothing is sent if a line is bad.")
    static final class Publish implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Option(names = "--kb-topic", paramLabel = "TOPIC", defaultValue = NewsflowConfig.DEFAULT_KB_TOPIC,
                description = "Knowledge-base topic (default: ${DEFAULT-VALUE}).")
        String topic;

        @Parameters(paramLabel = "FILE", description = "JSON lines, one entry (or {\"id\": ..., \"deleted\": true}) a line.")
        Path file;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            List<JsonLinesFile.Line<String>> lines = read(file, spec);
            if (lines == null) {
                return 1;
            }
            try (ControlPublisher publisher = new ControlPublisher(ClientProperties.common(connection.clientSettings()))) {
                for (JsonLinesFile.Line<String> line : lines) {
                    publisher.publish(topic, line.parsed(), line.json());
                }
            }
            spec.commandLine().getOut().printf("published %d entr%s to %s%n", lines.size(),
                    lines.size() == 1 ? "y" : "ies", topic);
            return 0;
        }
    }

    @Command(name = "withdraw", mixinStandardHelpOptions = true,
            footer = {"", "Examples:", "  newsflow kb withdraw person:ebrahim-raisi org:shahed-aviation"},
            description = "Publish tombstones: the given ids return to their shipped entries (or disappear if they had none).")
    static final class Withdraw implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Option(names = "--kb-topic", paramLabel = "TOPIC", defaultValue = NewsflowConfig.DEFAULT_KB_TOPIC,
                description = "Knowledge-base topic (default: ${DEFAULT-VALUE}).")
        String topic;

        @Parameters(arity = "1..*", paramLabel = "ID", description = "Entity ids, e.g. person:vladimir-putin.")
        List<String> ids;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (ControlPublisher publisher = new ControlPublisher(ClientProperties.common(connection.clientSettings()))) {
                for (String id : ids) {
                    publisher.publish(topic, id, null);
                }
            }
            spec.commandLine().getOut().printf("withdrew %d entr%s%n", ids.size(), ids.size() == 1 ? "y" : "ies");
            return 0;
        }
    }

    /** Every entry of the file keyed by its id, or null after printing each bad line. */
    private static List<JsonLinesFile.Line<String>> read(Path file, CommandSpec spec) throws IOException {
        return JsonLinesFile.read(file, spec, json -> KnowledgeBase.parseChange(json).id(), "entry", "entries");
    }
}
