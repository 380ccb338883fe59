package dev.newsflow.client;

import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Entity;
import dev.newsflow.schema.TopicTag;
import java.util.Locale;
import java.util.stream.Collectors;

/** Human-readable renderings of enriched articles and dead letters for terminals (local mode, tail). */
public final class ArticleSummary {

    private static final int TITLE_WIDTH = 72;

    private ArticleSummary() {
    }

    /** A few lines: title, language, source and latency; then entities, topics and story. */
    public static String block(EnrichedArticle article, long latencyMillis) {
        StringBuilder out = new StringBuilder();
        out.append("+ ").append(abbreviate(article.getTitle(), TITLE_WIDTH))
                .append("  [").append(article.getLanguage().getCode())
                .append(String.format(Locale.ROOT, " %.2f", article.getLanguage().getConfidence())).append("]")
                .append("  ").append(article.getSource().getName());
        if (latencyMillis >= 0) {
            out.append("  ").append(latencyMillis).append(" ms");
        }
        out.append('\n');
        out.append("    id ").append(article.getId()).append("  story ").append(article.getStory().getStoryId())
                .append(article.getStory().getDuplicate() ? " (duplicate of " + article.getStory().getDuplicateOf() + ")" : "")
                .append("  chars ").append(article.getText().length()).append('\n');
        out.append("    entities: ").append(entities(article, 8)).append('\n');
        out.append("    topics:   ").append(topics(article)).append('\n');
        return out.toString();
    }

    /** One line for a table: id, language, entity and topic counts, top topics, title. */
    public static String row(EnrichedArticle article) {
        return String.format(Locale.ROOT, "%-18s %-3s %4d %-30s %s", abbreviate(article.getId(), 18),
                article.getLanguage().getCode(), article.getEntities().size(), abbreviate(topics(article), 30),
                abbreviate(article.getTitle(), 60));
    }

    public static String tableHeader() {
        return String.format(Locale.ROOT, "%-18s %-3s %4s %-30s %s", "ID", "LNG", "ENTS", "TOPICS", "TITLE");
    }

    /** One line for a dead letter: code, stage, article id and reason. */
    public static String deadLetter(DeadLetter letter) {
        return "x dead letter " + letter.getErrorCode() + " [" + letter.getStage().name().toLowerCase(Locale.ROOT) + "]"
                + (letter.getArticleId() == null ? "" : " article " + letter.getArticleId())
                + " at " + letter.getSourceTopic() + "/" + letter.getSourcePartition() + "@" + letter.getSourceOffset()
                + ": " + abbreviate(letter.getReason(), 160);
    }

    private static String entities(EnrichedArticle article, int limit) {
        if (article.getEntities().isEmpty()) {
            return "(none)";
        }
        String shown = article.getEntities().stream().limit(limit)
                .map(ArticleSummary::entity)
                .collect(Collectors.joining(", "));
        int more = article.getEntities().size() - limit;
        return more > 0 ? shown + ", +" + more + " more" : shown;
    }

    private static String entity(Entity entity) {
        return entity.getName() + " (" + entity.getType().name().toLowerCase(Locale.ROOT) + " x" + entity.getMentionCount() + ")";
    }

    private static String topics(EnrichedArticle article) {
        if (article.getTopics().isEmpty()) {
            return "(none)";
        }
        return article.getTopics().stream().map(ArticleSummary::topic).collect(Collectors.joining(", "));
    }

    private static String topic(TopicTag topic) {
        return String.format(Locale.ROOT, "%s %.2f", topic.getId(), topic.getScore());
    }

    static String abbreviate(String text, int width) {
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() <= width ? oneLine : oneLine.substring(0, width - 3) + "...";
    }
}
