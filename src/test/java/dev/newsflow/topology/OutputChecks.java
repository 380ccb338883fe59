package dev.newsflow.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Entity;
import dev.newsflow.schema.Evidence;
import dev.newsflow.schema.Mention;
import dev.newsflow.schema.TopicTag;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;

/** What every output must satisfy, whatever the input: the contract's invariants, checked on each record. */
final class OutputChecks {

    /** Codes that mean newsflow itself failed: no input may produce them. */
    static final Set<String> BUG_CODES = Set.of("normalisation-failed", "enrichment-failed");

    private static final Map<String, String> DOCUMENTED = DeadLetterCodes.documented();

    private OutputChecks() {
    }

    static void check(TopologyHarness.Output out, byte[] inputValue) {
        if (out.letter() != null) {
            checkLetter(out.letter(), inputValue);
        } else {
            checkArticle(out.article());
            assertThat(out.key()).isEqualTo(out.article().getId());
        }
    }

    static void checkLetter(DeadLetter letter, byte[] inputValue) {
        assertThat(DOCUMENTED).as("documented dead-letter codes").containsKey(letter.getErrorCode());
        assertThat(DOCUMENTED.get(letter.getErrorCode())).as("documented stage of %s", letter.getErrorCode())
                .contains(letter.getStage().name());
        assertThat(BUG_CODES).as("reason: %s", letter.getReason()).doesNotContain(letter.getErrorCode());
        assertThat(letter.getReason()).isNotBlank().hasSizeLessThanOrEqualTo(DeadLetters.MAX_REASON_CHARS);
        if (inputValue != null && inputValue.length > 0) {
            assertThat(letter.getOriginalValue()).isEqualTo(ByteBuffer.wrap(inputValue));
        }
    }

    static void checkArticle(EnrichedArticle article) {
        String text = article.getText();
        assertThat(text).startsWith(article.getTitle());
        assertThat(article.getBodyStart()).isBetween(0, text.length());
        assertThat(text.substring(article.getBodyStart())).isNotBlank();
        text.chars().forEach(c -> assertThat(c == '\n' || !isInvisible((char) c))
                .as("invisible character U+%04X in the normalised text", c).isTrue());
        for (Entity entity : article.getEntities()) {
            assertThat(entity.getMentionCount()).isGreaterThanOrEqualTo(entity.getMentions().size());
            assertThat(entity.getSalience()).isBetween(0.0, 1.0);
            for (Mention m : entity.getMentions()) {
                assertThat(m.getStart()).isBetween(0, m.getEnd());
                assertThat(m.getEnd()).isLessThanOrEqualTo(text.length());
                assertThat(text.substring(m.getStart(), m.getEnd())).isEqualTo(m.getSurface());
            }
        }
        for (TopicTag topic : article.getTopics()) {
            assertThat(topic.getScore()).isBetween(0.0, 1.0);
            for (Evidence e : topic.getEvidence()) {
                assertThat(e.getStart()).isBetween(0, e.getEnd());
                assertThat(e.getEnd()).isLessThanOrEqualTo(text.length());
            }
        }
    }

    private static boolean isInvisible(char c) {
        return Character.isISOControl(c) || c == '\u200B' || c == '\u200E' || c == '\u200F' || c == '\uFEFF'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
