package dev.newsflow.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serializer writing SpecificRecord, GenericRecord or Avro primitives in the Confluent wire format.
 *
 * <p>The subject is {@code <topic>-value} or {@code <topic>-key}. The registry is asked once per
 * (topic, schema); after that a record costs one map lookup and the Avro encoding. Registry failures
 * surface as {@link SchemaRegistryException} (retriable ones as {@link RegistryUnavailableException}).
 */
public class AvroSerializer<T> implements Serializer<T> {

    /** Per-thread output buffer and encoder: serializers are shared by stream threads, buffers must not be. */
    private static final class Buffers {
        final Exposed out = new Exposed();
        BinaryEncoder encoder;
    }

    private static final class Exposed extends ByteArrayOutputStream {
        /** Buffers that grew for one huge record are dropped rather than kept per thread forever. */
        private static final int KEEP_LIMIT = 1 << 20;

        Exposed() {
            super(512);
        }

        byte[] finish(int id) {
            byte[] result = toByteArray();
            WireFormat.writeHeader(id, result, 0);
            if (buf.length > KEEP_LIMIT) {
                buf = new byte[512];
            }
            return result;
        }
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);
    private static final byte[] HEADER_PLACEHOLDER = new byte[WireFormat.HEADER_SIZE];
    // Shared so that primitive keys and values hit the caches instead of building a Schema per record.
    private static final Schema STRING = Schema.create(Schema.Type.STRING);
    private static final Schema INT = Schema.create(Schema.Type.INT);
    private static final Schema LONG = Schema.create(Schema.Type.LONG);
    private static final Schema BOOLEAN = Schema.create(Schema.Type.BOOLEAN);
    private static final Schema DOUBLE = Schema.create(Schema.Type.DOUBLE);
    private static final Schema FLOAT = Schema.create(Schema.Type.FLOAT);
    private static final Schema BYTES = Schema.create(Schema.Type.BYTES);

    private SchemaRegistryClient client;
    private boolean ownsClient;
    private AvroSerdeConfig config = AvroSerdeConfig.DEFAULTS;
    private boolean isKey;
    /** topic -> schema -> id; two levels so the hot path allocates no composite key. */
    private final Map<String, Map<Schema, Integer>> ids = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<Object>> genericWriters = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<Object>> specificWriters = new ConcurrentHashMap<>();

    /** For Kafka's reflective construction; {@link #configure} must follow. */
    public AvroSerializer() {
    }

    /** Shares the client (and its caches); options default until {@link #configure} is called. */
    public AvroSerializer(SchemaRegistryClient client) {
        this.client = client;
    }

    public AvroSerializer(SchemaRegistryClient client, AvroSerdeConfig config, boolean isKey) {
        this.client = client;
        this.config = config;
        this.isKey = isKey;
    }

    boolean hasClient() {
        return client != null;
    }

    /** Lets a serde hand one client to both halves; the serde, not this object, then owns it. */
    void useClient(SchemaRegistryClient shared) {
        if (client == null) {
            client = shared;
        }
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.fromConfig(configs);
        this.isKey = isKey;
        if (client == null) {
            client = RestSchemaRegistryClient.fromConfig(configs);
            ownsClient = true;
        }
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException("AvroSerializer used before configure() and without a registry client");
        }
        Object datum = data instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : data;
        Schema schema = schemaOf(datum);
        int id = id(topic, schema);
        DatumWriter<Object> writer = writer(schema, datum);
        Buffers buffers = BUFFERS.get();
        buffers.out.reset();
        buffers.out.writeBytes(HEADER_PLACEHOLDER);
        try {
            buffers.encoder = EncoderFactory.get().binaryEncoder(buffers.out, buffers.encoder);
            writer.write(datum, buffers.encoder);
            buffers.encoder.flush();
        } catch (IOException | RuntimeException e) {
            buffers.encoder = null;
            throw new SerializationException("cannot write a " + schema.getFullName() + " for topic " + topic
                    + " with schema id " + id + ": " + e, e);
        }
        return buffers.out.finish(id);
    }

    private int id(String topic, Schema schema) {
        Map<Schema, Integer> byTopic = ids.get(topic);
        if (byTopic == null) {
            byTopic = ids.computeIfAbsent(topic, t -> new ConcurrentHashMap<>());
        }
        Integer id = byTopic.get(schema);
        if (id == null) {
            id = resolveId(SubjectNames.forTopic(topic, isKey), schema);
            byTopic.putIfAbsent(schema, id);
        }
        return id;
    }

    private int resolveId(String subject, Schema schema) {
        if (config.useLatestVersion()) {
            RegisteredSchema latest = client.latest(subject);
            // Records are written by field position, so the latest version must have the record's exact
            // binary layout; Parsing Canonical Form is exactly that (it drops docs and defaults).
            if (SchemaNormalization.parsingFingerprint64(latest.schema())
                    != SchemaNormalization.parsingFingerprint64(schema)) {
                throw new SerializationException("use.latest.version: the record's " + schema.getFullName()
                        + " schema differs in binary layout from version " + latest.version() + " (id "
                        + latest.id() + ") of subject " + subject);
            }
            return latest.id();
        }
        if (config.autoRegister()) {
            return client.register(subject, schema);
        }
        return client.lookup(subject, schema).id();
    }

    private DatumWriter<Object> writer(Schema schema, Object datum) {
        boolean specific = datum instanceof SpecificRecord;
        Map<Schema, DatumWriter<Object>> writers = specific ? specificWriters : genericWriters;
        DatumWriter<Object> writer = writers.get(schema);
        if (writer == null) {
            // Specific classes carry their own model: logical-type conversions (Instant for timestamp-millis).
            writer = specific
                    ? new SpecificDatumWriter<>(schema, SpecificData.getForClass(datum.getClass()))
                    : new GenericDatumWriter<>(schema, GenericData.get());
            writers.putIfAbsent(schema, writer);
        }
        return writer;
    }

    /** The writer schema of a record, enum, fixed, or of a Java value of an Avro primitive type. */
    static Schema schemaOf(Object datum) {
        if (datum instanceof GenericContainer container) {
            return container.getSchema();
        }
        if (datum instanceof CharSequence) {
            return STRING;
        }
        if (datum instanceof Integer) {
            return INT;
        }
        if (datum instanceof Long) {
            return LONG;
        }
        if (datum instanceof Boolean) {
            return BOOLEAN;
        }
        if (datum instanceof Double) {
            return DOUBLE;
        }
        if (datum instanceof Float) {
            return FLOAT;
        }
        if (datum instanceof ByteBuffer) {
            return BYTES;
        }
        throw new SerializationException("cannot serialize a " + datum.getClass().getName()
                + " as Avro: expected a SpecificRecord, GenericRecord or Avro primitive");
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
