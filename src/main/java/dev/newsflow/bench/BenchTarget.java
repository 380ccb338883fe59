package dev.newsflow.bench;

import dev.newsflow.config.ClientProperties;
import dev.newsflow.config.NewsflowConfig;
import dev.newsflow.kafka.EmbeddedKafkaBroker;
import dev.newsflow.kafka.TopicProvisioner;
import dev.newsflow.kafka.TopicSpec;
import dev.newsflow.registry.EmbeddedSchemaRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the benchmark runs: an embedded broker and registry in this JVM, or the cluster and registry it was given.
 * Creates the benchmark's topics and, on a cluster that outlives it, deletes them and its groups again.
 */
final class BenchTarget implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BenchTarget.class);
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(60);

    private final List<AutoCloseable> embedded = new ArrayList<>();
    private final List<String> topics = new ArrayList<>();
    private final List<String> groups = new ArrayList<>();
    private final Path stateDir;
    private NewsflowConfig base;
    private String description;

    private BenchTarget() throws IOException {
        stateDir = Files.createTempDirectory("newsflow-bench-state");
    }

    static BenchTarget start(BenchSettings settings) throws IOException {
        BenchTarget target = new BenchTarget();
        try {
            target.startEmbedded(settings);
            return target;
        } catch (RuntimeException | Error e) {
            target.close();
            throw e;
        }
    }

    private void startEmbedded(BenchSettings settings) {
        String bootstrap = settings.bootstrapServers();
        String kafka = "Kafka at " + bootstrap;
        if (bootstrap == null) {
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().build();
            embedded.add(broker);
            broker.start();
            bootstrap = broker.bootstrapServers();
            kafka = "embedded KRaft broker in this JVM (" + bootstrap + ")";
        }
        String registryUrl = settings.schemaRegistryUrl();
        String registry = "registry at " + registryUrl;
        if (registryUrl == null) {
            EmbeddedSchemaRegistry started = EmbeddedSchemaRegistry.start(0, null);
            embedded.add(started);
            registryUrl = started.url();
            registry = "embedded schema registry in this JVM";
        }
        description = kafka + "; " + registry;
        base = NewsflowConfig.defaults().toBuilder()
                .bootstrapServers(bootstrap)
                .schemaRegistryUrl(registryUrl)
                .clientConfig(settings.clientConfig())
                .partitions(settings.partitions())
                .processingGuarantee(settings.processingGuarantee())
                .stateDir(stateDir)
                .httpPort(-1)
                .build();
    }

    /** Whether the broker runs in this JVM, so its CPU and heap count in every measurement. */
    boolean embeddedBroker() {
        return embedded.stream().anyMatch(EmbeddedKafkaBroker.class::isInstance);
    }

    String description() {
        return description;
    }

    /** Connections, partitions and guarantee of every application; a phase adds its id and topics. */
    NewsflowConfig base() {
        return base;
    }

    /** An application's config with its own id and topics; the id is remembered so its group can be deleted. */
    NewsflowConfig application(String applicationId, String input, String output, String deadLetters) {
        groups.add(applicationId);
        return base.toBuilder().applicationId(applicationId).inputTopics(List.of(input)).outputTopic(output)
                .errorTopic(deadLetters).build();
    }

    /** Creates fresh topics with the configured partitions, large enough for any article newsflow accepts. */
    void createTopics(String... names) {
        Map<String, String> topicConfig = Map.of("max.message.bytes",
                Integer.toString(ClientProperties.maxMessageBytes(base)));
        List<TopicSpec> specs = Stream.of(names)
                .map(name -> new TopicSpec(name, base.partitions(), base.replicationFactor(), topicConfig)).toList();
        TopicProvisioner.provision(adminConfig(), specs, TOPIC_TIMEOUT);
        topics.addAll(List.of(names));
    }

    private Map<String, Object> adminConfig() {
        Map<String, Object> admin = new HashMap<>();
        ClientProperties.common(base).forEach((key, value) -> admin.put((String) key, value));
        return admin;
    }

    /** Removes what the benchmark left on a cluster it did not start, then stops what it did start. */
    @Override
    public void close() {
        if (!embeddedBroker() && base != null && !topics.isEmpty()) {
            try (Admin admin = Admin.create(adminConfig())) {
                // Kafka Streams created the story stage's repartition and changelog topics under each application id.
                Set<String> doomed = new HashSet<>(topics);
                admin.listTopics().names().get(60, TimeUnit.SECONDS).stream()
                        .filter(name -> groups.stream().anyMatch(group -> name.startsWith(group + "-")))
                        .forEach(doomed::add);
                admin.deleteTopics(doomed).all().get(60, TimeUnit.SECONDS);
                admin.deleteConsumerGroups(groups).all().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("Could not delete the benchmark's topics {} and groups {}: {}", topics, groups, e.toString());
            }
        }
        for (int i = embedded.size() - 1; i >= 0; i--) {
            try {
                embedded.get(i).close();
            } catch (Exception e) {
                LOG.warn("Error while stopping: {}", e.toString());
            }
        }
        deleteRecursively(stateDir);
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", dir, e.toString());
        }
    }
}
