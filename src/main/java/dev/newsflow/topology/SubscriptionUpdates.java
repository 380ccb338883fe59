package dev.newsflow.topology;

import dev.newsflow.alerts.InvalidSubscriptionException;
import dev.newsflow.alerts.Subscription;
import dev.newsflow.alerts.SubscriptionBook;
import dev.newsflow.alerts.SubscriptionFormat;
import dev.newsflow.enrich.LiveModels;

/**
 * Watchlist subscriptions as a control channel: the key is the subscription id, the value its JSON
 * ({@link SubscriptionFormat}); a tombstone withdraws it. Accepted ones go into this instance's {@link SubscriptionBook}.
 * They need nothing from the enrichment models, so {@code models} is ignored.
 */
final class SubscriptionUpdates implements ControlChannel {

    private final SubscriptionBook book;

    SubscriptionUpdates(SubscriptionBook book) {
        this.book = book;
    }

    @Override
    public String name() {
        return "subscriptions";
    }

    @Override
    public String invalidCode() {
        return "invalid-subscription";
    }

    @Override
    public void check(String key, String value, LiveModels models) {
        if (key == null || key.isBlank()) {
            throw new ControlUpdateException("subscription-bad-key", "subscriptions must be keyed by their id");
        }
        if (value != null) {
            Subscription subscription = parse(value);
            if (!subscription.id().equals(key)) {
                throw new ControlUpdateException("subscription-bad-key", "the key '" + key
                        + "' differs from the subscription's id '" + subscription.id() + "'");
            }
        }
    }

    @Override
    public void apply(String key, String value, LiveModels models) {
        if (value == null) {
            book.remove(key);
        } else {
            book.put(parse(value));
        }
    }

    private static Subscription parse(String json) {
        try {
            return SubscriptionFormat.parse(json);
        } catch (InvalidSubscriptionException e) {
            throw new ControlUpdateException("invalid-subscription", "subscription rejected: " + e.getMessage(), e);
        }
    }
}
