package dev.newsflow.cli;

import dev.newsflow.config.NewsflowConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;

/** Where Kafka and the schema registry are, and the client settings passed through to both. */
final class ConnectionOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...", defaultValue = "localhost:9092",
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}; env NEWSFLOW_BOOTSTRAP_SERVERS).")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL", defaultValue = "http://localhost:8081",
            description = "Confluent-API schema registry URL(s), comma-separated (default: ${DEFAULT-VALUE}; env NEWSFLOW_SCHEMA_REGISTRY_URL).")
    String schemaRegistryUrl;

    // Split only on commas that start a new key=value pair, so values such as TLS protocol lists keep theirs.
    @Option(names = "--kafka-config", paramLabel = "KEY=VALUE", split = ",(?=[A-Za-z0-9_.-]+=)",
            description = "Extra Kafka client or registry setting (SASL, TLS, basic.auth.*); repeatable (env NEWSFLOW_KAFKA_CONFIG, comma-separated).")
    Map<String, String> kafkaConfig = new LinkedHashMap<>();

    @Option(names = "--kafka-config-file", paramLabel = "FILE",
            description = "Properties file of extra Kafka client or registry settings, e.g. secrets kept out of the command line (env NEWSFLOW_KAFKA_CONFIG_FILE).")
    Path kafkaConfigFile;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", defaultValue = "PT15S",
            description = "How long to wait for Kafka to answer before giving up with an error, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration connectTimeout;

    /** Default settings with these connections: for the commands that are clients, not the application. */
    NewsflowConfig clientSettings() {
        return NewsflowConfig.defaults().toBuilder()
                .bootstrapServers(bootstrapServers)
                .schemaRegistryUrl(schemaRegistryUrl)
                .clientConfig(clientConfig())
                .build();
    }

    /** The pass-through settings: the file's first, then the flags', which win. */
    Map<String, String> clientConfig() {
        Map<String, String> merged = new LinkedHashMap<>();
        if (kafkaConfigFile != null) {
            Properties props = new Properties();
            try (Reader reader = Files.newBufferedReader(kafkaConfigFile)) {
                props.load(reader);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read --kafka-config-file " + kafkaConfigFile + ": " + e.getMessage(), e);
            }
            props.stringPropertyNames().forEach(name -> merged.put(name, props.getProperty(name)));
        }
        merged.putAll(kafkaConfig);
        return merged;
    }
}
