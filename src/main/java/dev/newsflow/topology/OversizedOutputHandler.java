package dev.newsflow.topology;

import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.FailureStage;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' production exception handler: an enriched article that the producer or broker refuses as too
 * large becomes a dead letter {@code output-too-large} and processing goes on, instead of a stream thread that dies
 * and retries the same record for ever. Every other production error still fails the thread.
 *
 * <p>The pipeline's own size check normally stops such records first; this catches an output topic whose
 * {@code max.message.bytes} is lower than the limit newsflow assumes. Under exactly-once the producer aborts the
 * transaction on any send error, so there the record is retried after the thread is replaced; the log says why.
 */
public final class OversizedOutputHandler implements ProductionExceptionHandler {

    /** Streams config key under which the application hands over its {@link Topics} (an object). */
    public static final String TOPICS_CONFIG = "newsflow.production.handler.topics";

    private static final Logger LOG = LoggerFactory.getLogger(OversizedOutputHandler.class);

    private Topics topics;

    /** The Streams settings that install this handler for {@code topics}. */
    public static Map<String, Object> settings(Topics topics) {
        return Map.of(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, OversizedOutputHandler.class,
                TOPICS_CONFIG, topics);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        topics = (Topics) configs.get(TOPICS_CONFIG);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (!(exception instanceof RecordTooLargeException) || topics == null) {
            return Response.fail();
        }
        int bytes = length(record.key()) + length(record.value());
        if (!record.topic().equals(topics.enriched())) {
            // A dead letter refused for its size cannot be dead-lettered again; the input stays at its position.
            LOG.error("Dropped a record of {} bytes for {} that its topic refuses as too large (input {}-{} offset {}): "
                    + "raise the topic's max.message.bytes", bytes, record.topic(), context.topic(), context.partition(),
                    context.offset());
            return Response.resume();
        }
        DeadLetter letter = deadLetter(context, record, exception, bytes);
        LOG.warn("Enriched article {} of {} bytes refused by {}; dead-lettered as output-too-large", letter.getArticleId(),
                bytes, record.topic());
        byte[] value = topics.deadLetterSerde().serializer().serialize(topics.deadLetters(), letter);
        return Response.resume(List.of(new ProducerRecord<>(topics.deadLetters(), null, record.timestamp(), record.key(),
                value)));
    }

    private DeadLetter deadLetter(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception,
                                  int bytes) {
        // The refused article itself says where its input was; the context may already point at a later record.
        EnrichedArticle article = null;
        try {
            article = topics.enrichedSerde().deserializer().deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            LOG.debug("cannot read back the refused article", e);
        }
        boolean known = article != null;
        String topic = known ? article.getProvenance().getSourceTopic() : context.topic();
        return DeadLetter.newBuilder()
                .setErrorCode("output-too-large")
                .setReason("the enriched article of " + bytes + " bytes was refused by topic " + record.topic() + ": "
                        + exception.getMessage())
                .setStage(FailureStage.OTHER)
                .setExceptionClass(exception.getClass().getName())
                .setArticleId(known ? article.getId() : null)
                .setSourceTopic(topic == null ? "unknown" : topic)
                .setSourcePartition(known ? article.getProvenance().getSourcePartition() : context.partition())
                .setSourceOffset(known ? article.getProvenance().getSourceOffset() : context.offset())
                .setSourceTimestamp(Instant.ofEpochMilli(Math.max(0, record.timestamp() == null ? 0 : record.timestamp())))
                .setOriginalKey(wrap(context.sourceRawKey()))
                .setOriginalValue(wrap(context.sourceRawValue()))
                .setFailedAt(Instant.now())
                .setPipelineVersion(PipelineVersion.VERSION)
                .build();
    }

    private static ByteBuffer wrap(byte[] bytes) {
        return bytes == null ? null : ByteBuffer.wrap(bytes);
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }
}
