package dev.newsflow.chaos;

/**
 * The output of a chaos run, tallied against its inputs.
 *
 * @param enriched     enriched records read
 * @param deadLettered dead-letter records read
 * @param missing      inputs with no output at all
 * @param duplicated   outputs beyond the first for an input (an id seen three times counts two)
 * @param unexpected   outputs whose id was never sent
 */
public record OutputCounts(long enriched, long deadLettered, long missing, long duplicated, long unexpected) {

    public boolean exactlyOnce() {
        return missing == 0 && duplicated == 0 && unexpected == 0;
    }
}
