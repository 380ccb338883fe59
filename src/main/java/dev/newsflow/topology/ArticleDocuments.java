package dev.newsflow.topology;

import dev.newsflow.enrich.Document;
import dev.newsflow.enrich.text.NormalisedText;
import dev.newsflow.enrich.text.TextNormaliser;
import dev.newsflow.schema.BodyFormat;
import dev.newsflow.schema.RawArticle;

/** Turns a RawArticle into the enricher's input, the same way for the topology and the offline commands. */
public final class ArticleDocuments {

    private ArticleDocuments() {
    }

    /** The article's one normalised text (HTML converted when the crawler says so). */
    public static NormalisedText normalise(TextNormaliser normaliser, RawArticle raw) {
        return normaliser.normalise(raw.getTitle(), raw.getBody(), raw.getBodyFormat() == BodyFormat.HTML);
    }

    /** The enricher's view of an article whose text was normalised. */
    public static Document of(RawArticle raw, NormalisedText text) {
        return new Document(raw.getId(), text.title(), text.text(), text.bodyStart(), raw.getLanguage(),
                EnrichedArticleMapper.sourceDomain(raw), raw.getPublishedAt());
    }
}
