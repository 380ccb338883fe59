package dev.newsflow.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Keeps the contracts BACKWARD compatible: records written with any released schema must stay readable with
 * the schema in schemas/. Releasing copies schemas/ into src/test/resources/released-schemas/VERSION.
 */
class SchemaCompatibilityTest {

    private static final Path CURRENT = Path.of("schemas");
    private static final Path RELEASED = Path.of("src/test/resources/released-schemas");

    static Stream<Path> releasedSchemas() throws IOException {
        try (Stream<Path> files = Files.walk(RELEASED)) {
            List<Path> all = files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList();
            assertThat(all).as("released schemas").isNotEmpty();
            return all.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("releasedSchemas")
    void currentSchemaReadsEveryReleasedVersion(Path released) throws IOException {
        String file = released.getFileName().toString();
        Schema writer = parse(released.getParent(), file);
        Schema reader = parse(CURRENT, file);

        var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);

        assertThat(result.getType())
                .as("%s must stay BACKWARD compatible with %s: %s", file, released, result.getResult().getIncompatibilities())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void theCheckCatchesARequiredFieldAddedWithoutDefault() throws IOException {
        Schema released = parse(CURRENT, "RawArticle.avsc");
        String json = released.toString().replaceFirst("\\{\"name\":\"id\"",
                "{\"name\":\"priority\",\"type\":\"int\"},{\"name\":\"id\"");
        Schema incompatible = new Schema.Parser().parse(json);

        var result = SchemaCompatibility.checkReaderWriterCompatibility(incompatible, released);

        assertThat(result.getType()).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    @Test
    void generatedClassesMatchTheSchemaFiles() throws IOException {
        // The generator adds Java-only properties (avro.java.string); the binary layout must be the same.
        assertThat(fingerprint(RawArticle.getClassSchema())).isEqualTo(fingerprint(parse(CURRENT, "RawArticle.avsc")));
        assertThat(fingerprint(EnrichedArticle.getClassSchema())).isEqualTo(fingerprint(parse(CURRENT, "EnrichedArticle.avsc")));
        assertThat(fingerprint(DeadLetter.getClassSchema())).isEqualTo(fingerprint(parse(CURRENT, "DeadLetter.avsc")));
        assertThat(fingerprint(TrendSpike.getClassSchema())).isEqualTo(fingerprint(parse(CURRENT, "TrendSpike.avsc")));
        assertThat(fingerprint(Alert.getClassSchema())).isEqualTo(fingerprint(parse(CURRENT, "Alert.avsc")));
    }

    private static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    /** Parses a schema file, with RawArticle first so shared types (Source) resolve as in the build. */
    private static Schema parse(Path dir, String file) throws IOException {
        Schema.Parser parser = new Schema.Parser();
        Schema raw = parser.parse(dir.resolve("RawArticle.avsc").toFile());
        return file.equals("RawArticle.avsc") ? raw : parser.parse(dir.resolve(file).toFile());
    }
}
