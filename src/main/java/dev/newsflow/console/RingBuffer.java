package dev.newsflow.console;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** The last {@code capacity} items added, oldest first; thread-safe. Bounds what the console keeps in memory. */
final class RingBuffer<T> {

    private final int capacity;
    private final ArrayDeque<T> items;

    RingBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
        this.items = new ArrayDeque<>(capacity);
    }

    /** Adds {@code item}, dropping the oldest when full; returns the dropped item or null. */
    synchronized T add(T item) {
        T dropped = items.size() == capacity ? items.pollFirst() : null;
        items.addLast(item);
        return dropped;
    }

    /** A copy, oldest first, so callers can iterate while the consumer thread adds. */
    synchronized List<T> snapshot() {
        return new ArrayList<>(items);
    }

    synchronized int size() {
        return items.size();
    }

    int capacity() {
        return capacity;
    }
}
