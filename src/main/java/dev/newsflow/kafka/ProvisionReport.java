package dev.newsflow.kafka;

import java.util.List;

/** What {@link TopicProvisioner} did: topics it created, topics already there, and the ones that differ. */
public record ProvisionReport(List<String> created, List<String> existing, List<PartitionMismatch> mismatches) {

    public ProvisionReport {
        created = List.copyOf(created);
        existing = List.copyOf(existing);
        mismatches = List.copyOf(mismatches);
    }

    /** An existing topic whose partition count is not the requested one; it is left alone. */
    public record PartitionMismatch(String topic, int requested, int actual) {
    }
}
