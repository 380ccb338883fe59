package dev.newsflow.enrich.lang;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cheap language identification: the crawler's declaration when present, else the writing system, else a
 * count of each language's commonest function words over the first few hundred words.
 *
 * <p>News text is long and function words are frequent, so this settles almost every article in microseconds;
 * it answers {@code und} rather than guess when the counts are too close or too few.
 */
public final class LanguageIdentifier {

    private static final int MAX_WORDS = 300;
    private static final int MIN_HITS = 3;
    private static final double MIN_MARGIN = 1.5;

    private static final Map<String, String> LATIN_STOPWORDS = Map.of(
            "en", "the of and to in is that for on was with as by at from it are be this have has said an were not but",
            "de", "der die und das ist nicht den von mit sich des auf für dem ein eine auch als im zu wird sind",
            "fr", "le la les et des est une que dans pour pas sur qui au du ce il elle sont avec aux ont",
            "es", "el la los las y que del en por una con para es se al lo como más pero sus fue",
            "it", "il di che la per non una sono della gli del le si alla nel anche ha dei è",
            "pt", "o os que não uma da do em para com por mais dos das foi ao são também pelo",
            "nl", "de het een en van is dat op te zijn niet met voor er aan ook als bij door",
            "tr", "ve bir bu da de için ile olarak daha çok gibi olan ama ne kadar sonra",
            "id", "yang dan di dengan untuk dari dalam ini itu tidak akan pada juga ada",
            "sv", "och att det som en på är av för med till den har inte om ett");
    /** The languages told apart by function words, in a fixed order (their codes sorted). */
    private static final String[] LANGUAGES = new java.util.TreeSet<>(LATIN_STOPWORDS.keySet()).toArray(String[]::new);
    private static final StopwordIndex STOPWORDS = new StopwordIndex(LATIN_STOPWORDS, LANGUAGES);

    /** Identifies the language of {@code text}, trusting {@code declared} when it is a plausible code. */
    public LanguageGuess identify(String text, String declared) {
        if (declared != null && !declared.isBlank()) {
            return new LanguageGuess(primarySubtag(declared), 1.0, LanguageGuess.Method.DECLARED);
        }
        LanguageGuess byScript = byScript(text);
        if (byScript != null) {
            return byScript;
        }
        return byStopwords(text);
    }

    /** {@code "EN-gb"} becomes {@code "en"}. */
    static String primarySubtag(String code) {
        int dash = code.indexOf('-');
        int underscore = code.indexOf('_');
        int end = dash < 0 ? underscore : (underscore < 0 ? dash : Math.min(dash, underscore));
        return (end < 0 ? code : code.substring(0, end)).trim().toLowerCase(Locale.ROOT);
    }

