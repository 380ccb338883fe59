package dev.newsflow.enrich.entities;

import java.util.List;

/**
 * One entity found in a document, with every mention.
 *
 * @param id          stable id: a knowledge-base id, or {@code local:<type>:<normalised name>} for unknown names
 * @param name        canonical name
 * @param type        entity type
 * @param countryCode ISO 3166-1 alpha-2 code where it applies, else null
 * @param wikidataId  Wikidata QID where the knowledge base is certain of it, else null
 * @param linkedBy    which component found it
 * @param salience    0..1, how central the entity is to the document
 * @param mentions    every mention, in text order
 */
public record EntityMatch(String id, String name, EntityKind type, String countryCode, String wikidataId,
                          LinkSource linkedBy, double salience, List<Span> mentions) {

    public EntityMatch {
        mentions = List.copyOf(mentions);
    }

    /** Kinds of entity; COUNTRY, CITY and LOCATION are all places. */
    public enum EntityKind { PERSON, ORGANIZATION, COUNTRY, CITY, LOCATION, OTHER }

    /** The component that found an entity. */
    public enum LinkSource { DICTIONARY, NER, DICTIONARY_AND_NER }
}
