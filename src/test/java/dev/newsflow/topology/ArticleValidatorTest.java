package dev.newsflow.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schema.RawArticle;
import dev.newsflow.schema.Source;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ArticleValidatorTest {

    private final ArticleValidator validator = new ArticleValidator(1000);

    static RawArticle.Builder valid() {
        return RawArticle.newBuilder()
                .setId("a-1")
                .setUrl("https://example.com/world/a-1")
                .setSource(new Source("Example Wire", null))
                .setTitle("Title")
                .setBody("Body text.")
                .setFetchedAt(Instant.parse("2022-07-19T12:00:00Z"));
    }

    private String codeFor(Consumer<RawArticle.Builder> change) {
        RawArticle.Builder builder = valid();
        change.accept(builder);
        return validator.validate(builder.build()).map(Rejection::errorCode).orElse("ok");
    }

    @Test
    void aCompleteArticleIsValid() {
        assertThat(codeFor(b -> { })).isEqualTo("ok");
        assertThat(codeFor(b -> b.setTitle(""))).isEqualTo("ok");
        assertThat(codeFor(b -> b.setLanguage("pt-BR"))).isEqualTo("ok");
    }

    @Test
    void eachViolationHasItsOwnCode() {
        assertThat(codeFor(b -> b.setId(" "))).isEqualTo("missing-id");
        assertThat(codeFor(b -> b.setId("x".repeat(513)))).isEqualTo("id-too-long");
        assertThat(codeFor(b -> b.setId("a\u0000b"))).isEqualTo("invalid-id");
        assertThat(codeFor(b -> b.setUrl(""))).isEqualTo("missing-url");
        assertThat(codeFor(b -> b.setUrl("ftp://example.com/x"))).isEqualTo("invalid-url");
        assertThat(codeFor(b -> b.setUrl("https://exa mple.com/"))).isEqualTo("invalid-url");
        assertThat(codeFor(b -> b.setUrl("/relative/path"))).isEqualTo("invalid-url");
        assertThat(codeFor(b -> b.setSource(new Source(" ", null)))).isEqualTo("missing-source");
        assertThat(codeFor(b -> b.setBody("  "))).isEqualTo("empty-body");
        assertThat(codeFor(b -> b.setBody("x".repeat(1001)))).isEqualTo("body-too-large");
        assertThat(codeFor(b -> b.setLanguage("english please"))).isEqualTo("invalid-language");
        assertThat(codeFor(b -> b.setFetchedAt(Instant.EPOCH))).isEqualTo("missing-fetched-at");
    }

    @Test
    void datesMoreThanADayAheadAreBugsOfTheCrawler() {
        Instant now = Instant.parse("2026-11-28T10:00:00Z");
        ArticleValidator atNoon = new ArticleValidator(1000, java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));

        assertThat(atNoon.validate(valid().setPublishedAt(now.plusSeconds(23 * 3600)).build())).isEmpty();
        assertThat(atNoon.validate(valid().setPublishedAt(now.plusSeconds(25 * 3600)).build()).orElseThrow().errorCode())
                .isEqualTo("future-date");
        assertThat(atNoon.validate(valid().setFetchedAt(Instant.ofEpochMilli(now.toEpochMilli() * 1000)).build())
                .orElseThrow().reason()).contains("fetchedAt").contains("not seconds or microseconds");
    }

    @Test
    void idsWithInvisibleFormattingCharactersAreInvalid() {
        assertThat(codeFor(b -> b.setId("a\u200Bb"))).isEqualTo("invalid-id");
        assertThat(codeFor(b -> b.setId("abc\u202Efdp.exe"))).isEqualTo("invalid-id");
        assertThat(codeFor(b -> b.setId("\u05D0-\u00E9-1"))).isEqualTo("ok");
    }

    @Test
    void reasonsNameTheFieldAndTheLimit() {
        RawArticle tooLong = valid().setBody("x".repeat(1001)).build();

        assertThat(validator.validate(tooLong).orElseThrow().reason()).contains("'body'").contains("1001").contains("1000");
    }
}
