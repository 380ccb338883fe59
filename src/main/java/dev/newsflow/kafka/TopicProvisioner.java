package dev.newsflow.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the topics that are missing, idempotently, and waits until all of them can be used. */
public final class TopicProvisioner {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final long POLL_MS = 50;

    private final Admin admin;
    private final Duration timeout;

    /** Uses, but does not close, {@code admin}. */
    public TopicProvisioner(Admin admin, Duration timeout) {
        this.admin = Objects.requireNonNull(admin);
        this.timeout = Objects.requireNonNull(timeout);
    }

    /** Opens an Admin client from {@code adminConfig} for this one call. */
    public static ProvisionReport provision(Map<String, Object> adminConfig, Collection<TopicSpec> specs,
                                            Duration timeout) {
        try (Admin admin = Admin.create(adminConfig)) {
            return new TopicProvisioner(admin, timeout).provision(specs);
        }
    }

    /**
     * Creates each spec's topic unless it exists (another instance creating it at the same moment counts as
     * existing), then waits until every partition of every topic has a leader. Existing topics are never
     * altered; a partition count that differs from the spec is reported and logged as a warning.
     */
    public ProvisionReport provision(Collection<TopicSpec> specs) {
        Map<String, TopicSpec> byName = byName(specs);
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> created = new ArrayList<>();
        List<String> existing = new ArrayList<>();

        Set<String> present = await(admin.listTopics().names(), deadline, "listing topics");
        List<TopicSpec> missing = byName.values().stream().filter(s -> !present.contains(s.name())).toList();
        byName.keySet().stream().filter(present::contains).forEach(existing::add);

        Map<String, KafkaFuture<Void>> creations = missing.isEmpty() ? Map.of()
            : admin.createTopics(missing.stream().map(TopicSpec::toNewTopic).toList()).values();
        for (TopicSpec spec : missing) {
            if (createOrFindExisting(creations.get(spec.name()), spec, deadline)) {
                created.add(spec.name());
            } else {
                existing.add(spec.name());
            }
        }

        Map<String, TopicDescription> described = awaitLeaders(byName.keySet(), deadline);
        List<ProvisionReport.PartitionMismatch> mismatches = mismatches(byName, described);
        if (!created.isEmpty()) {
            log.info("created topics {}", created);
        }
        mismatches.forEach(m -> log.warn("topic {} has {} partitions, configured {}; left unchanged",
            m.topic(), m.actual(), m.requested()));
        return new ProvisionReport(created, existing, mismatches);
    }

    /** True when we created it, false when someone else did first. */
    private boolean createOrFindExisting(KafkaFuture<Void> creation, TopicSpec spec, long deadline) {
        try {
            creation.get(remainingMs(deadline, "creating " + spec.name()), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw new IllegalStateException("cannot create topic " + spec.name() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out creating topic " + spec.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted creating topic " + spec.name(), e);
        }
    }

    /** A freshly created topic takes a moment to reach the brokers' metadata and to elect leaders. */
    private Map<String, TopicDescription> awaitLeaders(Collection<String> names, long deadline) {
        while (true) {
            try {
                Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames()
                    .get(remainingMs(deadline, "describing " + names), TimeUnit.MILLISECONDS);
                if (described.values().stream().allMatch(TopicProvisioner::allLed)) {
                    return described;
                }
            } catch (ExecutionException | TimeoutException e) {
                log.debug("topics {} not usable yet: {}", names, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for topics " + names, e);
            }
            remainingMs(deadline, "waiting for leaders of " + names);
            sleep(POLL_MS);
        }
    }

    private static boolean allLed(TopicDescription d) {
        return !d.partitions().isEmpty() && d.partitions().stream()
            .map(TopicPartitionInfo::leader).allMatch(leader -> leader != null && !leader.isEmpty());
    }

    private static List<ProvisionReport.PartitionMismatch> mismatches(Map<String, TopicSpec> specs,
                                                                       Map<String, TopicDescription> described) {
        List<ProvisionReport.PartitionMismatch> out = new ArrayList<>();
        specs.values().forEach(spec -> {
            int actual = described.get(spec.name()).partitions().size();
            if (actual != spec.partitions()) {
                out.add(new ProvisionReport.PartitionMismatch(spec.name(), spec.partitions(), actual));
            }
        });
        return out;
    }

    private static Map<String, TopicSpec> byName(Collection<TopicSpec> specs) {
        Map<String, TopicSpec> byName = new LinkedHashMap<>();
        for (TopicSpec spec : specs) {
            TopicSpec previous = byName.putIfAbsent(spec.name(), spec);
            if (previous != null && !previous.equals(spec)) {
                throw new IllegalArgumentException("conflicting specs for topic " + spec.name() + ": " + previous + " vs " + spec);
            }
        }
        return byName;
    }

    private <T> T await(KafkaFuture<T> future, long deadline, String what) {
        try {
            return future.get(remainingMs(deadline, what), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " timed out after " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted " + what, e);
        }
    }

    private long remainingMs(long deadline, String what) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
            throw new IllegalStateException(what + " timed out after " + timeout);
        }
        return left;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
