package dev.newsflow.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.schema.RawArticle;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What newsflow needs from any Confluent-API registry, run against each registry by a subclass. Every
 * test uses fresh topic names, so one registry can serve all of them.
 */
abstract class SchemaRegistryContract {

    private RestSchemaRegistryClient client;
    private String topic;

    /** Base URL of the registry's Confluent API. */
    protected abstract String registryUrl();

    @BeforeEach
    void freshClientAndTopic() {
        client = RestSchemaRegistryClient.forUrl(registryUrl());
        topic = TestSchemas.topic("contract");
    }

    private String subject() {
        return SubjectNames.forTopic(topic, false);
    }

    private Map<String, Object> config(Object... pairs) {
        Map<String, Object> config = new HashMap<>();
        config.put(RegistryClientConfig.URL, registryUrl());
        for (int i = 0; i < pairs.length; i += 2) {
            config.put((String) pairs[i], pairs[i + 1]);
        }
        return config;
    }

    /** A client without caches, so that answers come from the registry. */
    private RestSchemaRegistryClient uncached() {
        return RestSchemaRegistryClient.forUrl(registryUrl());
    }

    @Test
    void registersAndLooksUpById() {
        int id = client.register(subject(), TestSchemas.PROBE_V1);

        assertThat(uncached().getById(id)).isEqualTo(TestSchemas.PROBE_V1);
        RegisteredSchema found = uncached().lookup(subject(), TestSchemas.PROBE_V1);
        assertThat(found.id()).isEqualTo(id);
        assertThat(found.version()).isEqualTo(1);
        assertThat(uncached().subjects()).contains(subject());
    }

    @Test
    void latestIsTheNewestVersion() {
        int v1 = client.register(subject(), TestSchemas.PROBE_V1);
        int v2 = client.register(subject(), TestSchemas.PROBE_V2);

        RegisteredSchema latest = uncached().latest(subject());
        assertThat(latest).isEqualTo(new RegisteredSchema(subject(), v2, 2, TestSchemas.PROBE_V2));
        assertThat(uncached().versions(subject())).containsExactly(1, 2);
        assertThat(uncached().version(subject(), 1)).isEqualTo(new RegisteredSchema(subject(), v1, 1, TestSchemas.PROBE_V1));
    }

    @Test
    void registrationIsIdempotentAndIdsAreGlobal() {
        int first = client.register(subject(), TestSchemas.PROBE_V1);

        assertThat(uncached().register(subject(), TestSchemas.PROBE_V1)).isEqualTo(first);
        assertThat(uncached().versions(subject())).containsExactly(1);
        assertThat(uncached().register(TestSchemas.topic("other") + "-value", TestSchemas.PROBE_V1)).isEqualTo(first);
    }