    private static LanguageGuess byScript(String text) {
        int letters = 0;
        int[] counts = new int[Script.values().length];
        int limit = Math.min(text.length(), 4000);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            if (!isLetter(c)) {
                continue;
            }
            letters++;
            // Latin letters (the vast majority here) identify no language by script: skip the Unicode lookup.
            if (c < 0x0250) {
                continue;
            }
            Script script = Script.of(c);
            if (script != null) {
                counts[script.ordinal()]++;
            }
        }
        if (letters == 0) {
            return null;
        }
        // Japanese mixes kana with Han characters; a modest share of kana already rules out Chinese.
        if (counts[Script.HIRAGANA_KATAKANA.ordinal()] > 0.1 * letters) {
            return new LanguageGuess("ja", 1.0, LanguageGuess.Method.STOPWORDS);
        }
        for (Script script : Script.values()) {
            double share = counts[script.ordinal()] / (double) letters;
            if (share > 0.5) {
                return new LanguageGuess(script.language, Math.min(1.0, share), LanguageGuess.Method.STOPWORDS);
            }
        }
        return null;
    }

    /** {@link Character#isLetter(char)}, without the Unicode tables for ASCII. */
    private static boolean isLetter(char c) {
        return c < 0x80 ? (char) ((c | 0x20) - 'a') < 26 : Character.isLetter(c);
    }

    /** {@link Character#toLowerCase(char)}, without the Unicode tables for ASCII. */
    private static char toLowerCase(char c) {
        return c < 0x80 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(c);
    }

    private static LanguageGuess byStopwords(String text) {
        int[] hits = new int[LANGUAGES.length];
        int words = 0;
        int i = 0;
        int n = text.length();
        while (i < n && words < MAX_WORDS) {
            while (i < n && !isLetter(text.charAt(i))) {
                i++;
            }
            int start = i;
            int hash = 0;
            while (i < n && isLetter(text.charAt(i))) {
                hash = 31 * hash + toLowerCase(text.charAt(i)); // String.hashCode of the lower-cased word
                i++;
            }
            if (i == start) {
                break;
            }
            words++;
            int[] languages = STOPWORDS.languagesOf(text, start, i, hash);
            if (languages != null) {
                for (int language : languages) {
                    hits[language]++;
                }
            }
        }
        int best = -1;
        int bestHits = 0;
        int secondHits = 0;
        for (int language = 0; language < hits.length; language++) {
            int count = hits[language];
            if (count > bestHits) {
                secondHits = bestHits;
                bestHits = count;
                best = language;
            } else if (count > secondHits) {
                secondHits = count;
            }
        }
        if (best < 0 || bestHits < MIN_HITS || bestHits < MIN_MARGIN * secondHits) {
            return LanguageGuess.undetermined();
        }
        double coverage = Math.min(1.0, bestHits / (0.25 * words));
        double margin = 1.0 - secondHits / (double) bestHits;
        return new LanguageGuess(LANGUAGES[best], Math.round(coverage * margin * 1000) / 1000.0,
                LanguageGuess.Method.STOPWORDS);
    }

    /**
     * Function word to the languages it belongs to, looked up straight from the text (case-folded) so that counting
     * the words of an article makes no strings.
     */
    private static final class StopwordIndex {
        private final String[] words;
        private final int[][] languages;
        private final int mask;

        StopwordIndex(Map<String, String> byLanguage, String[] languageCodes) {
            Map<String, List<Integer>> index = new HashMap<>();
            for (int l = 0; l < languageCodes.length; l++) {
                for (String word : byLanguage.get(languageCodes[l]).split(" ")) {
                    index.computeIfAbsent(word, w -> new java.util.ArrayList<>()).add(l);
                }
            }
            int capacity = Integer.highestOneBit(index.size() * 4 - 1) << 1;
            words = new String[capacity];
            languages = new int[capacity][];
            mask = capacity - 1;
            index.forEach((word, ls) -> {
                int slot = word.hashCode() & mask;
                while (words[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                words[slot] = word;
                languages[slot] = ls.stream().mapToInt(Integer::intValue).toArray();
            });
        }

        /** The languages of the lower-cased {@code text[start, end)} whose lower-cased hash is {@code hash}. */
        int[] languagesOf(String text, int start, int end, int hash) {
            int slot = hash & mask;
            String word;
            while ((word = words[slot]) != null) {
                if (word.hashCode() == hash && equalsLowerCased(word, text, start, end)) {
                    return languages[slot];
                }
                slot = (slot + 1) & mask;
            }
            return null;
        }

        private static boolean equalsLowerCased(String word, String text, int start, int end) {
            if (word.length() != end - start) {
                return false;
            }
            for (int k = 0; k < word.length(); k++) {
                if (Character.toLowerCase(text.charAt(start + k)) != word.charAt(k)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Writing systems that identify a language (or its most likely one in news) on their own. */
    private enum Script {
        CYRILLIC("ru"), GREEK("el"), HEBREW("he"), ARABIC("ar"), HANGUL("ko"), HIRAGANA_KATAKANA("ja"),
        HAN("zh"), THAI("th"), DEVANAGARI("hi"), ARMENIAN("hy"), GEORGIAN("ka");

        final String language;

        Script(String language) {
            this.language = language;
        }

        static Script of(char c) {
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            return switch (script) {
                case CYRILLIC -> CYRILLIC;
                case GREEK -> GREEK;
                case HEBREW -> HEBREW;
                case ARABIC -> ARABIC;
                case HANGUL -> HANGUL;
                case HIRAGANA, KATAKANA -> HIRAGANA_KATAKANA;
                case HAN -> HAN;
                case THAI -> THAI;
                case DEVANAGARI -> DEVANAGARI;
                case ARMENIAN -> ARMENIAN;
                case GEORGIAN -> GEORGIAN;
                default -> null;
            };
        }
    }
}
