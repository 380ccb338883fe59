package dev.newsflow.topology;

import dev.newsflow.schema.Alert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/** Reads the alert history store ({@link AlertHistory}) for interactive queries. */
public final class AlertQueries {

    private AlertQueries() {
    }

    /** The alerts of {@code subscriptionId} raised in [{@code from}, {@code to}], newest first, at most {@code limit}. */
    public static List<Alert> recent(ReadOnlyWindowStore<String, Alert> store, String subscriptionId, Instant from,
                                     Instant to, int limit) {
        List<Alert> alerts = new ArrayList<>();
        try (WindowStoreIterator<Alert> it = store.backwardFetch(subscriptionId, from, to)) {
            while (it.hasNext() && alerts.size() < limit) {
                alerts.add(it.next().value);
            }
        }
        return alerts;
    }
}
