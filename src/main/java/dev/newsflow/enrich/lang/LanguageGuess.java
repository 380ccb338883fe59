package dev.newsflow.enrich.lang;

/**
 * A language assigned to an article.
 *
 * @param code       ISO 639-1 code, or {@code und} when undetermined
 * @param confidence 0..1
 * @param method     how the code was obtained
 */
public record LanguageGuess(String code, double confidence, Method method) {

    /** The code for an undetermined language (BCP 47). */
    public static final String UNDETERMINED = "und";

    /** How a language was obtained. */
    public enum Method { DECLARED, STOPWORDS, MODEL, UNDETERMINED }

    public static LanguageGuess undetermined() {
        return new LanguageGuess(UNDETERMINED, 0.0, Method.UNDETERMINED);
    }
}
