package dev.newsflow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.app.BrokerCheck;
import dev.newsflow.client.ArticleSummary;
import dev.newsflow.client.OutputTailer;
import dev.newsflow.config.ClientProperties;
import dev.newsflow.config.NewsflowConfig;
import dev.newsflow.registry.AvroSerde;
import dev.newsflow.registry.RestSchemaRegistryClient;
import dev.newsflow.registry.SchemaRegistryClient;
import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schema.EnrichedArticle;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsflow tail}: the consumer side; prints committed enriched articles and dead letters. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = "Print enriched articles (and dead letters) as JSON, a compact table or readable blocks; only "
                + "committed records (read_committed). Runs until Ctrl-C, --max or --idle-timeout.",
        footer = {"", "Examples:",
                "  newsflow tail --from-beginning --format table",
                "  newsflow tail --format json --max 10 | jq .topics",
                "  newsflow tail --from-beginning --idle-timeout PT10S --no-dead-letters"})
final class TailCommand implements Callable<Integer> {

    enum Format { JSON, TABLE, SUMMARY }

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--topic", defaultValue = NewsflowConfig.DEFAULT_OUTPUT_TOPIC,
            description = "Enriched article topic (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--error-topic", defaultValue = NewsflowConfig.DEFAULT_ERROR_TOPIC,
            description = "Dead-letter topic to show too (default: ${DEFAULT-VALUE}).")
    String errorTopic;

    @Option(names = "--no-dead-letters", description = "Do not show dead letters.")
    boolean noDeadLetters;

    @Option(names = "--format", defaultValue = "SUMMARY", description = "json, table or summary (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--from-beginning", description = "Start from the earliest offsets instead of new records only.")
    boolean fromBeginning;

    @Option(names = "--max", description = "Stop after this many records (default: no limit).")
    Integer max;

    @Option(names = "--idle-timeout", description = "Stop when no record arrived for this long, ISO-8601 (e.g. PT10S).")
    Duration idleTimeout;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        NewsflowConfig config = connection.clientSettings();
        BrokerCheck.requireReachable(config, connection.connectTimeout);
        Map<String, Object> serdeConfig = ClientProperties.serde(config);
        SchemaRegistryClient registry = RestSchemaRegistryClient.fromConfig(serdeConfig);
        ObjectMapper json = new ObjectMapper();
        if (format == Format.TABLE) {
            out.println(ArticleSummary.tableHeader());
        }
        try (OutputTailer tailer = new OutputTailer(ClientProperties.common(config), topic,
                noDeadLetters ? null : errorTopic,
                AvroSerde.specific(EnrichedArticle.class, registry, serdeConfig, false).deserializer(),
                AvroSerde.specific(DeadLetter.class, registry, serdeConfig, false).deserializer(), fromBeginning)) {
            Runtime.getRuntime().addShutdownHook(new Thread(tailer::stop));
            tailer.run(new OutputTailer.Listener() {
                @Override
                public void enriched(EnrichedArticle article, ConsumerRecord<String, byte[]> record, long latencyMillis) {
                    switch (format) {
                        case JSON -> out.println(toJson(json, article));
                        case TABLE -> out.println(ArticleSummary.row(article));
                        case SUMMARY -> out.print(ArticleSummary.block(article, latencyMillis));
                    }
                    out.flush();
                }

                @Override
                public void deadLetter(DeadLetter letter, ConsumerRecord<String, byte[]> record) {
                    out.println(format == Format.JSON ? toJson(json, letter) : ArticleSummary.deadLetter(letter));
                    out.flush();
                }
            }, max == null ? Integer.MAX_VALUE : max, idleTimeout);
        }
        return 0;
    }

    /** Avro's own JSON rendering, re-parsed so it prints as compact standard JSON. */
    private static String toJson(ObjectMapper json, SpecificRecord record) {
        try {
            return json.writeValueAsString(json.readTree(record.toString()));
        } catch (Exception e) {
            return record.toString();
        }
    }
}
