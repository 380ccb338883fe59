package dev.newsflow.topology;

import dev.newsflow.enrich.LiveModels;
import dev.newsflow.enrich.entities.KnowledgeBase;

/**
 * Knowledge-base updates: the key is an entity id, the value one entry in the overrides format
 * ({@code {"id": ..., "deleted": true}} removes an entity); a tombstone withdraws the user's change.
 */
final class KnowledgeBaseUpdates implements ControlChannel {

    @Override
    public String name() {
        return "kb";
    }

    @Override
    public String invalidCode() {
        return "invalid-kb-entry";
    }

    @Override
    public void check(String key, String value, LiveModels models) {
        if (key == null || key.isBlank()) {
            throw new ControlUpdateException("kb-bad-key", "knowledge-base updates must be keyed by the entity id");
        }
        if (value != null) {
            KnowledgeBase.Change change = parse(value);
            if (!change.id().equals(key)) {
                throw new ControlUpdateException("kb-bad-key", "the key '" + key + "' differs from the entry's id '"
                        + change.id() + "'");
            }
        }
    }

    @Override
    public void apply(String key, String value, LiveModels models) {
        if (value == null) {
            models.revertKbChange(key);
        } else {
            models.applyKbChange(parse(value));
        }
    }

    private static KnowledgeBase.Change parse(String json) {
        try {
            return KnowledgeBase.parseChange(json);
        } catch (IllegalArgumentException e) {
            throw new ControlUpdateException("invalid-kb-entry", "knowledge-base entry rejected: " + e.getMessage(), e);
        }
    }
}
