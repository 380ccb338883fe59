package dev.newsflow.topology;

import dev.newsflow.schema.DeadLetter;

/** What validation made of one control update: accepted as it is (value null: a tombstone), or a dead letter. */
sealed interface ControlOutcome {

    record Accepted(String value) implements ControlOutcome {
    }

    record Rejected(DeadLetter letter) implements ControlOutcome {
    }
}
