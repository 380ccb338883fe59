package dev.newsflow.topology;

import dev.newsflow.config.Secrets;
import dev.newsflow.schema.DeadLetter;
import java.nio.ByteBuffer;
import java.time.Instant;

/** Builds {@link DeadLetter} records that keep the input's bytes and position next to the reason. */
final class DeadLetters {

    /** Reasons are for people; a multi-megabyte exception message would only bloat the dead-letter topic. */
    static final int MAX_REASON_CHARS = 2000;

    private DeadLetters() {
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    /** Room for everything but the original key and value: reason, ids, topic names, Avro framing. */
    static final int FIELDS_BYTES = 3 * MAX_REASON_CHARS + 4 * 4096;

    /**
     * A dead letter of at most {@code maxBytes}: the original value, then the key, are left out when keeping them
     * would make a record the topic refuses (the reason says so; the input is still at its recorded position).
     */
    static DeadLetter of(Rejection rejection, InputRecord input, String articleId, Instant failedAt, int maxBytes) {
        byte[] key = input.key();
        byte[] value = input.value();
        String omitted = "";
        long room = (long) maxBytes - FIELDS_BYTES;
        if (value != null && length(key) + value.length > room) {
            omitted = " [original value of " + value.length + " bytes left out: too large for the dead-letter topic; it "
                    + "is still at " + input.topic() + "-" + input.partition() + " offset " + input.offset() + "]";
            value = null;
        }
        if (key != null && key.length > room) {
            omitted += " [original key of " + key.length + " bytes left out: too large for the dead-letter topic]";
            key = null;
        }
        // Reasons quote exception messages, which may quote a URL or setting with credentials in it.
        String reason = Secrets.redact(rejection.reason());
        if (reason.length() + omitted.length() > MAX_REASON_CHARS) {
            reason = reason.substring(0, Math.max(0, MAX_REASON_CHARS - omitted.length() - 3)) + "...";
        }
        reason += omitted;
        return DeadLetter.newBuilder()
                .setErrorCode(rejection.errorCode())
                .setReason(reason)
                .setStage(rejection.stage())
                .setExceptionClass(rejection.cause() == null ? null : rejection.cause().getClass().getName())
                .setArticleId(articleId)
                .setSourceTopic(input.topic())
                .setSourcePartition(input.partition())
                .setSourceOffset(input.offset())
                .setSourceTimestamp(Instant.ofEpochMilli(Math.max(0, input.timestamp())))
                .setOriginalKey(key == null ? null : ByteBuffer.wrap(key))
                .setOriginalValue(value == null ? null : ByteBuffer.wrap(value))
                .setFailedAt(failedAt)
                .setPipelineVersion(PipelineVersion.VERSION)
                .build();
    }
}
