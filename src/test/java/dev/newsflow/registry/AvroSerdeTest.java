package dev.newsflow.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.schema.RawArticle;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** Wire layout and error codes of the serde, against a stub client that hands out chosen ids. */
class AvroSerdeTest {

    private static final int ID = 0x01020304;
    private final StubRegistryClient client = new StubRegistryClient(ID);
    private final AvroSerializer<Object> serializer = new AvroSerializer<>(client);
    private final AvroDeserializer<Object> deserializer = new AvroDeserializer<>(client);

    @Test
    void writesMagicByteBigEndianIdThenPlainAvro() throws Exception {
        GenericRecord record = TestSchemas.probeV1("a-1", 42);

        byte[] bytes = serializer.serialize("news", record);

        byte[] avro = plainAvro(TestSchemas.PROBE_V1, record);
        assertThat(Arrays.copyOfRange(bytes, 0, 5)).containsExactly(0x00, 0x01, 0x02, 0x03, 0x04);
        assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(avro);
        // "a-1" is a zig-zag length 3 then its bytes; 42 is zig-zag 84.
        assertThat(avro).containsExactly(6, 'a', '-', '1', 84);
        assertThat(client.registeredSubjects).containsExactly("news-value");
    }

    @Test
    void keysUseTheKeySubject() {
        AvroSerializer<Object> keys = new AvroSerializer<>(client, AvroSerdeConfig.DEFAULTS, true);
        byte[] bytes = keys.serialize("news", "article-7");
        assertThat(client.registeredSubjects).containsExactly("news-key");
        assertThat(deserializer.deserialize("news", bytes)).isEqualTo("article-7");
    }

    @Test
    void roundTripsPrimitives() {
        for (Object value : List.of("text", 7, 7L, true, 1.5d, 2.5f)) {
            StubRegistryClient own = new StubRegistryClient(1);
            Object back = new AvroDeserializer<>(own).deserialize("t", new AvroSerializer<>(own).serialize("t", value));
            assertThat(back).isEqualTo(value);
        }
        byte[] raw = {1, 2, 3};
        Object back = deserializer.deserialize("t", serializer.serialize("t", raw));
        assertThat(back).isEqualTo(ByteBuffer.wrap(raw));
    }

    @Test
    void nullIsNullBothWays() {
        assertThat(serializer.serialize("news", null)).isNull();
        assertThat(deserializer.deserialize("news", (byte[]) null)).isNull();
        assertThat(deserializer.deserialize("news", null, (ByteBuffer) null)).isNull();
    }

    @Test
    void specificRecordRoundTripsWithLogicalTypes() {
        AvroSerde<RawArticle> serde = AvroSerde.specific(RawArticle.class, client, Map.of(), false);
        RawArticle article = TestSchemas.rawArticle("r-1");

        RawArticle back = serde.deserializer().deserialize("raw", serde.serializer().serialize("raw", article));

        assertThat(back).isEqualTo(article);
        assertThat(back.getPublishedAt()).isEqualTo(article.getPublishedAt());
    }

