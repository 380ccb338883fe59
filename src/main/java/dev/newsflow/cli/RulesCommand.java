package dev.newsflow.cli;

import dev.newsflow.client.ControlPublisher;
import dev.newsflow.config.ClientProperties;
import dev.newsflow.config.NewsflowConfig;
import dev.newsflow.enrich.topics.Taxonomy;
import dev.newsflow.enrich.topics.TaxonomyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.RecordMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsflow rules}: check a taxonomy file, or put it in force on running applications. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  newsflow rules validate my-taxonomy.yaml",
                "  newsflow rules publish my-taxonomy.yaml", "  newsflow rules withdraw"},
        description = "Check a taxonomy (YAML, docs/TOPIC_RULES.md) or publish it to the rules topic, where running "
                + "applications validate it and put it in force without a restart.",
        subcommands = {RulesCommand.Validate.class, RulesCommand.Publish.class, RulesCommand.Withdraw.class})
final class RulesCommand {

    /** Key of taxonomy updates on the rules topic. */
    static final String KEY = "taxonomy";

    @Command(name = "validate", mixinStandardHelpOptions = true,
            footer = {"", "Examples:", "  newsflow rules validate src/main/resources/taxonomy/default.yaml"},
            description = "Parse and compile a taxonomy file offline; exit 1 with the topic and field at fault.")
    static final class Validate implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "Taxonomy YAML file.")
        Path file;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            return check(file, spec) == null ? 1 : 0;
        }
    }

    @Command(name = "publish", mixinStandardHelpOptions = true,
            footer = {"", "Examples:", "  newsflow rules publish my-taxonomy.yaml --bootstrap-servers kafka:9092"},
            description = "Validate a taxonomy file and publish it; refused updates appear on the dead-letter topic.")
    static final class Publish implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Option(names = "--rules-topic", paramLabel = "TOPIC", defaultValue = NewsflowConfig.DEFAULT_RULES_TOPIC,
                description = "Rules topic (default: ${DEFAULT-VALUE}).")
        String topic;

        @Parameters(paramLabel = "FILE", description = "Taxonomy YAML file.")
        Path file;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Taxonomy taxonomy = check(file, spec);
            if (taxonomy == null) {
                return 1;
            }
            try (ControlPublisher publisher = new ControlPublisher(ClientProperties.common(connection.clientSettings()))) {
                RecordMetadata at = publisher.publish(topic, KEY, Files.readString(file));
                spec.commandLine().getOut().printf("published taxonomy %s to %s (partition %d, offset %d)%n",
                        taxonomy.version(), topic, at.partition(), at.offset());
            }
            return 0;
        }
    }

    @Command(name = "withdraw", mixinStandardHelpOptions = true,
            footer = {"", "Examples:", "  newsflow rules withdraw --bootstrap-servers kafka:9092"},
            description = "Publish a tombstone: running applications return to the taxonomy shipped in the jar.")
    static final class Withdraw implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Option(names = "--rules-topic", paramLabel = "TOPIC", defaultValue = NewsflowConfig.DEFAULT_RULES_TOPIC,
                description = "Rules topic (default: ${DEFAULT-VALUE}).")
        String topic;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (ControlPublisher publisher = new ControlPublisher(ClientProperties.common(connection.clientSettings()))) {
                publisher.publish(topic, KEY, null);
            }
            spec.commandLine().getOut().println("withdrew the published taxonomy; the shipped one applies again");
            return 0;
        }
    }

    /** The compiled taxonomy, or null after printing why it is refused. */
    private static Taxonomy check(Path file, CommandSpec spec) throws IOException {
        try {
            Taxonomy taxonomy = Taxonomy.parse(Files.readString(file));
            spec.commandLine().getOut().printf("%s: taxonomy %s with %d topics %s%n", file, taxonomy.version(),
                    taxonomy.topicIds().size(), taxonomy.topicIds());
            return taxonomy;
        } catch (TaxonomyException e) {
            spec.commandLine().getErr().printf("%s: refused: %s%n", file, e.getMessage());
            return null;
        }
    }
}
