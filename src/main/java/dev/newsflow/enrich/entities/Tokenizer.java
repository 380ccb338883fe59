package dev.newsflow.enrich.entities;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into words (runs of letters and digits) and single punctuation marks, keeping offsets; so
 * "U.S." is U . S . and "al-Assad's" is al - Assad ' s, the same way aliases are split, whatever the text.
 */
public final class Tokenizer {

    private Tokenizer() {
    }

    public static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>(text.length() / 5 + 4);
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i))
                        || Character.getType(text.charAt(i)) == Character.NON_SPACING_MARK)) {
                    i++;
                }
                tokens.add(new Token(start, i, TextKeys.key(text, start, i)));
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i++;
            } else {
                tokens.add(new Token(i, i + 1, TextKeys.key(c)));
                i++;
            }
        }
        return tokens;
    }

    /** The keys of {@code text}'s tokens, for indexing aliases. */
    public static String[] keys(String text) {
        List<Token> tokens = tokenize(text);
        String[] keys = new String[tokens.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = tokens.get(i).key();
        }
        return keys;
    }
}
