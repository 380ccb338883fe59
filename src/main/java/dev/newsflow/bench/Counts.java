package dev.newsflow.bench;

/** Records into and out of one phase; every input must come out as an output or a dead letter. */
public record Counts(long inputs, long outputs, long deadLetters) {

    public boolean accountedFor() {
        return outputs + deadLetters == inputs;
    }
}
