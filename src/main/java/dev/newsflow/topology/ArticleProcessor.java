package dev.newsflow.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Kafka plumbing around {@link ArticlePipeline}: captures the input's position and re-keys by article id. */
final class ArticleProcessor implements Processor<byte[], byte[], String, Outcome> {

    private final ArticlePipeline pipeline;
    private ProcessorContext<String, Outcome> context;

    ArticleProcessor(ArticlePipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public void init(ProcessorContext<String, Outcome> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        RecordMetadata metadata = context.recordMetadata().orElseThrow();
        InputRecord input = new InputRecord(metadata.topic(), metadata.partition(), metadata.offset(),
                record.timestamp(), record.key(), record.value());
        Outcome outcome = pipeline.process(input, record.headers());
        String key = outcome instanceof Outcome.Enriched enriched
                ? enriched.article().getId()
                : ((Outcome.Rejected) outcome).letter().getArticleId();
        context.forward(record.withKey(key).withValue(outcome));
    }
}
