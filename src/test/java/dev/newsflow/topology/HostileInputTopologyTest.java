package dev.newsflow.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.registry.EmbeddedSchemaRegistry;
import dev.newsflow.registry.WireFormat;
import dev.newsflow.schema.BodyFormat;
import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schema.FailureStage;
import dev.newsflow.schema.RawArticle;
import dev.newsflow.schema.Source;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hostile input corpus: every kind of bad record a crawler (or an attacker) can send, through the real topology
 * with the production enricher. Each yields exactly one output, a documented dead-letter code or an enriched article.
 */
class HostileInputTopologyTest {

    private static EmbeddedSchemaRegistry registry;
    private static final Set<String> PRODUCED = new HashSet<>();
    private TopologyHarness harness;

    @BeforeAll
    static void startRegistry() {
        registry = EmbeddedSchemaRegistry.start(0, null);
    }

    @AfterAll
    static void everyDocumentedCodeIsProducedSomewhere() {
        registry.close();
        Set<String> expected = new HashSet<>(DeadLetterCodes.documented().keySet());
        // Only a bug produces the bug codes; malformed-record is the catch-all for a deserializer other than ours;
        // output-too-large needs a smaller output limit and is tested on its own.
        expected.removeAll(OutputChecks.BUG_CODES);
        expected.remove("malformed-record");
        expected.remove("output-too-large");
        // Refused rule, knowledge-base and subscription updates come from the control topics: ControlTopologyTest and
        // AlertTopologyTest cover them.
        expected.removeAll(Set.of("rules-bad-key", "invalid-rules", "rules-unknown-entity", "kb-bad-key",
                "invalid-kb-entry", "subscription-bad-key", "invalid-subscription"));
        assertThat(PRODUCED).as("codes this corpus produced").containsAll(expected);
    }

    @BeforeEach
    void start() {
        harness = TopologyHarness.start(registry);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private static RawArticle.Builder article(String id) {
        return RawArticle.newBuilder()
                .setId(id)
                .setUrl("https://example.com/world/" + id)
                .setSource(new Source("Example Wire", null))
                .setTitle("Talks resume in Geneva")
                .setBody("Delegations from Iran and the United States met in Geneva on Monday.\n\nThey will meet again.")
                .setFetchedAt(TopologyHarness.NOW.minusSeconds(60));
    }

    /** Pipes the value, checks the contract's invariants and the code; returns the output for more checks. */
    private TopologyHarness.Output expect(byte[] value, String code) {
        TopologyHarness.Output out = harness.pipe(value);
        OutputChecks.check(out, value);
        PRODUCED.add(out.code());
        assertThat(out.code()).as(out.letter() == null ? "enriched" : out.letter().getReason()).isEqualTo(code);
        return out;
    }

    private TopologyHarness.Output expect(RawArticle article, String code) {
        return expect(harness.bytes(article), code);
    }

    @Test
    void bytesThatAreNotTheWireFormat() {
        expect((byte[]) null, "null-value");
        expect(new byte[0], "null-value");
        expect(new byte[] {0, 0, 1}, "too-short");
        DeadLetter json = expect("{\"id\":\"x\",\"title\":\"t\"}".getBytes(StandardCharsets.UTF_8), "bad-magic-byte").letter();
        assertThat(json.getReason()).contains("0x7b");
        expect(new byte[] {1, 0, 0, 0, 1, 2, 2, 'a'}, "bad-magic-byte");
        expect(new byte[] {0, 0x7f, 0x12, 0x34, 0x56, 2, 'a'}, "unknown-schema-id");
    }

    @Test
    void avroBodiesThatAreBroken() {
        byte[] good = harness.bytes(article("good").build());
        expect(Arrays.copyOf(good, good.length / 2), "malformed-avro");
        expect(Arrays.copyOf(good, WireFormat.HEADER_SIZE), "malformed-avro");
        byte[] trailing = Arrays.copyOf(good, good.length + 3);
        expect(trailing, "malformed-avro");
        // A string length claiming a gigabyte must be refused, not allocated.
        byte[] hugeLength = good.clone();
        byte[] claim = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x08};
        byte[] lying = new byte[hugeLength.length + claim.length - 1];
        System.arraycopy(hugeLength, 0, lying, 0, WireFormat.HEADER_SIZE);
        System.arraycopy(claim, 0, lying, WireFormat.HEADER_SIZE, claim.length);
        System.arraycopy(hugeLength, WireFormat.HEADER_SIZE + 1, lying, WireFormat.HEADER_SIZE + claim.length,
                hugeLength.length - WireFormat.HEADER_SIZE - 1);
        expect(lying, "malformed-avro");
        expect(good, "enriched");
    }

    @Test
    void anIdWrittenAsAnIntIsAnIncompatibleSchema() throws IOException {
        Schema intId = new Schema.Parser().parse("""
                {"type": "record", "name": "RawArticle", "namespace": "dev.newsflow.schema", "fields": [
                  {"name": "id", "type": "int"},
                  {"name": "url", "type": "string"},
                  {"name": "title", "type": "string"},
                  {"name": "body", "type": "string"},
                  {"name": "fetchedAt", "type": "long"}
                ]}""");
        int schemaId = harness.registry().register("some-other-crawler-value", intId);
        GenericRecord record = new GenericRecordBuilder(intId).set("id", 42).set("url", "https://example.com/a")
                .set("title", "t").set("body", "b").set("fetchedAt", 1L).build();

        DeadLetter letter = expect(wire(schemaId, intId, record), "incompatible-schema").letter();

        assertThat(letter.getReason()).contains("id");
        assertThat(letter.getStage()).isEqualTo(FailureStage.DESERIALIZE);
    }