    @Test
    void missingSubjectAndSchemaHaveConfluentCodes() {
        assertThatThrownBy(() -> client.latest(subject()))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND);
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.isRetriable()).isFalse();
                });
        client.register(subject(), TestSchemas.PROBE_V1);
        assertThatThrownBy(() -> client.lookup(subject(), TestSchemas.PROBE_V2))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.isSchemaNotFound()).isTrue());
        assertThatThrownBy(() -> client.getById(Integer.MAX_VALUE - 7))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.isSchemaNotFound()).isTrue());
    }

    @Test
    void oldWriterReadsIntoNewReaderOnTheGenericPath() {
        byte[] old = new AvroSerializer<>(client).serialize(topic, TestSchemas.probeV1("g-1", 3));
        client.register(subject(), TestSchemas.PROBE_V2);

        GenericRecord asV2 = AvroSerde.generic(TestSchemas.PROBE_V2, config(), false).deserializer().deserialize(topic, old);
        GenericRecord asWritten = AvroSerde.generic(config(), false).deserializer().deserialize(topic, old);

        assertThat(asV2.get("note")).hasToString("none");
        assertThat(asV2.get("count")).isEqualTo(3);
        assertThat(asWritten.getSchema()).isEqualTo(TestSchemas.PROBE_V1);
    }

    @Test
    void oldRawArticleReadsIntoTheCurrentGeneratedClass() {
        byte[] old = new AvroSerializer<>(client).serialize(topic, TestSchemas.rawArticleV1("old-1"));
        // The current contract must be accepted after v1 under BACKWARD: this is the evolution rule.
        int current = client.register(subject(), RawArticle.getClassSchema());

        RawArticle viaClass = AvroSerde.specific(RawArticle.class, config(), false).deserializer().deserialize(topic, old);
        AvroSerde<Object> configured = new AvroSerde<>();
        configured.configure(config(AvroSerdeConfig.SPECIFIC_AVRO_READER, "true"), false);
        Object viaConfig = configured.deserializer().deserialize(topic, old);

        assertThat(current).isNotEqualTo(WireFormat.schemaId(old));
        assertThat(viaClass.getId()).isEqualTo("old-1");
        assertThat(viaClass.getAuthors()).isEmpty();
        assertThat(viaClass.getMetadata()).isEmpty();
        assertThat(viaClass.getBodyFormat()).hasToString("HTML");
        assertThat(viaConfig).isEqualTo(viaClass);
    }

    @Test
    void incompatibleChangeIsRejectedWithTheRegistrysCode() {
        client.register(subject(), TestSchemas.PROBE_V1);

        assertThatThrownBy(() -> client.register(subject(), TestSchemas.PROBE_V3))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.INCOMPATIBLE_SCHEMA);
                    assertThat(e.isIncompatible()).isTrue();
                    assertThat(e.isRetriable()).isFalse();
                });
        AvroSerializer<Object> producer = new AvroSerializer<>(uncached());
        assertThatThrownBy(() -> producer.serialize(topic, TestSchemas.probeV3("x", 1, 2L)))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.isIncompatible()).isTrue());
        assertThat(uncached().versions(subject())).containsExactly(1);
    }

    @Test
    void invalidSchemaIsRejectedAs42201() {
        // The client only sends parsed schemas, so a broken one has to go through the transport directly.
        String broken = "{\"type\":\"record\",\"name\":\"X\",\"fields\":[{\"name\":\"a\",\"type\":\"strng\"}]}";
        RegistryHttp http = new RegistryHttp(RegistryClientConfig.of(registryUrl()));

        assertThatThrownBy(() -> http.send("POST", "/subjects/" + subject() + "/versions",
                RegistryJson.object().put("schema", broken)))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(422);
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.INVALID_SCHEMA);
                    assertThat(e.isInvalidSchema()).isTrue();
                });
    }

    @Test
    void compatibilityCheckPredictsRegistration() {
        assertThat(client.testCompatibility(subject(), TestSchemas.PROBE_V3)).isTrue();
        client.register(subject(), TestSchemas.PROBE_V1);

        assertThat(client.testCompatibility(subject(), TestSchemas.PROBE_V2)).isTrue();
        assertThat(client.testCompatibility(subject(), TestSchemas.PROBE_V3)).isFalse();
        assertThat(client.globalCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
    }

    @Test
    void bytesAreMagicRegisteredIdAndPlainAvro() throws Exception {
        RawArticle article = TestSchemas.rawArticle("wire-1");
        byte[] bytes = AvroSerde.specific(RawArticle.class, config(), false).serializer().serialize(topic, article);

        int registeredId = uncached().lookup(subject(), RawArticle.getClassSchema()).id();
        assertThat(bytes[0]).isEqualTo((byte) 0);
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(registeredId);
        byte[] avro = Arrays.copyOfRange(bytes, 5, bytes.length);
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(avro, null);
        RawArticle plain = new SpecificDatumReader<>(RawArticle.class).read(null, decoder);
        assertThat(decoder.isEnd()).isTrue();
        assertThat(plain).isEqualTo(article);
        GenericRecord generic = new GenericDatumReader<GenericRecord>(uncached().getById(registeredId))
                .read(null, DecoderFactory.get().binaryDecoder(avro, null));
        assertThat(generic.get("id")).hasToString("wire-1");
    }

    @Test
    void specificRecordsAndStringKeysRoundTrip() {
        AvroSerde<RawArticle> values = AvroSerde.specific(RawArticle.class, client, config(), false);
        AvroSerde<Object> keys = new AvroSerde<>(client);
        keys.configure(config(), true);
        RawArticle article = TestSchemas.rawArticle("rt-1");

        byte[] key = keys.serializer().serialize(topic, article.getId());
        byte[] value = values.serializer().serialize(topic, article);

        assertThat(keys.deserializer().deserialize(topic, key)).isEqualTo("rt-1");
        assertThat(values.deserializer().deserialize(topic, value)).isEqualTo(article);
        assertThat(uncached().subjects()).contains(topic + "-key", topic + "-value");
    }

    @Test
    void withoutAutoRegisterTheSchemaMustExist() {
        AvroSerializer<Object> lookupOnly = new AvroSerializer<>(uncached());
        lookupOnly.configure(config(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false), false);
        assertThatThrownBy(() -> lookupOnly.serialize(topic, TestSchemas.probeV1("a", 1)))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.httpStatus()).isEqualTo(404));

        int id = client.register(subject(), TestSchemas.PROBE_V1);
        AvroSerializer<Object> afterRegistration = new AvroSerializer<>(uncached());
        afterRegistration.configure(config(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false), false);
        assertThat(WireFormat.schemaId(afterRegistration.serialize(topic, TestSchemas.probeV1("a", 1)))).isEqualTo(id);
    }

    @Test
    void useLatestVersionWritesWithTheLatestIdWhenLayoutsMatch() {
        client.register(subject(), TestSchemas.PROBE_V1);
        int latest = client.register(subject(), TestSchemas.PROBE_V2);
        AvroSerializer<Object> serializer = new AvroSerializer<>(uncached());
        serializer.configure(config(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false,
                AvroSerdeConfig.USE_LATEST_VERSION, true), false);

        assertThat(WireFormat.schemaId(serializer.serialize(topic, TestSchemas.probeV2("a", 1, "n")))).isEqualTo(latest);
        assertThatThrownBy(() -> serializer.serialize(topic, TestSchemas.probeV1("a", 1)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("binary layout");
    }

    @Test
    void unknownSchemaIdIsAWireError() {
        byte[] bytes = {0, 0x7f, (byte) 0xff, (byte) 0xff, 0x00, 2, 'x'};
        AvroDeserializer<Object> deserializer = new AvroDeserializer<>(uncached());

        assertThatThrownBy(() -> deserializer.deserialize(topic, bytes))
                .isInstanceOfSatisfying(AvroWireException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("unknown-schema-id");
                    assertThat(e.schemaId()).isEqualTo(0x7fffff00);
                    assertThat(e.getMessage()).contains(String.valueOf(0x7fffff00));
                });
    }

    @Test
    void unreachableRegistryIsRetriableForBothDirections() throws Exception {
        byte[] bytes = new AvroSerializer<>(client).serialize(topic, TestSchemas.probeV1("a", 1));
        Map<String, Object> dead = Map.of(RegistryClientConfig.URL, ScriptedServer.deadUrl());

        AvroSerde<GenericRecord> serde = AvroSerde.generic(dead, false);
        assertThatThrownBy(() -> serde.deserializer().deserialize(topic, bytes))
                .isInstanceOfSatisfying(RegistryUnavailableException.class, e -> assertThat(e.isRetriable()).isTrue());
        assertThatThrownBy(() -> serde.serializer().serialize(topic, TestSchemas.probeV1("a", 1)))
                .isInstanceOf(RegistryUnavailableException.class);
    }
}
