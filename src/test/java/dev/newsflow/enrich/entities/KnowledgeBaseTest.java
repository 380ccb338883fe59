package dev.newsflow.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseTest {

    @TempDir
    Path dir;

    @Test
    void theShippedKnowledgeBaseHasEveryCountryAndBigCity() {
        KnowledgeBase kb = KnowledgeBase.loadDefault();

        assertThat(kb.get("country:ir").entity().name()).isEqualTo("Iran");
        assertThat(kb.get("country:tr").aliases()).extracting(Alias::text).contains("Turkey", "Türkiye", "Turkish");
        assertThat(kb.get("city:tehran-ir").entity().type()).isEqualTo(EntityMatch.EntityKind.CITY);
        assertThat(kb.entries().stream().filter(e -> e.entity().type() == EntityMatch.EntityKind.COUNTRY).count())
                .isGreaterThanOrEqualTo(249);
    }

    @Test
    void shortAcronymsBecomeCaseSensitive() {
        KnowledgeBase kb = KnowledgeBase.of("t", "{\"id\":\"org:un\",\"type\":\"ORGANIZATION\",\"name\":\"United Nations\","
                + "\"aliases\":[{\"text\":\"UN\"},{\"text\":\"United Nations\"}]}");

        assertThat(kb.get("org:un").aliases()).filteredOn(a -> a.text().equals("UN")).allMatch(Alias::caseSensitive);
        assertThat(kb.get("org:un").aliases()).filteredOn(a -> a.text().equals("United Nations")).noneMatch(Alias::caseSensitive);
    }

    @Test
    void overridesReplaceAddAndDeleteById() throws IOException {
        KnowledgeBase base = KnowledgeBase.of("v1", String.join("\n",
                "{\"id\":\"org:a\",\"type\":\"ORGANIZATION\",\"name\":\"Alpha Group\",\"aliases\":[{\"text\":\"Alpha Group\"}]}",
                "{\"id\":\"org:b\",\"type\":\"ORGANIZATION\",\"name\":\"Beta Corp\",\"aliases\":[{\"text\":\"Beta Corp\"}]}"));
        Path overrides = Files.writeString(dir.resolve("mine.jsonl"), String.join("\n",
                "# my additions",
                "{\"id\":\"org:a\",\"type\":\"ORGANIZATION\",\"name\":\"Alpha Holdings\",\"aliases\":[{\"text\":\"Alpha Holdings\"}]}",
                "{\"id\":\"org:b\",\"deleted\":true}",
                "{\"id\":\"person:c\",\"type\":\"PERSON\",\"name\":\"Carla Doe\",\"countryCode\":\"FR\"}"));

        KnowledgeBase merged = base.withOverrides(overrides);

        assertThat(merged.get("org:a").entity().name()).isEqualTo("Alpha Holdings");
        assertThat(merged.get("org:b")).isNull();
        assertThat(merged.get("person:c").aliases()).extracting(Alias::text).containsExactly("Carla Doe");
        assertThat(merged.version()).isEqualTo("v1+mine.jsonl");
    }

    @Test
    void aBrokenLineIsAClearError() {
        assertThatThrownBy(() -> KnowledgeBase.of("t", "{\"id\":\"x\"\n"))
                .hasMessageContaining("line 1");
    }
}
