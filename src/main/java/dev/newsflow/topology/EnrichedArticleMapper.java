package dev.newsflow.topology;

import dev.newsflow.enrich.EnricherVersions;
import dev.newsflow.enrich.Enrichment;
import dev.newsflow.enrich.dedup.ContentHash;
import dev.newsflow.enrich.dedup.StoryAssignment;
import dev.newsflow.enrich.dedup.UrlCanonicaliser;
import dev.newsflow.enrich.entities.EntityMatch;
import dev.newsflow.enrich.entities.Span;
import dev.newsflow.enrich.lang.LanguageGuess;
import dev.newsflow.enrich.text.NormalisedText;
import dev.newsflow.enrich.topics.TopicMatch;
import dev.newsflow.schema.DuplicateMatch;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Entity;
import dev.newsflow.schema.EntityType;
import dev.newsflow.schema.Evidence;
import dev.newsflow.schema.Language;
import dev.newsflow.schema.LanguageMethod;
import dev.newsflow.schema.LinkMethod;
import dev.newsflow.schema.Mention;
import dev.newsflow.schema.Provenance;
import dev.newsflow.schema.RawArticle;
import dev.newsflow.schema.Source;
import dev.newsflow.schema.Story;
import dev.newsflow.schema.TopicTag;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Maps the enrich room's plain values onto the {@link EnrichedArticle} Avro contract. */
final class EnrichedArticleMapper {

    /**
     * Caps on what one record lists, far above any real article; a hostile body naming one entity 80,000 times
     * would otherwise make a record the topic refuses. The record then says {@code truncated}.
     */
    static final int MAX_ENTITIES = 500;
    static final int MAX_MENTIONS_PER_ENTITY = 500;
    static final int MAX_EVIDENCE_PER_TOPIC = 100;

    private EnrichedArticleMapper() {
    }

    static EnrichedArticle toAvro(RawArticle raw, NormalisedText text, Enrichment enrichment,
                                  EnricherVersions versions, InputRecord input, Instant processedAt) {
        String canonicalUrl = UrlCanonicaliser.canonicalise(raw.getUrl());
        return EnrichedArticle.newBuilder()
                .setId(raw.getId())
                .setUrl(raw.getUrl())
                .setCanonicalUrl(canonicalUrl)
                .setSource(source(raw))
                .setTitle(text.title())
                .setText(text.text())
                .setBodyStart(text.bodyStart())
                .setLanguage(language(enrichment.language()))
                .setPublishedAt(raw.getPublishedAt())
                .setFetchedAt(raw.getFetchedAt())
                .setAuthors(authors(raw.getAuthors()))
                .setEntities(entities(enrichment.entities()))
                .setTopics(topics(enrichment.topics()))
                // Provisional: the story stage (StoryTopology) replaces it with the article's real story.
                .setStory(Story.newBuilder()
                        .setStoryId(raw.getId())
                        .setDuplicate(false)
                        .setDuplicateOf(null)
                        .setMatch(DuplicateMatch.NONE)
                        .setContentHash(ContentHash.sha256(text.text()))
                        .build())
                .setProvenance(Provenance.newBuilder()
                        .setPipelineVersion(PipelineVersion.VERSION)
                        .setTaxonomyVersion(versions.taxonomy())
                        .setKnowledgeBaseVersion(versions.knowledgeBase())
                        .setNerModelVersion(versions.nerModel())
                        .setProcessedAt(processedAt)
                        .setSourceTopic(input.topic())
                        .setSourcePartition(input.partition())
                        .setSourceOffset(input.offset())
                        .build())
                .setMetadata(raw.getMetadata())
                .setTruncated(truncated(enrichment))
                .build();
    }

    private static boolean truncated(Enrichment enrichment) {
        return enrichment.entities().size() > MAX_ENTITIES
                || enrichment.entities().stream().anyMatch(e -> e.mentions().size() > MAX_MENTIONS_PER_ENTITY)
                || enrichment.topics().stream().anyMatch(t -> t.evidence().size() > MAX_EVIDENCE_PER_TOPIC);
    }

    /**
     * The article with the story stage's verdict in place of its provisional story. Sets it on {@code article}
     * itself, which the caller must own: the story joiner's articles are fresh from deserialisation, so no deep copy
     * of the whole record (its text, entities and mentions) is needed.
     */
    static EnrichedArticle withStory(EnrichedArticle article, StoryAssignment verdict) {
        Story story = Story.newBuilder(article.getStory())
                .setStoryId(verdict.storyId())
                .setDuplicate(verdict.duplicate())
                .setDuplicateOf(verdict.duplicateOf())
                .setMatch(DuplicateMatch.valueOf(verdict.match().name()))
                .setSimilarity(verdict.similarity())
                .setMatchedId(verdict.matchedId())
                .build();
        article.setStory(story);
        return article;
    }

    private static Source source(RawArticle raw) {
        return new Source(raw.getSource().getName().strip(), sourceDomain(raw));
    }

    /** The crawler's domain, or the URL's host without {@code www.} when the crawler sent none. */
    static String sourceDomain(RawArticle raw) {
        String domain = raw.getSource().getDomain();
        if (domain == null || domain.isBlank()) {
            String host = URI.create(raw.getUrl().trim()).getHost();
            domain = host == null ? null : UrlCanonicaliser.registrableHost(host);
        }
        return domain;
    }

    private static List<String> authors(List<String> authors) {
        List<String> out = new ArrayList<>(authors.size());
        for (String author : authors) {
            String clean = author.strip().replaceAll("\\s+", " ");
            if (!clean.isEmpty()) {
                out.add(clean);
            }
        }
        return out;
    }

    private static Language language(LanguageGuess guess) {
        return new Language(guess.code(), guess.confidence(), LanguageMethod.valueOf(guess.method().name()));
    }

    private static List<Entity> entities(List<EntityMatch> matches) {
        List<Entity> out = new ArrayList<>(Math.min(matches.size(), MAX_ENTITIES));
        // Most salient first, so the cap drops the least salient entities and each entity's latest mentions.
        for (EntityMatch match : matches.subList(0, Math.min(matches.size(), MAX_ENTITIES))) {
            List<Span> spans = match.mentions().subList(0, Math.min(match.mentions().size(), MAX_MENTIONS_PER_ENTITY));
            List<Mention> mentions = new ArrayList<>(spans.size());
            for (Span span : spans) {
                mentions.add(new Mention(span.start(), span.end(), span.surface()));
            }
            out.add(Entity.newBuilder()
                    .setId(match.id())
                    .setName(match.name())
                    .setType(EntityType.valueOf(match.type().name()))
                    .setCountryCode(match.countryCode())
                    .setWikidataId(match.wikidataId())
                    .setLinkedBy(LinkMethod.valueOf(match.linkedBy().name()))
                    .setMentionCount(match.mentions().size())
                    .setSalience(match.salience())
                    .setMentions(mentions)
                    .build());
        }
        return out;
    }

    private static List<TopicTag> topics(List<TopicMatch> matches) {
        List<TopicTag> out = new ArrayList<>(matches.size());
        for (TopicMatch match : matches) {
            List<TopicMatch.TopicEvidence> kept =
                    match.evidence().subList(0, Math.min(match.evidence().size(), MAX_EVIDENCE_PER_TOPIC));
            List<Evidence> evidence = new ArrayList<>(kept.size());
            for (TopicMatch.TopicEvidence e : kept) {
                evidence.add(new Evidence(e.term(), e.start(), e.end(), e.rulePart(), e.weight()));
            }
            out.add(new TopicTag(match.id(), match.score(), evidence));
        }
        return out;
    }
}
