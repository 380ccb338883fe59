package dev.newsflow.registry;

import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * String keys as Avro {@code "string"} values in the Confluent wire format, registered under
 * {@code <topic>-key}: what consumers expect that decode keys with Avro too (Python's legacy AvroConsumer).
 */
public final class AvroStringSerde {

    private AvroStringSerde() {
    }

    public static Serde<String> create(SchemaRegistryClient client, Map<String, ?> config) {
        AvroSerializer<String> serializer = new AvroSerializer<>(client);
        serializer.configure(config, true);
        AvroDeserializer<Object> deserializer = new AvroDeserializer<>(client);
        deserializer.configure(config, true);
        Deserializer<String> strings = (topic, data) -> {
            Object value = deserializer.deserialize(topic, data);
            return value == null ? null : value.toString();
        };
        return Serdes.serdeFrom((Serializer<String>) serializer, strings);
    }
}
