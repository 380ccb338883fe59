package dev.newsflow.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the embedded registry promises: persistence, locking, all compatibility levels, HTTP edge cases. */
class EmbeddedSchemaRegistryTest {

    /** Probe v2 with 'note' but no default: BACKWARD-compatible with v2 (note is there), not with v1. */
    private static final Schema PROBE_V2_NO_DEFAULT = TestSchemas.parse("""
            {"type": "record", "name": "Probe", "namespace": "dev.newsflow.registry.test", "fields": [
              {"name": "id", "type": "string"},
              {"name": "count", "type": "int"},
              {"name": "note", "type": "string"}
            ]}""");
    /** Probe without 'count': a v1 reader cannot read it, so FORWARD rejects it. */
    private static final Schema PROBE_WITHOUT_COUNT = TestSchemas.parse("""
            {"type": "record", "name": "Probe", "namespace": "dev.newsflow.registry.test", "fields": [
              {"name": "id", "type": "string"}
            ]}""");

    @TempDir
    Path dir;

    @Test
    void idsVersionsAndConfigSurviveARestart() {
        int v1;
        int v2;
        byte[] written;
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(0, dir)) {
            RestSchemaRegistryClient client = RestSchemaRegistryClient.forUrl(registry.url());
            v1 = client.register("a-value", TestSchemas.PROBE_V1);
            v2 = client.register("a-value", TestSchemas.PROBE_V2);
            client.register("b-value", TestSchemas.PROBE_V1);
            client.setCompatibility("b-value", CompatibilityLevel.NONE);
            client.setCompatibility(null, CompatibilityLevel.FULL);
            written = new AvroSerializer<>(client).serialize("a", TestSchemas.probeV1("kept", 1));
        }
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(0, dir)) {
            RestSchemaRegistryClient client = RestSchemaRegistryClient.forUrl(registry.url());
            assertThat(client.getById(v1)).isEqualTo(TestSchemas.PROBE_V1);
            assertThat(client.latest("a-value")).isEqualTo(new RegisteredSchema("a-value", v2, 2, TestSchemas.PROBE_V2));
            assertThat(client.lookup("b-value", TestSchemas.PROBE_V1).id()).isEqualTo(v1);
            assertThat(client.globalCompatibility()).isEqualTo(CompatibilityLevel.FULL);
            // b-value kept its own NONE level: an otherwise incompatible schema is accepted.
            assertThat(client.register("b-value", TestSchemas.PROBE_V3)).isGreaterThan(v2);
            GenericRecord read = new AvroDeserializer<GenericRecord>(client).deserialize("a", written);
            assertThat(read.get("id")).hasToString("kept");
        }
    }

    @Test
    void aTornLastLineIsDroppedAndTheJournalStaysUsable() throws Exception {
        int first;
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(0, dir)) {
            first = RestSchemaRegistryClient.forUrl(registry.url()).register("a-value", TestSchemas.PROBE_V1);
        }
        Files.writeString(dir.resolve(SchemaJournal.FILE_NAME), "{\"type\":\"schema\",\"id\":2,\"sch",
                StandardOpenOption.APPEND);
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(0, dir)) {
            RestSchemaRegistryClient client = RestSchemaRegistryClient.forUrl(registry.url());
            assertThat(client.getById(first)).isEqualTo(TestSchemas.PROBE_V1);
            assertThat(client.register("a-value", TestSchemas.PROBE_V2)).isEqualTo(first + 1);
        }
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(0, dir)) {
            assertThat(RestSchemaRegistryClient.forUrl(registry.url()).versions("a-value")).containsExactly(1, 2);
        }
    }

    @Test
    void corruptionInTheMiddleStopsTheStart() throws Exception {
        Files.writeString(dir.resolve(SchemaJournal.FILE_NAME), "garbage\n{\"type\":\"config\",\"level\":\"NONE\"}\n");
        assertThatThrownBy(() -> EmbeddedSchemaRegistry.start(0, dir))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("corrupt");
        // The failed start released its lock.
        EmbeddedSchemaRegistry.start(0, dir.resolve("other")).close();
    }

    @Test
    void oneDataDirectoryServesOneRegistryAtATime() {
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(0, dir)) {
            assertThatThrownBy(() -> EmbeddedSchemaRegistry.start(0, dir))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("another schema registry");
        }
        EmbeddedSchemaRegistry.start(0, dir).close();
    }

    @Test
    void withoutADataDirectoryNothingIsKept() {
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start()) {
            RestSchemaRegistryClient.forUrl(registry.url()).register("a-value", TestSchemas.PROBE_V1);
            assertThat(registry.url()).startsWith("http://127.0.0.1:");
        }
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start()) {
            assertThat(RestSchemaRegistryClient.forUrl(registry.url()).subjects()).isEmpty();
        }
    }

    @Test
    void startsQuickly() {
        EmbeddedSchemaRegistry.start().close();
        long start = System.nanoTime();
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(0, dir)) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("embedded schema registry started in " + millis + " ms");
            // Generous bound for a loaded 2-core machine; the point is to catch a sleep or a slow scan.
            assertThat(millis).isLessThan(2_000);
        }
    }

    @Test
    void eachCompatibilityLevelJudgesLikeConfluent() {
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start()) {
            RestSchemaRegistryClient client = RestSchemaRegistryClient.forUrl(registry.url());
            assertThat(accepts(client, CompatibilityLevel.NONE, TestSchemas.PROBE_V3)).isTrue();
            assertThat(accepts(client, CompatibilityLevel.BACKWARD, TestSchemas.PROBE_V3)).isFalse();
            assertThat(accepts(client, CompatibilityLevel.FORWARD, TestSchemas.PROBE_V3)).isTrue();
            assertThat(accepts(client, CompatibilityLevel.FORWARD, PROBE_WITHOUT_COUNT)).isFalse();
            assertThat(accepts(client, CompatibilityLevel.BACKWARD, PROBE_WITHOUT_COUNT)).isTrue();
            assertThat(accepts(client, CompatibilityLevel.FULL, TestSchemas.PROBE_V2)).isTrue();
            assertThat(accepts(client, CompatibilityLevel.FULL, TestSchemas.PROBE_V3)).isFalse();
            assertThat(acceptsAfterV2(client, CompatibilityLevel.BACKWARD)).isTrue();
            assertThat(acceptsAfterV2(client, CompatibilityLevel.BACKWARD_TRANSITIVE)).isFalse();
            assertThat(acceptsAfterV2(client, CompatibilityLevel.FULL_TRANSITIVE)).isFalse();
        }
    }

    /** Registers v1 under a fresh subject at the given level, then tries candidate. */
    private static boolean accepts(RestSchemaRegistryClient client, CompatibilityLevel level, Schema candidate) {
        String subject = TestSchemas.topic("level") + "-value";
        client.setCompatibility(subject, level);
        client.register(subject, TestSchemas.PROBE_V1);
        boolean predicted = client.testCompatibility(subject, candidate);
        try {
            client.register(subject, candidate);
            assertThat(predicted).as("compatibility check agrees with registration").isTrue();
            return true;
        } catch (SchemaRegistryException e) {
            assertThat(e.isIncompatible()).isTrue();
            assertThat(predicted).as("compatibility check agrees with registration").isFalse();
            return false;
        }
    }

    /** v1, v2 (note with default), then note without default: only transitive levels look back to v1. */
    private static boolean acceptsAfterV2(RestSchemaRegistryClient client, CompatibilityLevel level) {
        String subject = TestSchemas.topic("transitive") + "-value";
        client.setCompatibility(subject, level);
        client.register(subject, TestSchemas.PROBE_V1);
        client.register(subject, TestSchemas.PROBE_V2);
        try {
            client.register(subject, PROBE_V2_NO_DEFAULT);
            return true;
        } catch (SchemaRegistryException e) {
            assertThat(e.errorCode()).isEqualTo(409);
            return false;
        }
    }

    @Test
    void answersWithConfluentShapesAndCodes() throws Exception {
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start()) {
            String url = registry.url();
            String probe = RegistryJson.object().put("schema", TestSchemas.PROBE_V1.toString()).toString();
            assertThat(call(url, "POST", "/subjects/x-value/versions", probe)).hasToString("200 {\"id\":1}");
            assertThat(call(url, "GET", "/subjects/x-value/versions/1", null).toString())
                    .contains("\"subject\":\"x-value\"", "\"version\":1", "\"id\":1", "\"schema\":");
            assertThat(call(url, "GET", "/subjects/x-value/versions/0", null).toString()).startsWith("422").contains("42202");
            assertThat(call(url, "GET", "/subjects/x-value/versions/7", null).toString()).startsWith("404").contains("40402");
            assertThat(call(url, "GET", "/subjects/nope/versions", null).toString()).startsWith("404").contains("40401");
            assertThat(call(url, "GET", "/schemas/ids/99", null).toString()).startsWith("404").contains("40403");
            assertThat(call(url, "POST", "/subjects/y-value/versions", "{\"schema\":\"{\\\"type\\\":\\\"recod\\\"}\"}")
                    .toString()).startsWith("422").contains("42201");
            assertThat(call(url, "POST", "/subjects/y-value/versions", "{\"schema\":\"{}\",\"schemaType\":\"PROTOBUF\"}")
                    .toString()).startsWith("422").contains("42201");
            assertThat(call(url, "PUT", "/config", "{\"compatibility\":\"SIDEWAYS\"}").toString())
                    .startsWith("422").contains("42203");
            assertThat(call(url, "GET", "/config/x-value", null).toString()).startsWith("404").contains("40408");
            assertThat(call(url, "GET", "/config/x-value?defaultToGlobal=true", null))
                    .hasToString("200 {\"compatibilityLevel\":\"BACKWARD\"}");
            assertThat(call(url, "PUT", "/config/x-value", "{\"compatibility\":\"FULL\"}"))
                    .hasToString("200 {\"compatibility\":\"FULL\"}");
            assertThat(call(url, "DELETE", "/subjects", null).toString()).startsWith("405");
            assertThat(call(url, "GET", "/nowhere", null).toString()).startsWith("404");
            assertThat(call(url, "POST", "/subjects/x-value/versions", "not json").toString()).startsWith("400");
            String incompatible = RegistryJson.object().put("schema", TestSchemas.PROBE_V3.toString()).toString();
            assertThat(call(url, "POST", "/compatibility/subjects/x-value/versions/latest?verbose=true", incompatible)
                    .toString()).contains("\"is_compatible\":false", "\"messages\":[", "required");
        }
    }

    @Test
    void subjectNamesWithReservedCharactersRoundTrip() {
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start()) {
            RestSchemaRegistryClient client = RestSchemaRegistryClient.forUrl(registry.url());
            String subject = "a/b c+d%e-value";
            int id = client.register(subject, TestSchemas.PROBE_V1);
            assertThat(client.subjects()).containsExactly(subject);
            assertThat(client.latest(subject).id()).isEqualTo(id);
        }
    }

    @Test
    void sameSchemaTextVariantsShareOneId() throws Exception {
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start()) {
            String url = registry.url();
            String compact = TestSchemas.PROBE_V1.toString();
            String spaced = TestSchemas.PROBE_V1.toString(true);
            JsonNode a = json(call(url, "POST", "/subjects/s-value/versions",
                    RegistryJson.object().put("schema", compact).toString()));
            JsonNode b = json(call(url, "POST", "/subjects/s-value/versions",
                    RegistryJson.object().put("schema", spaced).toString()));
            assertThat(a).isEqualTo(b);
            assertThat(RestSchemaRegistryClient.forUrl(url).versions("s-value")).containsExactly(1);
        }
    }

    private record Reply(int status, String body) {
        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private static Reply call(String base, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(response.statusCode(), response.body());
    }

    private static JsonNode json(Reply reply) throws Exception {
        return RegistryJson.MAPPER.readTree(reply.body());
    }
}
