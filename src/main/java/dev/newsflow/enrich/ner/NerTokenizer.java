package dev.newsflow.enrich.ner;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits raw text into CoNLL-2003-style tokens (Penn-Treebank-like: punctuation, possessive {@code 's} and
 * {@code n't} split off; hyphenated words, numbers such as {@code 1,000.5}, and abbreviations such as
 * {@code U.S.} kept whole), each with its character offsets in the input, and groups them into sentences.
 * Stateless and thread-safe.
 */
public final class NerTokenizer {

    /** One token: {@code text.substring(start, end)} of the tokenised input. */
    public record Token(String text, int start, int end) { }

    private static final java.util.Set<String> ABBREVIATIONS = java.util.Set.of(
            "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "maj", "adm",
            "st", "jr", "sr", "inc", "corp", "co", "ltd", "bros", "vs", "no", "jan", "feb", "mar", "apr", "jun",
            "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "ave", "rev", "hon", "pres", "messrs",
            "u.s", "u.k", "u.n", "e.g", "i.e", "etc", "approx", "dept", "univ", "assn", "est", "fig", "gov't");

    private NerTokenizer() { }

    /** Tokenises {@code text}; never throws; returns an empty list for null or blank text. */
    public static List<Token> tokenize(String text) {
        List<Token> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && isSpace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int j = i;
            while (j < n && !isSpace(text.charAt(j))) {
                j++;
            }
            splitChunk(text, i, j, out);
            i = j;
        }
        return out;
    }

    /** Tokenises {@code text} and splits the tokens into sentences at {@code . ! ?} (not after abbreviations). */
    public static List<List<Token>> sentences(String text) {
        List<Token> tokens = tokenize(text);
        List<List<Token>> out = new ArrayList<>();
        List<Token> cur = new ArrayList<>();
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            cur.add(t);
            String s = t.text();
            boolean end = s.equals(".") || s.equals("!") || s.equals("?") || s.equals("...");
            if (end) {
                // swallow closing quotes/brackets that follow the terminator
                while (k + 1 < tokens.size() && isCloser(tokens.get(k + 1).text())) {
                    cur.add(tokens.get(++k));
                }
                out.add(cur);
                cur = new ArrayList<>();
            } else if (cur.size() >= 200) {
                out.add(cur);
                cur = new ArrayList<>();
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur);
        }
        return out;
    }

    /** The texts of {@code tokens}, as the {@link NameFinder} takes them. */
    public static String[] texts(List<Token> tokens) {
        String[] s = new String[tokens.size()];
        for (int k = 0; k < s.length; k++) {
            s[k] = tokens.get(k).text();
        }
        return s;
    }

    private static boolean isCloser(String s) {
        return s.equals("\"") || s.equals("'") || s.equals(")") || s.equals("]") || s.equals("\u201d")
                || s.equals("\u2019") || s.equals("''");
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200b' || c == '\ufeff';
    }

    private static boolean isOpenPunct(char c) {
        return c == '(' || c == '[' || c == '{' || c == '"' || c == '\u201c' || c == '\u201d' || c == '`'
                || c == '\u2018' || c == '\'' || c == '\u00ab' || c == '<' || c == '*' || c == '\u2019';
    }

    private static boolean isClosePunct(char c) {
        return c == ')' || c == ']' || c == '}' || c == '"' || c == '\u201d' || c == '\u201c' || c == ','
                || c == ';' || c == ':' || c == '!' || c == '?' || c == '\u2019' || c == '\'' || c == '\u00bb'
                || c == '>' || c == '*' || c == '\u2018';
    }

    private static boolean isDash(char c) {
        return c == '\u2014' || c == '\u2013' || c == '\u2015' || c == '\u2026' || c == '|' || c == '/';
    }

    private static boolean isApos(char c) {
        return c == '\'' || c == '\u2019';
    }

    /**
     * Splits the non-space chunk {@code text[s, e)}. A dash inside a word starts a new chunk; that is a loop, not
     * recursion, so a 100,000-character chunk of dashed words cannot overflow the stack.
     */
    private static void splitChunk(String text, int s, int e, List<Token> out) {
        // trailing punctuation of every nested chunk, emitted innermost first once the chunk is done
        java.util.ArrayDeque<List<Token>> tails = new java.util.ArrayDeque<>();
        while (true) {
            // leading punctuation
            while (s < e && (isOpenPunct(text.charAt(s)) || text.charAt(s) == '$' || isDash(text.charAt(s)))) {
                if (s + 1 < e && text.charAt(s) == '`' && text.charAt(s + 1) == '`') {
                    out.add(tok(text, s, s + 2));
                    s += 2;
                    continue;
                }
                // keep 's / 'n' style words only when they are the whole chunk; otherwise split the quote
                out.add(tok(text, s, s + 1));
                s++;
            }
            if (s >= e) {
                break;
            }
            // trailing punctuation, collected in reverse
            List<Token> tail = new ArrayList<>(2);
            while (e > s) {
                char c = text.charAt(e - 1);
                if (isClosePunct(c) || isDash(c) || c == '%') {
                    // keep a trailing apostrophe of a plural possessive ("Jones'") as its own token anyway
                    tail.add(tok(text, e - 1, e));
                    e--;
                } else if (c == '.') {
                    if (e - s >= 3 && text.charAt(e - 2) == '.' && text.charAt(e - 3) == '.') {
                        int k = e - 3;
                        while (k > s && text.charAt(k - 1) == '.') {
                            k--;
                        }
                        tail.add(tok(text, k, e));
                        e = k;
                    } else if (keepsPeriod(text, s, e)) {
                        break;
                    } else {
                        tail.add(tok(text, e - 1, e));
                        e--;
                    }
                } else {
                    break;
                }
            }
            tails.push(tail);
            if (e <= s) {
                break;
            }
            // split at em/en dashes and double hyphens inside the word
            int dash = -1;
            int w = 1;
            for (int k = s; k < e; k++) {
                char c = text.charAt(k);
                boolean dd = c == '-' && k + 1 < e && text.charAt(k + 1) == '-';
                if (isDash(c) && c != '/' || dd) {
                    dash = k;
                    while (dd && k + w < e && text.charAt(k + w) == '-') {
                        w++;
                    }
                    break;
                }
            }
            if (dash < 0) {
                splitWord(text, s, e, out);
                break;
            }
            if (dash > s) {
                splitChunk(text, s, dash, out); // holds no dash, so this goes one level deep at most
            }
            out.add(tok(text, dash, dash + w));
            if (dash + w >= e) {
                break;
            }
            s = dash + w;
        }
        while (!tails.isEmpty()) {
            List<Token> tail = tails.pop();
            for (int k = tail.size() - 1; k >= 0; k--) {
                out.add(tail.get(k));
            }
        }
    }

    /** Whether the word {@code text[s, e)} ending in '.' keeps it (abbreviation, initial, U.S.). */
    private static boolean keepsPeriod(String text, int s, int e) {
        int len = e - s;
        if (len == 1) {
            return false;
        }
        String w = text.substring(s, e - 1);
        if (w.length() == 1 && Character.isLetter(w.charAt(0))) {
            return true; // initial: "J."
        }
        if (w.indexOf('.') >= 0) {
            // U.S. / a.m. / e.g.: letters separated by periods
            boolean ok = true;
            for (int k = 0; k < w.length(); k++) {
                char c = w.charAt(k);
                if (!(Character.isLetter(c) || c == '.')) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                return true;
            }
        }
        return ABBREVIATIONS.contains(w.toLowerCase(java.util.Locale.ROOT));
    }

    /** Splits clitics off a word with no leading/trailing punctuation and no inner dash. */
    private static void splitWord(String text, int s, int e, List<Token> out) {
        // clitics: n't, 's, 're, 've, 'll, 'd, 'm
        int len = e - s;
        if (len > 3 && (text.charAt(e - 3) == 'n' || text.charAt(e - 3) == 'N') && isApos(text.charAt(e - 2))
                && (text.charAt(e - 1) == 't' || text.charAt(e - 1) == 'T')) {
            out.add(tok(text, s, e - 3));
            out.add(tok(text, e - 3, e));
            return;
        }
        for (int k = e - 1; k > s; k--) {
            if (isApos(text.charAt(k))) {
                String clitic = text.substring(k + 1, e).toLowerCase(java.util.Locale.ROOT);
                if (clitic.equals("s") || clitic.equals("re") || clitic.equals("ve") || clitic.equals("ll")
                        || clitic.equals("d") || clitic.equals("m")) {
                    out.add(tok(text, s, k));
                    out.add(tok(text, k, e));
                    return;
                }
                break;
            }
        }
        out.add(tok(text, s, e));
    }

    private static Token tok(String text, int s, int e) {
        return new Token(text.substring(s, e), s, e);
    }
}
