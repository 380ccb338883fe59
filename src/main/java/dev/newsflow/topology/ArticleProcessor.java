package dev.newsflow.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Kafka plumbing around {@link ArticlePipeline}: captures the input's position and re-keys by article id. */
final class ArticleProcessor implements Processor<byte[], byte[], String, Outcome> {

    private final ArticlePipeline pipeline;
    private final PipelineMetrics metrics;
    private ProcessorContext<String, Outcome> context;

    ArticleProcessor(ArticlePipeline pipeline, PipelineMetrics metrics) {
        this.pipeline = pipeline;
        this.metrics = metrics;
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
        long started = System.nanoTime();
        Outcome outcome = pipeline.process(input, record.headers());
        report(outcome, System.nanoTime() - started);
        String key = outcome instanceof Outcome.Enriched enriched
                ? enriched.article().getId()
                : ((Outcome.Rejected) outcome).letter().getArticleId();
        context.forward(record.withKey(key).withValue(outcome));
    }

    private void report(Outcome outcome, long nanos) {
        if (outcome instanceof Outcome.Enriched enriched) {
            metrics.enriched(enriched.article(), nanos);
        } else {
            metrics.deadLettered(((Outcome.Rejected) outcome).letter(), nanos);
        }
    }
}
