package dev.newsflow.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * What {@code newsflow reset} does to one application, worked out before anything changes so that
 * {@code --dry-run} can print exactly what a real run would do.
 *
 * @param applicationId  the Streams application id, also the consumer group
 * @param toDatetime     where input offsets go: the first record at or after this time, or null for the earliest
 * @param offsets        the new committed offset of every input partition
 * @param committed      the currently committed offsets of the input partitions, for the report
 * @param missingInputs  configured input topics that do not exist (nothing to reset there)
 * @param internalTopics the application's changelog and repartition topics, to delete
 * @param outputTopics   output topics to delete (only with --delete-output-topics), else empty
 * @param keptOutputs    output topics left as they are
 * @param localState     this machine's state directory of the application, to delete
 */
public record ResetPlan(String applicationId, Instant toDatetime, Map<TopicPartition, Long> offsets,
                        Map<TopicPartition, Long> committed, List<String> missingInputs, List<String> internalTopics,
                        List<String> outputTopics, List<String> keptOutputs, Path localState) {

    public ResetPlan {
        offsets = Map.copyOf(offsets);
        committed = Map.copyOf(committed);
        missingInputs = List.copyOf(missingInputs);
        internalTopics = List.copyOf(internalTopics);
        outputTopics = List.copyOf(outputTopics);
        keptOutputs = List.copyOf(keptOutputs);
    }

    /** The plan for people: one line per action. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append("application '").append(applicationId).append("' (consumer group '").append(applicationId)
                .append("'): no active members\n");
        out.append("reset input offsets to ").append(toDatetime == null ? "the earliest" : "the first record at or after "
                + toDatetime).append(":\n");
        new TreeMap<>(offsetsByName()).forEach((partition, offset) -> out.append("  ").append(partition).append(": ")
                .append(committedOf(partition)).append(" -> ").append(offset).append('\n'));
        missingInputs.forEach(topic -> out.append("  ").append(topic).append(": does not exist, nothing to reset\n"));
        out.append("delete internal topics: ").append(internalTopics.isEmpty() ? "none" : String.join(", ", internalTopics))
                .append('\n');
        out.append("delete local state: ").append(localState)
                .append(Files.exists(localState) ? "" : " (not on this machine)").append('\n');
        if (!outputTopics.isEmpty()) {
            out.append("delete output topics: ").append(String.join(", ", outputTopics)).append('\n');
        }
        if (!keptOutputs.isEmpty()) {
            out.append("keep output topics: ").append(String.join(", ", keptOutputs))
                    .append(" (reprocessed articles are appended; --delete-output-topics deletes them)\n");
        }
        return out.toString();
    }

    private Map<String, Long> offsetsByName() {
        Map<String, Long> byName = new TreeMap<>();
        offsets.forEach((partition, offset) -> byName.put(partition.toString(), offset));
        return byName;
    }

    private String committedOf(String partition) {
        return committed.entrySet().stream().filter(e -> e.getKey().toString().equals(partition))
                .map(e -> e.getValue().toString()).findFirst().orElse("none committed");
    }
}
