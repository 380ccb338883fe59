package dev.newsflow.topology;

import dev.newsflow.enrich.LiveModels;

/**
 * One kind of update users publish while the application runs (rules, knowledge-base entries): how it is
 * checked before it is accepted, and how an accepted one takes effect on every instance.
 */
interface ControlChannel {

    /** Short name, used in processor and store names ("rules", "kb"). */
    String name();

    /** The dead-letter code of an update that fails in a way {@link #check} did not name. */
    String invalidCode();

    /**
     * Throws {@link ControlUpdateException} when the update must not be applied.
     *
     * @param value the update, or null for a tombstone
     */
    void check(String key, String value, LiveModels models);

    /** Puts an accepted update (value null: a tombstone) into force. */
    void apply(String key, String value, LiveModels models);
}
