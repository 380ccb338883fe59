package dev.newsflow.topology;

import dev.newsflow.config.ClientProperties;
import dev.newsflow.enrich.LiveModels;
import dev.newsflow.schema.FailureStage;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Checks users' control updates as they arrive; accepted ones go on unchanged, refused ones become dead letters. */
final class ControlValidator implements Processor<byte[], byte[], String, ControlOutcome> {

    private final ControlChannel channel;
    private final LiveModels models;
    private final int maxRecordBytes;
    private final Clock clock;
    private ProcessorContext<String, ControlOutcome> context;

    ControlValidator(ControlChannel channel, LiveModels models, int maxRecordBytes, Clock clock) {
        this.channel = channel;
        this.models = models;
        this.maxRecordBytes = maxRecordBytes;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, ControlOutcome> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        String key = null;
        ControlOutcome outcome;
        try {
            key = record.key() == null ? null : utf8(record.key(), "key");
            if (record.value() != null && record.value().length > maxRecordBytes) {
                throw new ControlUpdateException("record-too-large", "update has " + record.value().length
                        + " bytes; the configured maximum (max-record-bytes) is " + maxRecordBytes);
            }
            String value = record.value() == null ? null : utf8(record.value(), "value");
            channel.check(key, value, models);
            outcome = new ControlOutcome.Accepted(value);
        } catch (ControlUpdateException e) {
            outcome = rejected(record, e.errorCode(), e.getMessage(), e.getCause());
        } catch (RuntimeException e) {
            outcome = rejected(record, channel.invalidCode(), channel.name() + " update rejected: " + e, e);
        }
        context.forward(record.withKey(key).withValue(outcome));
    }

    private ControlOutcome rejected(Record<byte[], byte[]> record, String code, String reason, Throwable cause) {
        RecordMetadata metadata = context.recordMetadata().orElseThrow();
        InputRecord input = new InputRecord(metadata.topic(), metadata.partition(), metadata.offset(),
                record.timestamp(), record.key(), record.value());
        int budget = ClientProperties.maxMessageBytes(maxRecordBytes) - OutputSize.KEY_AND_FRAMING_BYTES;
        return new ControlOutcome.Rejected(DeadLetters.of(new Rejection(FailureStage.VALIDATE, code, reason, cause),
                input, null, clock.instant(), budget));
    }

    private static String utf8(byte[] bytes, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ControlUpdateException("invalid-utf8", "the update's " + what + " is not valid UTF-8 text", e);
        }
    }
}
