package dev.newsflow.alerts;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The subscriptions in force on one instance. Written by one thread (the global-store thread applying accepted
 * updates), read by every stream thread: each change replaces an immutable snapshot in one volatile write, so a
 * reader sees a whole subscription or none, never half an update.
 */
public final class SubscriptionBook {

    private volatile Map<String, Subscription> byId = Map.of();

    /** Puts {@code subscription} in force, replacing one with the same id. */
    public synchronized void put(Subscription subscription) {
        Map<String, Subscription> next = new LinkedHashMap<>(byId);
        next.put(subscription.id(), subscription);
        byId = Map.copyOf(next);
    }

    /** Withdraws the subscription {@code id}; its stories' state expires on its own. */
    public synchronized void remove(String id) {
        Map<String, Subscription> next = new LinkedHashMap<>(byId);
        next.remove(id);
        byId = Map.copyOf(next);
    }

    public Subscription get(String id) {
        return byId.get(id);
    }

    public Collection<Subscription> all() {
        return byId.values();
    }
}