    @Test
    void specificReaderConfigPicksTheGeneratedClassByName() {
        byte[] bytes = serializer.serialize("raw", TestSchemas.rawArticle("r-2"));
        AvroDeserializer<Object> specific = new AvroDeserializer<>(client);
        specific.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, "true"), false);

        assertThat(specific.deserialize("raw", bytes)).isInstanceOf(RawArticle.class);
        assertThat(deserializer.deserialize("raw", bytes)).isInstanceOf(GenericRecord.class);
    }

    @Test
    void oldWriterReadsIntoNewReaderWithDefaults() {
        byte[] bytes = serializer.serialize("probe", TestSchemas.probeV1("p", 1));
        AvroDeserializer<GenericRecord> v2 = AvroDeserializer.generic(client, TestSchemas.PROBE_V2);

        GenericRecord read = v2.deserialize("probe", bytes);

        assertThat(read.getSchema()).isEqualTo(TestSchemas.PROBE_V2);
        assertThat(read.get("note")).hasToString("none");
        assertThat(read.get("count")).isEqualTo(1);
    }

    @Test
    void oldRawArticleReadsIntoTheCurrentGeneratedClass() {
        byte[] bytes = serializer.serialize("raw", TestSchemas.rawArticleV1("old-1"));
        AvroDeserializer<RawArticle> current = AvroDeserializer.specific(client, RawArticle.class);

        RawArticle read = current.deserialize("raw", bytes);

        assertThat(read.getId()).isEqualTo("old-1");
        assertThat(read.getAuthors()).isEmpty();
        assertThat(read.getMetadata()).isEmpty();
        assertThat(read.getLanguage()).isNull();
        assertThat(read.getFetchedAt().toEpochMilli()).isEqualTo(1_700_000_000_123L);
    }

    @Test
    void readsFromAByteBufferWithAnOffset() {
        byte[] bytes = serializer.serialize("probe", TestSchemas.probeV1("p", 5));
        byte[] padded = new byte[bytes.length + 7];
        System.arraycopy(bytes, 0, padded, 3, bytes.length);
        ByteBuffer buffer = ByteBuffer.wrap(padded, 3, bytes.length).slice();

        GenericRecord read = (GenericRecord) deserializer.deserialize("probe", null, buffer);

        assertThat(read.get("count")).isEqualTo(5);
        assertThat(buffer.position()).isZero();
    }

    @Test
    void asksTheRegistryOncePerSchemaNotPerRecord() {
        for (int i = 0; i < 100; i++) {
            byte[] bytes = serializer.serialize("probe", TestSchemas.probeV1("p" + i, i));
            deserializer.deserialize("probe", bytes);
        }
        assertThat(client.registerCalls).hasValue(1);
        assertThat(client.getByIdCalls).hasValue(1);
    }

    @Test
    void tooShortAndBadMagicAreWireErrors() {
        expectWireError(new byte[] {0, 1, 2}, "too-short", "3 bytes");
        expectWireError(new byte[] {'{', '"', 'a', '"', ':', '1', '}'}, "bad-magic-byte", "0x7b");
    }

    @Test
    void unknownIdIsAWireErrorNamingTheId() {
        byte[] bytes = {0, 0, 0, 0x30, 0x39, 2, 'x'};
        assertThatThrownBy(() -> deserializer.deserialize("t", bytes))
                .isInstanceOfSatisfying(AvroWireException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("unknown-schema-id");
                    assertThat(e.getMessage()).contains("12345");
                    assertThat(e.schemaId()).isEqualTo(12345);
                    assertThat(e).isInstanceOf(SerializationException.class);
                });
    }

    @Test
    void unavailableRegistryIsRetriableNotAWireError() {
        byte[] bytes = serializer.serialize("probe", TestSchemas.probeV1("p", 1));
        client.getByIdFailure = new RegistryUnavailableException(503, 50001, "store down", "stub", null);
        AvroDeserializer<Object> fresh = new AvroDeserializer<>(client);

        assertThatThrownBy(() -> fresh.deserialize("probe", bytes))
                .isInstanceOf(RegistryUnavailableException.class)
                .isNotInstanceOf(AvroWireException.class)
                .satisfies(e -> assertThat(((SchemaRegistryException) e).isRetriable()).isTrue());
    }

    @Test
    void authorisationFailureIsNotBlamedOnTheRecord() {
        byte[] bytes = serializer.serialize("probe", TestSchemas.probeV1("p", 1));
        client.getByIdFailure = new SchemaRegistryException(401, 401, "Unauthorized", "stub");

        assertThatThrownBy(() -> new AvroDeserializer<>(client).deserialize("probe", bytes))
                .isExactlyInstanceOf(SchemaRegistryException.class);
    }

    @Test
    void anIdOfAProtobufSchemaIsAnIncompatibleRecordNotAFatalError() {
        byte[] bytes = serializer.serialize("probe", TestSchemas.probeV1("p", 1));
        client.getByIdFailure = new SchemaRegistryException(200, SchemaRegistryException.INVALID_SCHEMA,
                "schema id 7 is a PROTOBUF schema, not Avro", "stub");

        expectWireError(bytes, "incompatible-schema", "PROTOBUF", new AvroDeserializer<>(client));
    }

    @Test
    void invalidUtf8IsAWireErrorInsteadOfReplacementCharacters() {
        byte[] bytes = serializer.serialize("probe", TestSchemas.probeV1("caf\u00e9", 1));
        byte[] bad = bytes.clone();
        bad[bytes.length - 2] = (byte) 0xC3; // the second byte of the e-acute becomes a lead byte without a follower
        expectWireError(bad, "invalid-utf8", "0xc3");
    }

    @Test
    void truncatedAvroIsMalformedAndNamesTheSchema() {
        byte[] bytes = serializer.serialize("probe", TestSchemas.probeV1("abcdef", 1));
        byte[] cut = Arrays.copyOf(bytes, bytes.length - 3);
        expectWireError(cut, "malformed-avro", "dev.newsflow.registry.test.Probe");
    }

    @Test
    void trailingBytesAreMalformed() {
        byte[] bytes = serializer.serialize("probe", TestSchemas.probeV1("a", 1));
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 2);
        expectWireError(longer, "malformed-avro", "left over");
    }

    @Test
    void aHugeLengthPrefixIsMalformedInsteadOfAnOutOfMemoryError() {
        serializer.serialize("probe", TestSchemas.probeV1("a", 1));
        // String length 2^30 (zig-zag varint 0x80 0x80 0x80 0x80 0x08) in a 10-byte record.
        byte[] bytes = {0, 1, 2, 3, 4, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x08};
        expectWireError(bytes, "malformed-avro", "exceeds");
    }

    @Test
    void aHugeArrayCountIsMalformed() {
        byte[] bytes = serializer.serialize("raw", TestSchemas.rawArticle("r"));
        AvroDeserializer<RawArticle> reader = AvroDeserializer.specific(client, RawArticle.class);
        assertThat(reader.deserialize("raw", bytes)).isNotNull();
        // Locate the authors array (count 2 -> zig-zag 4, then "A. Writer") and claim 2^30 items instead.
        int at = indexOf(bytes, new byte[] {4, 18, 'A', '.'});
        byte[] forged = new byte[bytes.length + 4];
        System.arraycopy(bytes, 0, forged, 0, at);
        byte[] count = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x08};
        System.arraycopy(count, 0, forged, at, count.length);
        System.arraycopy(bytes, at + 1, forged, at + count.length, bytes.length - at - 1);
        assertThatThrownBy(() -> reader.deserialize("raw", forged))
                .isInstanceOfSatisfying(AvroWireException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("malformed-avro"));
    }

    @Test
    void badUnionIndexIsMalformed() {
        byte[] bytes = serializer.serialize("raw", TestSchemas.rawArticleV1("x"));
        // Source.domain is a union written as index 0 (null); make it index 9.
        int at = indexOf(bytes, "Example News".getBytes()) + "Example News".length();
        bytes[at] = 18;
        expectWireError(bytes, "malformed-avro", "RawArticle");
    }

    @Test
    void writerTheReaderCannotResolveIsIncompatible() {
        byte[] bytes = serializer.serialize("probe", TestSchemas.probeV1("a", 1));

        assertThatThrownBy(() -> AvroDeserializer.generic(client, TestSchemas.PROBE_V3).deserialize("probe", bytes))
                .isInstanceOfSatisfying(AvroWireException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("incompatible-schema");
                    assertThat(e.getMessage()).contains("required");
                });
        assertThatThrownBy(() -> AvroDeserializer.specific(client, RawArticle.class).deserialize("probe", bytes))
                .isInstanceOfSatisfying(AvroWireException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("incompatible-schema"));
    }

    @Test
    void specificReaderWithoutAGeneratedClassIsIncompatible() {
        byte[] bytes = serializer.serialize("probe", TestSchemas.probeV1("a", 1));
        AvroDeserializer<Object> specific = new AvroDeserializer<>(client);
        specific.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);

        assertThatThrownBy(() -> specific.deserialize("probe", bytes))
                .isInstanceOfSatisfying(AvroWireException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("incompatible-schema");
                    assertThat(e.getMessage()).contains("no generated class");
                });
    }

    @Test
    void recordNotMatchingItsSchemaFailsToSerialize() {
        GenericRecord broken = new org.apache.avro.generic.GenericData.Record(TestSchemas.PROBE_V1);
        broken.put("id", "only the id");
        assertThatThrownBy(() -> serializer.serialize("probe", broken))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Probe");
        // The per-thread encoder must still work after the failure.
        assertThat(serializer.serialize("probe", TestSchemas.probeV1("ok", 1))).isNotNull();
    }

    @Test
    void specificSerdeFromASchemaFindsItsGeneratedClass() {
        Map<String, Object> config = Map.of(RegistryClientConfig.URL, "http://127.0.0.1:1");
        try (AvroSerde<RawArticle> serde = AvroSerde.specific(RawArticle.getClassSchema(), config, false)) {
            assertThat(serde.deserializer()).isNotNull();
        }
        assertThatThrownBy(() -> AvroSerde.specific(TestSchemas.PROBE_V1, config, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Probe");
    }

    @Test
    void unsupportedTypesAreRejected() {
        assertThatThrownBy(() -> serializer.serialize("t", new Object()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("java.lang.Object");
    }

    private void expectWireError(byte[] bytes, String code, String detail) {
        expectWireError(bytes, code, detail, deserializer);
    }

    private static void expectWireError(byte[] bytes, String code, String detail, AvroDeserializer<?> reader) {
        Consumer<AvroWireException> check = e -> {
            assertThat(e.errorCode()).isEqualTo(code);
            assertThat(e.getMessage()).contains(detail);
        };
        assertThatThrownBy(() -> reader.deserialize("t", bytes)).isInstanceOfSatisfying(AvroWireException.class,
                check);
    }

    private static byte[] plainAvro(Schema schema, GenericRecord record) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] needle) {
        outer:
        for (int i = 0; i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("pattern not found");
    }
}
