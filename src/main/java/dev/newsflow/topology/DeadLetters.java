package dev.newsflow.topology;

import dev.newsflow.schema.DeadLetter;
import java.nio.ByteBuffer;
import java.time.Instant;

/** Builds {@link DeadLetter} records that keep the input's bytes and position next to the reason. */
final class DeadLetters {

    /** Reasons are for people; a multi-megabyte exception message would only bloat the dead-letter topic. */
    static final int MAX_REASON_CHARS = 2000;

    private DeadLetters() {
    }

    static DeadLetter of(Rejection rejection, InputRecord input, String articleId, Instant failedAt) {
        String reason = rejection.reason();
        if (reason.length() > MAX_REASON_CHARS) {
            reason = reason.substring(0, MAX_REASON_CHARS - 3) + "...";
        }
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
                .setOriginalKey(input.key() == null ? null : ByteBuffer.wrap(input.key()))
                .setOriginalValue(input.value() == null ? null : ByteBuffer.wrap(input.value()))
                .setFailedAt(failedAt)
                .setPipelineVersion(PipelineVersion.VERSION)
                .build();
    }
}
