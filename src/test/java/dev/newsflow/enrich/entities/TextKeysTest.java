package dev.newsflow.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextKeysTest {

    @Test
    void foldsCaseAccentsAndTypographicMarks() {
        assertThat(TextKeys.key("Erdoğan")).isEqualTo("erdogan");
        assertThat(TextKeys.key("ERDOĞAN")).isEqualTo("erdogan");
        assertThat(TextKeys.key("Türkiye’s")).isEqualTo("turkiye's");
        assertThat(TextKeys.key("Łódź")).isEqualTo("lodz");
        assertThat(TextKeys.key("ÆTHER straße")).isEqualTo("aether strasse");
        assertThat(TextKeys.key("São Paulo — Zürich")).isEqualTo("sao paulo - zurich");
    }

    @Test
    void aFoldedCharGivesTheSameKeyOnEveryUse() {
        // the first use of a char computes its folded form, later uses read it back
        for (int round = 0; round < 2; round++) {
            assertThat(TextKeys.key("Ḥamās Ñandú Œuvre")).isEqualTo("hamas nandu oeuvre");
        }
    }
}
