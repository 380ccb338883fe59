package dev.newsflow.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The baseline the benchmark compares newsflow with: raw articles decoded with the same Avro serde, keyed by
 * article id like newsflow's output, and written unchanged to the output topic; no validation, no enrichment.
 * Every input must be a RawArticle. Pure: no I/O happens while building.
 */
public final class PassthroughTopology {

    private PassthroughTopology() {
    }

    /** Reads {@code topics.input()} and writes RawArticle records to {@code topics.enriched()}. */
    public static Topology build(Topics topics) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topics.input(), Consumed.with(Serdes.ByteArray(), topics.rawSerde()).withName("raw-articles"))
                .map((key, article) -> KeyValue.pair(article.getId(), article), Named.as("key-by-article-id"))
                .to(topics.enriched(), Produced.with(topics.keySerde(), topics.rawSerde()).withName("passthrough-articles"));
        return builder.build();
    }
}
