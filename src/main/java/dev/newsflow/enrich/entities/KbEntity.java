package dev.newsflow.enrich.entities;

import dev.newsflow.enrich.entities.EntityMatch.EntityKind;

/**
 * An entity of the knowledge base.
 *
 * @param id          stable id such as {@code person:vladimir-putin} or {@code country:ir}
 * @param name        canonical name
 * @param type        entity type
 * @param countryCode ISO 3166-1 alpha-2 code, or null
 * @param wikidataId  Wikidata QID where certain, or null
 * @param rank        tie-breaker when two entities claim one alias: higher wins (curated entries, countries,
 *                    then places by size)
 */
public record KbEntity(String id, String name, EntityKind type, String countryCode, String wikidataId, long rank) {
}
