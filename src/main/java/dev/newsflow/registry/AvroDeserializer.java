package dev.newsflow.registry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer for the Confluent wire format: looks the writer schema up by id (once per id) and
 * resolves it to the reader schema, so data written with an older schema reads into the newer one.
 *
 * <p>The reader schema is, in order: the generated class given to {@link #specific}; the schema given
 * to {@link #generic}; with {@code specific.avro.reader=true}, the generated class named like the writer
 * schema; otherwise the writer schema itself (GenericRecord). Faults of the record throw
 * {@link AvroWireException}; an unavailable registry throws {@link RegistryUnavailableException}.
 */
public class AvroDeserializer<T> implements Deserializer<T> {

    /** How one writer id is read; a failure is cached too, so a bad id costs one registry call. */
    private record Resolved(DatumReader<Object> reader, Schema writer, String incompatibility) {
    }

    /** Per-thread decoders: DatumReaders are thread-safe, decoders carry position state. */
    private static final class Decoders {
        BinaryDecoder binary;
        final BoundedDecoder bounded = new BoundedDecoder();
    }

    private static final ThreadLocal<Decoders> DECODERS = ThreadLocal.withInitial(Decoders::new);

    private SchemaRegistryClient client;
    private boolean ownsClient;
    private AvroSerdeConfig config = AvroSerdeConfig.DEFAULTS;
    private final Class<?> specificType;
    private final Schema readerSchema;
    private final Map<Integer, Resolved> readers = new ConcurrentHashMap<>();

    /** For Kafka's reflective construction; {@link #configure} must follow. */
    public AvroDeserializer() {
        this(null, null, null);
    }

    /** Shares the client; reads GenericRecord unless configured with {@code specific.avro.reader=true}. */
    public AvroDeserializer(SchemaRegistryClient client) {
        this(client, null, null);
    }

    private AvroDeserializer(SchemaRegistryClient client, Class<?> specificType, Schema readerSchema) {
        this.client = client;
        this.specificType = specificType;
        this.readerSchema = readerSchema;
    }

    /** Reads into the generated class, whatever the writer's (compatible) version. */
    public static <T extends SpecificRecord> AvroDeserializer<T> specific(SchemaRegistryClient client, Class<T> type) {
        return new AvroDeserializer<>(client, type, null);
    }

    /** Reads GenericRecords shaped by readerSchema, or by each writer schema when it is null. */
    public static <T> AvroDeserializer<T> generic(SchemaRegistryClient client, Schema readerSchema) {
        return new AvroDeserializer<>(client, null, readerSchema);
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
        if (client == null) {
            client = RestSchemaRegistryClient.fromConfig(configs);
            ownsClient = true;
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        return data == null ? null : decode(data, 0, data.length);
    }

    /** Reads straight from the consumer's buffer when it has an array, saving a copy per record. */
    @Override
    public T deserialize(String topic, Headers headers, ByteBuffer data) {
        if (data == null) {
            return null;
        }
        if (data.hasArray()) {
            return decode(data.array(), data.arrayOffset() + data.position(), data.remaining());
        }
        byte[] copy = new byte[data.remaining()];
        data.duplicate().get(copy);
        return decode(copy, 0, copy.length);
    }

    private T decode(byte[] data, int offset, int length) {
        if (client == null) {
            throw new IllegalStateException("AvroDeserializer used before configure() and without a registry client");
        }
        int id = WireFormat.schemaId(data, offset, length);
        Resolved resolved = readers.get(id);
        if (resolved == null) {
            resolved = resolve(id);
            readers.putIfAbsent(id, resolved);
        }
        if (resolved.incompatibility() != null) {
            throw AvroWireException.incompatibleSchema(id, resolved.incompatibility());
        }
        int payload = length - WireFormat.HEADER_SIZE;
        Decoders decoders = DECODERS.get();
        decoders.binary = DecoderFactory.get().binaryDecoder(data, offset + WireFormat.HEADER_SIZE, payload,
                decoders.binary);
        BoundedDecoder in = decoders.bounded.reset(decoders.binary, payload);
        Object value;
        boolean trailing;
        try {
            value = resolved.reader().read(null, in);
            trailing = !in.isEnd();
        } catch (Utf8Validation.InvalidUtf8Exception e) {
            throw AvroWireException.invalidUtf8(id, resolved.writer().getFullName(), e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            // After the compatibility check every failure here is the bytes' fault: truncation, a bad
            // union or enum index, a length beyond the record.
            throw AvroWireException.malformedAvro(id, resolved.writer().getFullName(), String.valueOf(e), e);
        }
        if (trailing) {
            throw AvroWireException.malformedAvro(id, resolved.writer().getFullName(),
                    "bytes left over after the record: the id or the data is wrong", null);
        }
        @SuppressWarnings("unchecked")
        T result = (T) (value instanceof Utf8 ? value.toString() : value);
        return result;
    }

    private Resolved resolve(int id) {
        Schema writer;
        try {
            writer = client.getById(id);
        } catch (SchemaRegistryException e) {
            // Only "no such id" is the record's fault; auth errors or an outage must not dead-letter data.
            if (!e.isRetriable() && e.httpStatus() == 404) {
                throw AvroWireException.unknownSchemaId(id, e);
            }
            // The registry answered, but the id names a Protobuf or JSON schema (or one Avro cannot parse): the
            // record was written in another format, which no retry will change.
            if (!e.isRetriable() && e.httpStatus() == 200) {
                throw AvroWireException.incompatibleSchema(id, e.registryMessage());
            }
            throw e;
        }
        if (specificType != null) {
            return resolved(writer, SpecificData.getForClass(specificType).getSchema(specificType), specificType);
        }
        if (readerSchema != null) {
            return resolved(writer, readerSchema, null);
        }
        if (config.specificReader() && writer.getType() == Schema.Type.RECORD) {
            Class<?> type = SpecificData.get().getClass(writer);
            if (type == null || !SpecificRecord.class.isAssignableFrom(type)) {
                return new Resolved(null, writer, "specific.avro.reader is set but there is no generated class "
                        + writer.getFullName() + " on the classpath");
            }
            return resolved(writer, SpecificData.getForClass(type).getSchema(type), type);
        }
        return new Resolved(new GenericDatumReader<>(writer, writer, GenericData.get()), writer, null);
    }

    private static Resolved resolved(Schema writer, Schema reader, Class<?> type) {
        SchemaCompatibility.SchemaPairCompatibility check =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (check.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            StringBuilder why = new StringBuilder("reader ").append(reader.getFullName()).append(" vs writer ")
                    .append(writer.getFullName()).append(':');
            check.getResult().getIncompatibilities().forEach(i ->
                    why.append(' ').append(i.getMessage()).append(" at ").append(i.getLocation()).append(';'));
            return new Resolved(null, writer, why.toString());
        }
        DatumReader<Object> datumReader = type == null
                ? new GenericDatumReader<>(writer, reader, GenericData.get())
                : new SpecificDatumReader<>(writer, reader, SpecificData.getForClass(type));
        return new Resolved(datumReader, writer, null);
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
