package dev.newsflow.registry;

import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka Serde pairing {@link AvroSerializer} and {@link AvroDeserializer}; the static factories return
 * it configured and ready, the no-argument constructor serves Kafka's {@code default.*.serde} configs.
 */
public class AvroSerde<T> implements Serde<T> {

    private final AvroSerializer<T> serializer;
    private final AvroDeserializer<T> deserializer;
    /** Set when this serde built its client, so that close() releases it; shared clients are left alone. */
    private SchemaRegistryClient ownClient;

    /** For Kafka's reflective construction; {@link #configure} creates one client for both halves. */
    public AvroSerde() {
        this(new AvroSerializer<>(), new AvroDeserializer<>());
    }

    /** Shares an existing client (and its caches); {@link #configure} sets the options. */
    public AvroSerde(SchemaRegistryClient client) {
        this(new AvroSerializer<>(client), new AvroDeserializer<>(client));
    }

    private AvroSerde(AvroSerializer<T> serializer, AvroDeserializer<T> deserializer) {
        this.serializer = serializer;
        this.deserializer = deserializer;
    }

    /** A serde for a generated class, with its own registry client built from config. */
    public static <T extends SpecificRecord> AvroSerde<T> specific(Class<T> type, Map<String, ?> config,
                                                                   boolean isKey) {
        RestSchemaRegistryClient client = RestSchemaRegistryClient.fromConfig(config);
        AvroSerde<T> serde = specific(type, client, config, isKey);
        serde.ownClient = client;
        return serde;
    }

    /** A serde for a generated class sharing an existing client. */
    public static <T extends SpecificRecord> AvroSerde<T> specific(Class<T> type, SchemaRegistryClient client,
                                                                   Map<String, ?> config, boolean isKey) {
        AvroSerde<T> serde = new AvroSerde<>(new AvroSerializer<>(client), AvroDeserializer.specific(client, type));
        serde.configure(config, isKey);
        return serde;
    }

    /** A serde for the generated class whose schema this is (e.g. {@code RawArticle.getClassSchema()}). */
    @SuppressWarnings("unchecked")
    public static <T extends SpecificRecord> AvroSerde<T> specific(Schema schema, Map<String, ?> config,
                                                                   boolean isKey) {
        Class<?> type = SpecificData.get().getClass(schema);
        if (type == null || !SpecificRecord.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("no generated class " + schema.getFullName() + " on the classpath");
        }
        return specific((Class<T>) type, config, isKey);
    }

    /** A GenericRecord serde reading each record with its writer schema. */
    public static AvroSerde<GenericRecord> generic(Map<String, ?> config, boolean isKey) {
        return generic((Schema) null, config, isKey);
    }

    /** A GenericRecord serde reading every record into readerSchema (schema evolution without generated code). */
    public static AvroSerde<GenericRecord> generic(Schema readerSchema, Map<String, ?> config, boolean isKey) {
        RestSchemaRegistryClient client = RestSchemaRegistryClient.fromConfig(config);
        AvroSerde<GenericRecord> serde = generic(readerSchema, client, config, isKey);
        serde.ownClient = client;
        return serde;
    }

    /** A GenericRecord serde sharing an existing client; readerSchema may be null (use the writer's). */
    public static AvroSerde<GenericRecord> generic(Schema readerSchema, SchemaRegistryClient client,
                                                   Map<String, ?> config, boolean isKey) {
        AvroSerde<GenericRecord> serde = new AvroSerde<>(new AvroSerializer<>(client),
                AvroDeserializer.generic(client, readerSchema));
        serde.configure(config, isKey);
        return serde;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (!serializer.hasClient()) {
            ownClient = RestSchemaRegistryClient.fromConfig(configs);
            serializer.useClient(ownClient);
            deserializer.useClient(ownClient);
        }
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
        if (ownClient != null) {
            ownClient.close();
        }
    }
}
