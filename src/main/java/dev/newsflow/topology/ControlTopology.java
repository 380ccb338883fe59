package dev.newsflow.topology;

import dev.newsflow.enrich.LiveModels;
import java.time.Clock;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The control plane: users publish rules and knowledge-base entries to compacted topics; one instance checks
 * each update (exactly once, refused ones to the dead-letter topic) and writes the accepted ones to a topic
 * that every instance reads as a global store and puts into force without a restart.
 *
 * <p>Why two topics per kind: a global store's processor cannot emit records, so refusals could not become
 * dead letters there, and only accepted updates may reach the global stores, which replay on every restart.
 */
final class ControlTopology {

    private ControlTopology() {
    }

    static void addTo(StreamsBuilder builder, Topics topics, LiveModels models, int maxRecordBytes, Clock clock) {
        Topics.ControlTopics control = topics.control();
        add(builder, topics, new RuleUpdates(), control.rules(), control.rulesAccepted(), models, maxRecordBytes, clock);
        add(builder, topics, new KnowledgeBaseUpdates(), control.kb(), control.kbAccepted(), models, maxRecordBytes, clock);
    }

    /** One control channel: its updates topic checked into its accepted topic, read back as a global store. */
    static void add(StreamsBuilder builder, Topics topics, ControlChannel channel, String updates,
                            String accepted, LiveModels models, int maxRecordBytes, Clock clock) {
        String name = channel.name();
        builder.stream(updates, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(name + "-updates"))
                .process(() -> new ControlValidator(channel, models, maxRecordBytes, clock), Named.as("check-" + name))
                .split(Named.as(name + "-"))
                .branch((key, outcome) -> outcome instanceof ControlOutcome.Accepted, Branched.withConsumer(ok -> ok
                        .mapValues(outcome -> ((ControlOutcome.Accepted) outcome).value(), Named.as(name + "-accepted-value"))
                        .to(accepted, Produced.with(Topics.ControlTopics.serde(), Topics.ControlTopics.serde())
                                .withName("write-accepted-" + name)), "accepted"))
                .defaultBranch(Branched.withConsumer(refused -> refused
                        .mapValues(outcome -> ((ControlOutcome.Rejected) outcome).letter(), Named.as(name + "-dead-letter"))
                        .to(topics.deadLetters(), Produced.with(topics.keySerde(), topics.deadLetterSerde())
                                .withName("dead-letter-refused-" + name)), "refused"));
        String store = name + "-in-force";
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(store), Serdes.String(), Serdes.String())
                        .withLoggingDisabled(),
                accepted,
                Consumed.with(Topics.ControlTopics.serde(), Topics.ControlTopics.serde()).withName(name + "-accepted-source"),
                () -> new ControlApplier(channel, models, store));
    }
}
