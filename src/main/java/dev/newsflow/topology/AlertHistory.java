package dev.newsflow.topology;

import dev.newsflow.schema.Alert;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Keeps every alert a subscription raised in the last {@link Topics.AlertTopics#HISTORY_RETENTION}, for
 * {@code GET /api/alerts/{subscription}}. Runs after a repartition by subscription id, so one task holds all of a subscription's alerts and the
 * {@code application.server} metadata finds it. Alerts are stored at the time they were raised, so "recent" means
 * recently alerted, also when a replay alerts on old articles.
 */
final class AlertHistory implements Processor<String, Alert, Void, Void> {

    private WindowStore<String, Alert> history;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        history = context.getStateStore(Topics.AlertTopics.HISTORY_STORE);
    }

    @Override
    public void process(Record<String, Alert> record) {
        Alert alert = record.value();
        // The store is created with retainDuplicates, so two alerts raised in the same millisecond are both kept.
        history.put(alert.getSubscriptionId(), alert, alert.getAlertedAt().toEpochMilli());
    }
}
