package dev.newsflow.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.registry.EmbeddedSchemaRegistry;
import dev.newsflow.registry.WireFormat;
import dev.newsflow.schema.BodyFormat;
import dev.newsflow.schema.FailureStage;
import dev.newsflow.schema.RawArticle;
import dev.newsflow.schema.Source;
import java.time.Instant;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Fuzzing the topology with the production enricher: whatever the bytes, exactly one output per input, a documented
 * dead-letter code that is never a bug code, or an enriched article that keeps the contract's invariants.
 */
class HostileInputProperties {

    private static EmbeddedSchemaRegistry registry;
    private TopologyHarness harness;
    private byte[] valid;

    @BeforeContainer
    static void startRegistry() {
        registry = EmbeddedSchemaRegistry.start(0, null);
    }

    @AfterContainer
    static void stopRegistry() {
        registry.close();
    }

    @BeforeProperty
    void start() {
        harness = TopologyHarness.start(registry);
        valid = harness.bytes(RawArticle.newBuilder().setId("seed").setUrl("https://example.com/a")
                .setSource(new Source("Wire", null)).setTitle("Sanctions on Iran")
                .setBody("Officials in Tehran and Washington met on Monday.").setFetchedAt(TopologyHarness.NOW).build());
    }

    @AfterProperty
    void stop() {
        harness.close();
    }

    @Property(tries = 500)
    void randomBytesAreDeadLetteredWhileDecoding(@ForAll("randomValues") byte[] value) {
        TopologyHarness.Output out = harness.pipe(value);

        OutputChecks.check(out, value);
        Statistics.collect(out.code());
        assertThat(out.letter()).as("random bytes decoded as an article").isNotNull();
        assertThat(out.letter().getStage()).isEqualTo(FailureStage.DESERIALIZE);
    }

    @Property(tries = 400)
    void damagedRecordsGiveOneOutputAndNeverABugCode(@ForAll("damaged") byte[] value) {
        TopologyHarness.Output out = harness.pipe(value);

        OutputChecks.check(out, value);
        Statistics.collect(out.code());
    }

    @Property(tries = 300)
    void avroValidArticlesWithHostileStringsAreEnrichedOrRejectedByTheContract(@ForAll("articles") RawArticle article) {
        byte[] value = harness.bytes(article);
        TopologyHarness.Output out = harness.pipe(value);

        OutputChecks.check(out, value);
        Statistics.collect(out.code());
        if (out.letter() != null) {
            assertThat(out.letter().getStage()).isIn(FailureStage.VALIDATE, FailureStage.NORMALISE);
        } else {
            // The size guard relies on this bound never being below the real size.
            assertThat(OutputSize.upperBound(out.article())).isGreaterThanOrEqualTo(harness.serializedSize(out.article()));
        }
    }

    /** Pure noise, and noise behind a correct header with the id of the real RawArticle schema. */
    @Provide
    Arbitrary<byte[]> randomValues() {
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(300);
        Arbitrary<byte[]> behindHeader = noise.map(tail -> {
            byte[] out = Arrays.copyOf(valid, WireFormat.HEADER_SIZE + tail.length);
            System.arraycopy(tail, 0, out, WireFormat.HEADER_SIZE, tail.length);
            return out;
        });
        return Arbitraries.oneOf(noise, behindHeader);
    }

