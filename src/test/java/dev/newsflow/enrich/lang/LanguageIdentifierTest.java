package dev.newsflow.enrich.lang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {

    private final LanguageIdentifier identifier = new LanguageIdentifier();

    @Test
    void declaredLanguageWinsAndIsNormalised() {
        LanguageGuess guess = identifier.identify("Der Präsident sagte am Dienstag", "EN-gb");

        assertThat(guess).isEqualTo(new LanguageGuess("en", 1.0, LanguageGuess.Method.DECLARED));
    }

    @Test
    void englishNewsIsRecognisedByFunctionWords() {
        LanguageGuess guess = identifier.identify("The president said on Tuesday that the talks with Iran were "
                + "constructive and that both sides had agreed to meet again in the coming weeks.", null);

        assertThat(guess.code()).isEqualTo("en");
        assertThat(guess.method()).isEqualTo(LanguageGuess.Method.STOPWORDS);
        assertThat(guess.confidence()).isGreaterThan(0.5);
    }

    @Test
    void germanFrenchAndSpanishAreToldApart() {
        assertThat(identifier.identify("Der Präsident sagte, dass die Gespräche mit dem Iran nicht einfach sind "
                + "und die Regierung auch weiter verhandeln wird.", null).code()).isEqualTo("de");
        assertThat(identifier.identify("Le président a déclaré que les discussions avec les représentants "
                + "sont difficiles et que la situation dans la région reste tendue.", null).code()).isEqualTo("fr");
        assertThat(identifier.identify("El presidente dijo que las conversaciones con los representantes "
                + "del gobierno son difíciles y que la situación es más grave.", null).code()).isEqualTo("es");
    }

    @Test
    void scriptsDecideNonLatinLanguages() {
        assertThat(identifier.identify("Президент России Владимир Путин прибыл в Тегеран", null).code()).isEqualTo("ru");
        assertThat(identifier.identify("وصل الرئيس الروسي إلى طهران", null).code()).isEqualTo("ar");
        assertThat(identifier.identify("東京で会議が開かれました。首相は記者会見で述べた", null).code()).isEqualTo("ja");
    }

    @Test
    void tooLittleEvidenceIsUndetermined() {
        assertThat(identifier.identify("Putin Raisi Erdogan 2022", null).code()).isEqualTo(LanguageGuess.UNDETERMINED);
        assertThat(identifier.identify("", null).method()).isEqualTo(LanguageGuess.Method.UNDETERMINED);
    }
}