    @Test
    void invalidUtf8InAStringIsRefusedNotReplaced() {
        byte[] good = harness.bytes(article("utf8").setBody("caf\u00e9 talks resumed on Monday").build());
        byte[] bad = good.clone();
        int e = indexOf(bad, new byte[] {(byte) 0xC3, (byte) 0xA9});
        bad[e] = (byte) 0xFF; // never valid in UTF-8

        DeadLetter letter = expect(bad, "invalid-utf8").letter();

        assertThat(letter.getReason()).contains("UTF-8");
        assertThat(letter.getStage()).isEqualTo(FailureStage.DESERIALIZE);
    }

    @Test
    void sizeLimitsAreEnforcedWithTheLimitInTheReason() {
        DeadLetter record = expect(new byte[1_048_577], "record-too-large").letter();
        assertThat(record.getReason()).contains("1048577").contains("max-record-bytes");

        DeadLetter body = expect(article("big").setBody("word ".repeat(100_001)).build(), "body-too-large").letter();
        assertThat(body.getReason()).contains("max-body-chars").contains("500000");
        expect(article("big-title").setTitle("t".repeat(500_001)).build(), "title-too-large");
    }

    @Test
    void contractViolationsOfTheFields() {
        expect(article(" ").build(), "missing-id");
        expect(article("x".repeat(513)).build(), "id-too-long");
        expect(article("a\u0000b").build(), "invalid-id");
        expect(article("a\u202Eb").build(), "invalid-id");
        expect(article("no-url").setUrl("").build(), "missing-url");
        expect(article("bad-url").setUrl("javascript:alert(1)").build(), "invalid-url");
        expect(article("no-source").setSource(new Source(" ", null)).build(), "missing-source");
        expect(article("no-body").setBody("").build(), "empty-body");
        expect(article("bad-lang").setLanguage("<script>").build(), "invalid-language");
        expect(article("no-fetch").setFetchedAt(Instant.EPOCH).build(), "missing-fetched-at");
    }

    @Test
    void datesMissingOrInTheFuture() {
        expect(article("no-date").setPublishedAt(null).build(), "enriched");
        expect(article("skewed").setPublishedAt(TopologyHarness.NOW.plusSeconds(3600)).build(), "enriched");
        DeadLetter future = expect(article("future").setPublishedAt(Instant.parse("2126-01-01T00:00:00Z")).build(),
                "future-date").letter();
        assertThat(future.getReason()).contains("publishedAt").contains("2126-01-01");
        expect(article("micros").setFetchedAt(Instant.ofEpochMilli(TopologyHarness.NOW.toEpochMilli() * 1000)).build(),
                "future-date");
        expect(article("max").setPublishedAt(Instant.ofEpochMilli(Long.MAX_VALUE)).build(), "future-date");
        expect(article("old").setPublishedAt(Instant.ofEpochMilli(-1)).build(), "enriched");
    }

    @Test
    void invisibleAndDirectionalCharactersAreRemovedFromTheText() {
        String sneaky = "Iran\u200B and the \u202EUnited States\u202C met\u0007 in \uFEFFGeneva\u2066.\u2069 ";
        var out = expect(article("invisible").setTitle("\u200F\u200E" + sneaky).setBody(sneaky + "\n\n" + sneaky).build(),
                "enriched");

        assertThat(out.article().getText()).doesNotContain("\u200B", "\u202E", "\u0007", "\uFEFF", "\u2066");
        expect(article("only-invisible").setBody("\u200B\u200C\u200D\u2060\uFEFF\u202E").build(), "empty-body");
        expect(article("rtl").setTitle("").setBody("\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627").build(),
                "enriched");
    }

    @Test
    void emptyTitlesAndMarkupOnlyBodies() {
        var out = expect(article("no-title").setTitle("").build(), "enriched");
        assertThat(out.article().getBodyStart()).isZero();
        expect(article("markup").setBodyFormat(BodyFormat.HTML).setBody("<script>x()</script><style>p{}</style><p> </p>")
                .build(), "empty-body");
    }

    @Test
    void deeplyNestedAndHugeHtmlIsConvertedNotFatal() {
        String nested = "<div>".repeat(90_000) + "Iran and Iraq signed the accord." + "</div>".repeat(10);
        expect(article("nested").setBodyFormat(BodyFormat.HTML).setBody(nested).build(), "enriched");
        String unclosed = "<b><i><a href='x'>".repeat(20_000) + "Drones over Kyiv";
        expect(article("unclosed").setBodyFormat(BodyFormat.HTML).setBody(unclosed).build(), "enriched");
        String huge = "<p>Officials in Tehran said the talks were <b>useful</b>.</p>".repeat(7_000);
        expect(article("huge-html").setBodyFormat(BodyFormat.HTML).setBody(huge).build(), "enriched");
    }

    @Test
    void pathologicalTokensAreProcessed() {
        expect(article("dashes").setBody("a\u2014".repeat(50_000)).build(), "enriched");
        expect(article("long-token").setBody("x".repeat(400_000)).build(), "enriched");
        expect(article("punctuation").setBody(".,;:!?()[]{}\"'".repeat(30_000)).build(), "enriched");
    }

    @Test
    void duplicateIdsAreEachProcessedOnce() {
        RawArticle same = article("dup").build();
        expect(same, "enriched");
        expect(same, "enriched");
        expect(article("dup").setBody("A different body about Syria and Turkey.").build(), "enriched");
    }

    private static byte[] wire(int schemaId, Schema schema, GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] header = new byte[WireFormat.HEADER_SIZE];
        WireFormat.writeHeader(schemaId, header, 0);
        out.write(header);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema, GenericData.get()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
