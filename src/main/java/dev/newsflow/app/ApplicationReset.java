package dev.newsflow.app;

import dev.newsflow.config.NewsflowConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Prepares a stopped newsflow application to process its input again, as Kafka's streams reset tool does:
 * input offsets back to the earliest (or a time), internal topics and local state deleted, outputs kept
 * unless asked. It stops nothing: every instance must be stopped first, and it refuses while the
 * application's consumer group has members.
 */
public final class ApplicationReset {

    // Kafka Streams names its internal topics <application.id>-<name>-<suffix>.
    private static final List<String> INTERNAL_SUFFIXES = List.of("-changelog", "-repartition",
            "-subscription-registration-topic", "-subscription-response-topic");

    private final Admin admin;
    private final Duration timeout;

    /** Uses, but does not close, {@code admin}. */
    public ApplicationReset(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /**
     * Works out the reset of {@code config}'s application without changing anything.
     *
     * @param toDatetime   reset inputs to the first record at or after this time; null for the earliest
     * @param deleteOutput also delete the output and dead-letter topics
     * @throws IllegalStateException while instances of the application are running
     */
    public ResetPlan plan(NewsflowConfig config, Instant toDatetime, boolean deleteOutput) {
        String group = config.applicationId();
        requireNoActiveMembers(group);
        Set<String> existing = await(admin.listTopics().names());

        List<String> inputs = config.inputTopics().stream().filter(existing::contains).toList();
        List<String> missing = config.inputTopics().stream().filter(t -> !existing.contains(t)).toList();
        List<TopicPartition> partitions = new ArrayList<>();
        if (!inputs.isEmpty()) {
            for (TopicDescription topic : await(admin.describeTopics(inputs).allTopicNames()).values()) {
                topic.partitions().forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition())));
            }
        }
        Map<TopicPartition, Long> committed = new HashMap<>();
        await(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()).forEach((partition, offset) -> {
            if (offset != null && partitions.contains(partition)) {
                committed.put(partition, offset.offset());
            }
        });

        Set<String> outputs = new TreeSet<>(List.of(config.outputTopic(), config.errorTopic()));
        // Spikes found in the first pass would be found again when the input is replayed.
        outputs.add(config.trendsTopic());
        // Alerts too: the alert state is deleted with the internal topics, so a replay alerts again.
        outputs.add(config.alertsTopic());
        existing.stream().filter(name -> isTopicStream(config.topicStreamPattern(), name)).forEach(outputs::add);
        List<String> internal = existing.stream()
                .filter(name -> isInternal(group, name) && !config.inputTopics().contains(name) && !outputs.contains(name))
                .sorted().toList();
        List<String> presentOutputs = outputs.stream().filter(existing::contains).sorted().toList();
        return new ResetPlan(group, toDatetime, targetOffsets(partitions, toDatetime), committed, missing, internal,
                deleteOutput ? presentOutputs : List.of(), deleteOutput ? List.of() : presentOutputs,
                localState(config));
    }

    /** Carries the plan out: offsets, internal (and output) topics, local state. */
    public void apply(ResetPlan plan) {
        // Checked again: an instance may have started since the plan was made.
        requireNoActiveMembers(plan.applicationId());
        if (!plan.offsets().isEmpty()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            plan.offsets().forEach((partition, offset) -> offsets.put(partition, new OffsetAndMetadata(offset)));
            await(admin.alterConsumerGroupOffsets(plan.applicationId(), offsets).all());
        }
        List<String> doomed = new ArrayList<>(plan.internalTopics());
        doomed.addAll(plan.outputTopics());
        if (!doomed.isEmpty()) {
            // Offsets the group committed on internal topics would outlive the topics otherwise.
            Set<TopicPartition> stale = new HashSet<>();
            await(admin.listConsumerGroupOffsets(plan.applicationId()).partitionsToOffsetAndMetadata()).keySet()
                    .forEach(p -> {
                        if (doomed.contains(p.topic())) {
                            stale.add(p);
                        }
                    });
            if (!stale.isEmpty()) {
                await(admin.deleteConsumerGroupOffsets(plan.applicationId(), stale).all());
            }
            await(admin.deleteTopics(doomed).all());
            awaitDeleted(doomed);
        }
        deleteRecursively(plan.localState());
    }

    /** Whether {@code topic} is one of the per-topic streams that {@code pattern} names. */
    static boolean isTopicStream(String pattern, String topic) {
        int at = pattern.indexOf(NewsflowConfig.TOPIC_PLACEHOLDER);
        String prefix = pattern.substring(0, at);
        String suffix = pattern.substring(at + NewsflowConfig.TOPIC_PLACEHOLDER.length());
        return topic.length() > prefix.length() + suffix.length() && topic.startsWith(prefix) && topic.endsWith(suffix);
    }

    // The accepted rule and knowledge-base updates (<application.id>-*-accepted) are users' work, not derived
    // state: reset keeps them, so reprocessing runs with the rules in force.
    static boolean isInternal(String applicationId, String topic) {
        return topic.startsWith(applicationId + "-") && INTERNAL_SUFFIXES.stream().anyMatch(topic::endsWith);
    }

    /** Where Kafka Streams keeps this application's state on this machine: {@code <state.dir>/<application.id>}. */
    static Path localState(NewsflowConfig config) {
        if (config.stateDir() != null) {
            return config.stateDir().resolve(config.applicationId());
        }
        String defaultDir = (String) StreamsConfig.configDef().defaultValues().get(StreamsConfig.STATE_DIR_CONFIG);
        return Path.of(defaultDir).resolve(config.applicationId());
    }

    private void requireNoActiveMembers(String group) {
        ConsumerGroupDescription description;
        try {
            description = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return;
            }
            throw new IllegalStateException("cannot describe consumer group '" + group + "': " + e.getCause().getMessage(), e);
        } catch (InterruptedException | TimeoutException e) {
            throw failure("describing consumer group '" + group + "'", e);
        }
        if (!description.members().isEmpty()) {
            List<String> hosts = description.members().stream().map(m -> m.host() + " (" + m.clientId() + ")").toList();
            throw new IllegalStateException("application '" + group + "' still has " + hosts.size()
                    + " running instance(s): " + hosts + ". Stop every instance (SIGTERM) and run reset again; "
                    + "a crashed instance leaves the group after its session timeout (45 s by default)");
        }
    }

    private Map<TopicPartition, Long> targetOffsets(List<TopicPartition> partitions, Instant toDatetime) {
        Map<TopicPartition, Long> targets = new HashMap<>();
        if (partitions.isEmpty()) {
            return targets;
        }
        OffsetSpec spec = toDatetime == null ? OffsetSpec.earliest() : OffsetSpec.forTimestamp(toDatetime.toEpochMilli());
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> found = await(admin.listOffsets(request).all());
        List<TopicPartition> noneAfter = new ArrayList<>();
        found.forEach((partition, info) -> {
            if (info.offset() >= 0) {
                targets.put(partition, info.offset());
            } else {
                noneAfter.add(partition);
            }
        });
        if (!noneAfter.isEmpty()) {
            // No record at or after the time: the partition's end, so nothing there is processed again.
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            noneAfter.forEach(p -> latest.put(p, OffsetSpec.latest()));
            await(admin.listOffsets(latest).all()).forEach((partition, info) -> targets.put(partition, info.offset()));
        }
        return targets;
    }

    // Deletion completes asynchronously; a restart that recreated a topic still being deleted would lose it.
    private void awaitDeleted(List<String> topics) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (await(admin.listTopics().names()).stream().anyMatch(topics::contains)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topics " + topics + " were not deleted within " + timeout);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw failure("waiting for topic deletion", e);
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete local state " + dir + ": " + e.getMessage(), e);
        }
    }

    private <T> T await(KafkaFuture<T> future) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw failure("an admin request", e);
        }
    }

    private IllegalStateException failure(String what, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new IllegalStateException(what + " did not finish within " + timeout + ": " + e, e);
    }
}