    /** A valid record truncated, with bytes flipped, or with bytes inserted. */
    @Provide
    Arbitrary<byte[]> damaged() {
        Arbitrary<Integer> position = Arbitraries.integers().between(WireFormat.HEADER_SIZE, valid.length - 1);
        Arbitrary<byte[]> truncated = position.map(p -> Arrays.copyOf(valid, p));
        Arbitrary<byte[]> flipped = Combinators.combine(position.list().ofMinSize(1).ofMaxSize(4), Arbitraries.bytes())
                .as((positions, b) -> {
                    byte[] out = valid.clone();
                    positions.forEach(p -> out[p] ^= (byte) (b == 0 ? 1 : b));
                    return out;
                });
        Arbitrary<byte[]> inserted = Combinators.combine(position, Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8))
                .as((p, extra) -> {
                    byte[] out = new byte[valid.length + extra.length];
                    System.arraycopy(valid, 0, out, 0, p);
                    System.arraycopy(extra, 0, out, p, extra.length);
                    System.arraycopy(valid, p, out, p + extra.length, valid.length - p);
                    return out;
                });
        return Arbitraries.oneOf(truncated, flipped, inserted);
    }

    @Provide
    Arbitrary<RawArticle> articles() {
        // Mostly values the contract accepts, so that about half the articles reach the enricher.
        Arbitrary<String> anyText = Arbitraries.strings().ofMaxLength(40);
        Arbitrary<String> ids = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.strings().alpha().numeric().withChars("-_:./").ofMinLength(1).ofMaxLength(40)),
                Tuple.of(1, anyText), Tuple.of(1, Arbitraries.strings().ofMinLength(500).ofMaxLength(520)));
        Arbitrary<String> urls = Arbitraries.frequencyOf(
                Tuple.of(8, ids.map(id -> "https://Example.COM/news/" + id + "?utm_source=x#f")), Tuple.of(1, anyText));
        Arbitrary<String> sources = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of("Wire", "Le Monde", "新华社")),
                Tuple.of(1, anyText));
        Arbitrary<Instant> realistic = Arbitraries.longs().between(1, TopologyHarness.NOW.toEpochMilli()).map(Instant::ofEpochMilli);
        Arbitrary<Instant> anyTime = Arbitraries.longs().map(Instant::ofEpochMilli);
        Arbitrary<Instant> times = Arbitraries.frequencyOf(Tuple.of(9, realistic), Tuple.of(1, anyTime));
        Arbitrary<RawArticle.Builder> head = Combinators.combine(ids, urls, sources, prose(12), Arbitraries.of(BodyFormat.class),
                Arbitraries.of("en", "pt-BR", "xx", "", "<b>").injectNull(0.5))
                .as((id, url, source, title, format, language) -> RawArticle.newBuilder().setId(id).setUrl(url)
                        .setSource(new Source(source, null)).setTitle(title).setBodyFormat(format).setLanguage(language));
        return Combinators.combine(head, prose(400), times.injectNull(0.3), times, anyText.list().ofMaxSize(3),
                        Arbitraries.maps(anyText, anyText).ofMaxSize(3))
                .as((builder, body, published, fetched, authors, metadata) -> builder.setBody(body)
                        .setPublishedAt(published).setFetchedAt(fetched).setAuthors(authors).setMetadata(metadata).build());
    }

    /** Words the enricher reacts to, markup, invisible and directional characters and random text, shuffled. */
    private static Arbitrary<String> prose(int maxParts) {
        Arbitrary<String> parts = Arbitraries.oneOf(
                Arbitraries.of("Vladimir Putin", "Putin", "Iran", "Tehran", "the United States", "U.S.", "sanctions",
                        "drones", "Ukraine", "war", "said", "Mr.", "Kyiv", "Turkey", "Nice", "Erdoğan", "al-Assad's"),
                Arbitraries.of("<p>", "</p>", "<div>", "<script>x()</script>", "<br/>", "&amp;", "&#x202E;", "<b",
                        "\n", "\n\n", ". ", ", ", "\u2014", "--", "\"", "'", "(", ")"),
                Arbitraries.of("\u200B", "\u200F", "\u202E", "\u2066", "\uFEFF", "\u0000", "\u0007", "\u00AD",
                        "\u0301", "\uD83D\uDE00", "\uD800", "\u05E9\u05DC\u05D5\u05DD", "\u0645\u0631\u062D\u0628\u0627"),
                Arbitraries.strings().ofMaxLength(30));
        return parts.list().ofMaxSize(maxParts).map(list -> String.join(" ", list));
    }

}
