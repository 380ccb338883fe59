package dev.newsflow.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ForwardingAdmin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsResult;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedKafka.class)
class TopicProvisionerIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void createsMissingTopicsWithTheirPartitionsAndConfigs(KafkaTestClients kafka) throws Exception {
        TopicSpec stream = TopicSpec.of(kafka.uniqueName("articles"), 3, (short) 1);
        TopicSpec table = TopicSpec.compacted(kafka.uniqueName("rules"), 1, (short) 1)
            .withConfig(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "1000");

        ProvisionReport report = TopicProvisioner.provision(kafka.adminConfig(), List.of(stream, table), TIMEOUT);

        assertThat(report.created()).containsExactly(stream.name(), table.name());
        assertThat(report.existing()).isEmpty();
        assertThat(report.mismatches()).isEmpty();
        Map<String, TopicDescription> described = kafka.admin()
            .describeTopics(List.of(stream.name(), table.name())).allTopicNames().get();
        assertThat(described.get(stream.name()).partitions()).hasSize(3);
        assertThat(described.get(table.name()).partitions()).hasSize(1);
        Config config = kafka.admin().describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, table.name())))
            .all().get().values().iterator().next();
        assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
        assertThat(config.get(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG).value()).isEqualTo("1000");
    }

    @Test
    void toleratesExistingTopicsAndReportsAPartitionMismatch(KafkaTestClients kafka) {
        TopicSpec kept = TopicSpec.of(kafka.uniqueName("kept"), 2, (short) 1);
        TopicSpec fresh = TopicSpec.of(kafka.uniqueName("fresh"), 1, (short) 1);
        TopicProvisioner provisioner = new TopicProvisioner(kafka.admin(), TIMEOUT);
        provisioner.provision(List.of(kept));

        TopicSpec resized = new TopicSpec(kept.name(), 4, (short) 1, Map.of());
        ProvisionReport report = provisioner.provision(List.of(resized, fresh));

        assertThat(report.created()).containsExactly(fresh.name());
        assertThat(report.existing()).containsExactly(kept.name());
        assertThat(report.mismatches()).containsExactly(new ProvisionReport.PartitionMismatch(kept.name(), 4, 2));
    }

    @Test
    void concurrentProvisionersCreateEachTopicOnce(KafkaTestClients kafka) throws Exception {
        List<TopicSpec> specs = IntStream.range(0, 4)
            .mapToObj(i -> TopicSpec.of(kafka.uniqueName("race"), 2, (short) 1)).toList();
        Callable<ProvisionReport> provision = () -> TopicProvisioner.provision(kafka.adminConfig(), specs, TIMEOUT);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<ProvisionReport> reports = new ArrayList<>();
        try {
            for (Future<ProvisionReport> f : pool.invokeAll(List.of(provision, provision))) {
                reports.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> created = reports.stream().flatMap(r -> r.created().stream()).toList();
        assertThat(created).containsExactlyInAnyOrderElementsOf(specs.stream().map(TopicSpec::name).toList());
        reports.forEach(r -> assertThat(r.created().size() + r.existing().size()).isEqualTo(specs.size()));
    }

    @Test
    void aTopicCreatedBetweenListingAndCreatingCountsAsExisting(KafkaTestClients kafka) {
        TopicSpec contested = TopicSpec.of(kafka.uniqueName("contested"), 1, (short) 1);
        ProvisionReport report;
        try (Admin admin = new RivalCreatesAfterListing(kafka.adminConfig(), contested)) {
            report = new TopicProvisioner(admin, TIMEOUT).provision(List.of(contested));
        }

        assertThat(report.created()).isEmpty();
        assertThat(report.existing()).containsExactly(contested.name());
    }

    @Test
    void aRejectedTopicFailsWithItsName(KafkaTestClients kafka) {
        TopicSpec bad = TopicSpec.of(kafka.uniqueName("bad"), 1, (short) 1)
            .withConfig(TopicConfig.CLEANUP_POLICY_CONFIG, "shred");

        assertThatThrownBy(() -> new TopicProvisioner(kafka.admin(), TIMEOUT).provision(List.of(bad)))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining(bad.name());
    }

    /** Loses the race on purpose: the topic appears after our listing said it was missing. */
    private static final class RivalCreatesAfterListing extends ForwardingAdmin {
        private final TopicSpec rival;

        RivalCreatesAfterListing(Map<String, Object> config, TopicSpec rival) {
            super(config);
            this.rival = rival;
        }

        @Override
        public ListTopicsResult listTopics(ListTopicsOptions options) {
            ListTopicsResult listing = super.listTopics(options);
            try {
                listing.names().get();
                super.createTopics(List.of(rival.toNewTopic())).all().get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return listing;
        }
    }
}
