package dev.newsflow.topology;

import dev.newsflow.config.ClientProperties;
import dev.newsflow.enrich.Enricher;
import dev.newsflow.enrich.Enrichment;
import dev.newsflow.enrich.text.NormalisedText;
import dev.newsflow.enrich.text.TextNormaliser;
import dev.newsflow.registry.AvroWireException;
import dev.newsflow.schema.FailureStage;
import dev.newsflow.schema.RawArticle;
import java.time.Clock;
import java.util.Optional;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The per-record stages: decode, validate, normalise, enrich, map. Every input ends as exactly one
 * {@link Outcome}; only an unavailable schema registry escapes as an exception, because retrying later
 * fixes it and dead-lettering would lose good articles.
 */
final class ArticlePipeline {

    private final Deserializer<RawArticle> rawDeserializer;
    private final ArticleValidator validator;
    private final TextNormaliser normaliser = new TextNormaliser();
    private final Enricher enricher;
    private final int maxRecordBytes;
    private final int maxOutputBytes;
    private final Clock clock;

    ArticlePipeline(Deserializer<RawArticle> rawDeserializer, Enricher enricher, int maxRecordBytes,
                    int maxBodyChars, Clock clock) {
        this(rawDeserializer, enricher, maxRecordBytes, maxBodyChars, ClientProperties.maxMessageBytes(maxRecordBytes),
                clock);
    }

    /** @param maxOutputBytes the largest record the producer and the output topics accept */
    ArticlePipeline(Deserializer<RawArticle> rawDeserializer, Enricher enricher, int maxRecordBytes,
                    int maxBodyChars, int maxOutputBytes, Clock clock) {
        this.rawDeserializer = rawDeserializer;
        this.validator = new ArticleValidator(maxBodyChars, clock);
        this.enricher = enricher;
        this.maxRecordBytes = maxRecordBytes;
        this.maxOutputBytes = maxOutputBytes;
        this.clock = clock;
    }

    Outcome process(InputRecord input, Headers headers) {
        // Input headers travel on to the output record, so they count against its size.
        int budget = maxOutputBytes - OutputSize.KEY_AND_FRAMING_BYTES - OutputSize.headerBytes(headers);
        Outcome outcome = decodeAndEnrich(input, headers, budget);
        if (outcome instanceof Outcome.Enriched enriched && !OutputSize.fits(enriched.article(), budget)) {
            return rejected(input, enriched.article().getId(), budget, Rejection.of(FailureStage.OTHER,
                    "output-too-large", "the enriched article would take " + OutputSize.exact(enriched.article())
                            + " bytes; the output topic takes " + budget + " (4 x max-record-bytes, less key and headers)"));
        }
        return outcome;
    }

    private Outcome decodeAndEnrich(InputRecord input, Headers headers, int budget) {
        if (input.value() == null || input.value().length == 0) {
            return rejected(input, null, budget, Rejection.of(FailureStage.DESERIALIZE, "null-value",
                    "record has no value (a tombstone or empty record); a RawArticle was expected"));
        }
        // Checked before parsing, so a huge record costs no decoding work.
        if (input.value().length > maxRecordBytes) {
            return rejected(input, null, budget, Rejection.of(FailureStage.DESERIALIZE, "record-too-large",
                    "record value has " + input.value().length + " bytes; the configured maximum (max-record-bytes) is "
                            + maxRecordBytes));
        }
        RawArticle raw;
        try {
            raw = rawDeserializer.deserialize(input.topic(), headers, input.value());
        } catch (AvroWireException e) {
            return rejected(input, null, budget, new Rejection(FailureStage.DESERIALIZE, e.errorCode(), e.getMessage(), e));
        } catch (SerializationException e) {
            if (e.getCause() instanceof RuntimeException cause && isRetriable(cause)) {
                throw cause;
            }
            return rejected(input, null, budget, new Rejection(FailureStage.DESERIALIZE, "malformed-record",
                    "value is not a RawArticle: " + e.getMessage(), e));
        }
        String articleId = raw.getId();
        Optional<Rejection> invalid = validator.validate(raw);
        if (invalid.isPresent()) {
            return rejected(input, articleId, budget, invalid.get());
        }
        NormalisedText text;
        try {
            text = ArticleDocuments.normalise(normaliser, raw);
        } catch (RuntimeException | StackOverflowError e) {
            return rejected(input, articleId, budget, new Rejection(FailureStage.NORMALISE, "normalisation-failed",
                    "text normalisation failed: " + e, e));
        }
        if (text.body().isEmpty()) {
            return rejected(input, articleId, budget, Rejection.of(FailureStage.NORMALISE, "empty-body",
                    "field 'body' has no text left after normalisation (markup, scripts or invisible characters only)"));
        }
        Enrichment enrichment;
        try {
            enrichment = enricher.enrich(ArticleDocuments.of(raw, text));
        } catch (RuntimeException | StackOverflowError e) {
            return rejected(input, articleId, budget, new Rejection(FailureStage.ENRICH, "enrichment-failed",
                    "enrichment failed: " + e, e));
        }
        return new Outcome.Enriched(EnrichedArticleMapper.toAvro(raw, text, enrichment, enricher.versions(), input,
                clock.instant()));
    }

    private Outcome rejected(InputRecord input, String articleId, int budget, Rejection rejection) {
        return new Outcome.Rejected(DeadLetters.of(rejection, input, articleId, clock.instant(), budget));
    }

    private static boolean isRetriable(RuntimeException e) {
        return e instanceof dev.newsflow.registry.SchemaRegistryException registry && registry.isRetriable();
    }
}
