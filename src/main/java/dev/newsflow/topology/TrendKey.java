package dev.newsflow.topology;

import dev.newsflow.schema.TrendKind;

/**
 * Keys of the trend stage: {@code topic:<topic id>} and {@code entity:<entity id>} for counts, and
 * {@code <topic id>}, NUL, {@code <entity id>} for an entity's count within a topic. Ids never contain NUL (taxonomy ids are
 * slugs, entity ids come from the knowledge base or normalised names), so the separator is unambiguous.
 */
public final class TrendKey {

    public static final String TOPIC_PREFIX = "topic:";
    public static final String ENTITY_PREFIX = "entity:";
    static final char PAIR_SEPARATOR = '\u0000';

    private TrendKey() {
    }

    public static String topic(String topicId) {
        return TOPIC_PREFIX + topicId;
    }

    public static String entity(String entityId) {
        return ENTITY_PREFIX + entityId;
    }

    static TrendKind kind(String key) {
        if (key.startsWith(TOPIC_PREFIX)) {
            return TrendKind.TOPIC;
        }
        return key.startsWith(ENTITY_PREFIX) ? TrendKind.ENTITY : TrendKind.OTHER;
    }

    /** The topic or entity id without its kind prefix. */
    static String id(String key) {
        int colon = key.indexOf(':');
        return colon < 0 ? key : key.substring(colon + 1);
    }

    /** Key of an entity's count within a topic. */
    public static String pair(String topicId, String entityId) {
        return topicId + PAIR_SEPARATOR + entityId;
    }

    /** The first key of every pair of {@code topicId}; {@link #pairsTo} is the last possible one. */
    public static String pairsFrom(String topicId) {
        return topicId + PAIR_SEPARATOR;
    }

    public static String pairsTo(String topicId) {
        return topicId + (char) (PAIR_SEPARATOR + 1);
    }

    /** The topic of a pair key (or of a {@link #pairsFrom} prefix). */
    public static String pairTopic(String pair) {
        int separator = pair.indexOf(PAIR_SEPARATOR);
        return separator < 0 ? pair : pair.substring(0, separator);
    }

    public static String pairEntity(String pair) {
        return pair.substring(pair.indexOf(PAIR_SEPARATOR) + 1);
    }
}
