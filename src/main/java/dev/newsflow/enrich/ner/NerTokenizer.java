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

    /** The length of the longest of {@link #ABBREVIATIONS}: a longer word is none of them. */
    private static final int LONGEST_ABBREVIATION =
            ABBREVIATIONS.stream().mapToInt(String::length).max().orElse(0);

    private NerTokenizer() { }

    /**
     * The tokens of a text as character offsets, grouped into sentences, without a string or an object per token:
     * token i is {@code text[start(i), end(i))}; sentence k is the tokens {@code [sentenceStart(k), sentenceEnd(k))}.
     * The same tokens and sentences as {@link #tokenize} and {@link #sentences}.
     */
    public static final class Offsets {
        private final String text;
        private int[] start = new int[64];
        private int[] end = new int[64];
        private int size;
        /** Exclusive end token of each sentence. */
        private int[] sentenceEnd = new int[16];
        private int sentences;
        /** Trailing punctuation waiting to be emitted, innermost chunk last (see {@link #splitChunk}). */
        private int[] tailStart = new int[8];
        private int[] tailEnd = new int[8];
        private int tails;

        private Offsets(String text) {
            this.text = text;
        }

        /** The tokenised text. */
        public String text() {
            return text;
        }

        public int size() {
            return size;
        }

        public int start(int i) {
            return start[i];
        }

        public int end(int i) {
            return end[i];
        }

        /** The start offsets of the tokens, at [0, size()) (the array itself: do not change it). */
        int[] starts() {
            return start;
        }

        /** The end offsets of the tokens, at [0, size()) (the array itself: do not change it). */
        int[] ends() {
            return end;
        }

        /** Token i's text (a new string). */
        public String token(int i) {
            return text.substring(start[i], end[i]);
        }

        public int sentenceCount() {
            return sentences;
        }

        /** The first token of sentence k. */
        public int sentenceStart(int k) {
            return k == 0 ? 0 : sentenceEnd[k - 1];
        }

        /** One past the last token of sentence k. */
        public int sentenceEnd(int k) {
            return sentenceEnd[k];
        }

        /** Whether token i is exactly {@code s}. */
        boolean is(int i, String s) {
            return end[i] - start[i] == s.length() && text.startsWith(s, start[i]);
        }

        private void add(int s, int e) {
            if (size == start.length) {
                start = java.util.Arrays.copyOf(start, size * 2);
                end = java.util.Arrays.copyOf(end, size * 2);
            }
            start[size] = s;
            end[size] = e;
            size++;
        }

        private void pushTail(int s, int e) {
            if (tails == tailStart.length) {
                tailStart = java.util.Arrays.copyOf(tailStart, tails * 2);
                tailEnd = java.util.Arrays.copyOf(tailEnd, tails * 2);
            }
            tailStart[tails] = s;
            tailEnd[tails] = e;
            tails++;
        }

        private void endSentence(int tokenEnd) {
            if (sentences == sentenceEnd.length) {
                sentenceEnd = java.util.Arrays.copyOf(sentenceEnd, sentences * 2);
            }
            sentenceEnd[sentences++] = tokenEnd;
        }
    }

    /** Tokenises {@code text}; never throws; returns an empty list for null or blank text. */
    public static List<Token> tokenize(String text) {
        List<Token> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Offsets o = offsets(text);
        for (int i = 0; i < o.size(); i++) {
            out.add(new Token(o.token(i), o.start(i), o.end(i)));
        }
        return out;
    }

    /** Tokenises {@code text} and splits the tokens into sentences at {@code . ! ?} (not after abbreviations). */
    public static List<List<Token>> sentences(String text) {
        List<List<Token>> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Offsets o = offsets(text);
        for (int k = 0; k < o.sentenceCount(); k++) {
            List<Token> cur = new ArrayList<>(o.sentenceEnd(k) - o.sentenceStart(k));
            for (int i = o.sentenceStart(k); i < o.sentenceEnd(k); i++) {
                cur.add(new Token(o.token(i), o.start(i), o.end(i)));
            }
            out.add(cur);
        }
        return out;
    }

    /** The tokens and sentences of {@code text} (non-null) as offsets. */
    public static Offsets offsets(String text) {
        Offsets out = new Offsets(text);
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
        // sentences end at . ! ? ... and swallow the closing quotes and brackets that follow; at most 200 tokens
        int from = 0;
        for (int k = 0; k < out.size; k++) {
            if (out.is(k, ".") || out.is(k, "!") || out.is(k, "?") || out.is(k, "...")) {
                while (k + 1 < out.size && isCloser(out, k + 1)) {
                    k++;
                }
                out.endSentence(k + 1);
                from = k + 1;
            } else if (k + 1 - from >= 200) {
                out.endSentence(k + 1);
                from = k + 1;
            }
        }
        if (from < out.size) {
            out.endSentence(out.size);
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

    private static boolean isCloser(Offsets o, int i) {
        return o.is(i, "\"") || o.is(i, "'") || o.is(i, ")") || o.is(i, "]") || o.is(i, "\u201d")
                || o.is(i, "\u2019") || o.is(i, "''");
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
    private static void splitChunk(String text, int s, int e, Offsets out) {
        // trailing punctuation of every nested chunk, collected outermost first and emitted innermost first (so in
        // reverse) once the chunk is done; the ones below tailBase belong to the caller
        int tailBase = out.tails;
        while (true) {
            // leading punctuation
            while (s < e && (isOpenPunct(text.charAt(s)) || text.charAt(s) == '$' || isDash(text.charAt(s)))) {
                if (s + 1 < e && text.charAt(s) == '`' && text.charAt(s + 1) == '`') {
                    out.add(s, s + 2);
                    s += 2;
                    continue;
                }
                // keep 's / 'n' style words only when they are the whole chunk; otherwise split the quote
                out.add(s, s + 1);
                s++;
            }
            if (s >= e) {
                break;
            }
            // trailing punctuation, collected in reverse
            while (e > s) {
                char c = text.charAt(e - 1);
                if (isClosePunct(c) || isDash(c) || c == '%') {
                    // keep a trailing apostrophe of a plural possessive ("Jones'") as its own token anyway
                    out.pushTail(e - 1, e);
                    e--;
                } else if (c == '.') {
                    if (e - s >= 3 && text.charAt(e - 2) == '.' && text.charAt(e - 3) == '.') {
                        int k = e - 3;
                        while (k > s && text.charAt(k - 1) == '.') {
                            k--;
                        }
                        out.pushTail(k, e);
                        e = k;
                    } else if (keepsPeriod(text, s, e)) {
                        break;
                    } else {
                        out.pushTail(e - 1, e);
                        e--;
                    }
                } else {
                    break;
                }
            }
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
            out.add(dash, dash + w);
            if (dash + w >= e) {
                break;
            }
            s = dash + w;
        }
        for (int k = out.tails - 1; k >= tailBase; k--) {
            out.add(out.tailStart[k], out.tailEnd[k]);
        }
        out.tails = tailBase;
    }

    /** Whether the word {@code text[s, e)} ending in '.' keeps it (abbreviation, initial, U.S.). */
    private static boolean keepsPeriod(String text, int s, int e) {
        int len = e - s;
        if (len == 1) {
            return false;
        }
        int we = e - 1; // the word without its period: text[s, we)
        if (we - s == 1 && Character.isLetter(text.charAt(s))) {
            return true; // initial: "J."
        }
        int dot = text.indexOf('.', s);
        if (dot >= 0 && dot < we) {
            // U.S. / a.m. / e.g.: letters separated by periods
            boolean ok = true;
            for (int k = s; k < we; k++) {
                char c = text.charAt(k);
                if (!(Character.isLetter(c) || c == '.')) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                return true;
            }
        }
        // lower-casing never shortens a string, so a longer word is no abbreviation
        return we - s <= LONGEST_ABBREVIATION
                && ABBREVIATIONS.contains(text.substring(s, we).toLowerCase(java.util.Locale.ROOT));
    }

    /** Splits clitics off a word with no leading/trailing punctuation and no inner dash. */
    private static void splitWord(String text, int s, int e, Offsets out) {
        // clitics: n't, 's, 're, 've, 'll, 'd, 'm
        int len = e - s;
        if (len > 3 && (text.charAt(e - 3) == 'n' || text.charAt(e - 3) == 'N') && isApos(text.charAt(e - 2))
                && (text.charAt(e - 1) == 't' || text.charAt(e - 1) == 'T')) {
            out.add(s, e - 3);
            out.add(e - 3, e);
            return;
        }
        for (int k = e - 1; k > s; k--) {
            if (isApos(text.charAt(k))) {
                if (isClitic(text, k + 1, e)) {
                    out.add(s, k);
                    out.add(k, e);
                    return;
                }
                break;
            }
        }
        out.add(s, e);
    }

    /** Whether {@code text[s, e)} is, case aside, one of s, re, ve, ll, d, m. */
    private static boolean isClitic(String text, int s, int e) {
        if (e - s == 1) {
            char a = Character.toLowerCase(text.charAt(s));
            return a == 's' || a == 'd' || a == 'm';
        }
        if (e - s == 2) {
            char a = Character.toLowerCase(text.charAt(s));
            char b = Character.toLowerCase(text.charAt(s + 1));
            return a == 'r' && b == 'e' || a == 'v' && b == 'e' || a == 'l' && b == 'l';
        }
        return false;
    }
}
