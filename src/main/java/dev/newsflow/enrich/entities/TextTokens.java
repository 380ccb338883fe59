package dev.newsflow.enrich.entities;

import java.util.Arrays;

/**
 * An article's tokens, made once and shared by the entity linker and the topic classifier: the same tokens as
 * {@link Tokenizer} (words and single punctuation marks with folded keys), stored in parallel arrays. Plain ASCII
 * words get no key string at all: their hash (equal to the key's {@code String.hashCode()}) is computed while
 * scanning, and comparisons run case-insensitively against the text, so the hot path allocates almost nothing per
 * token.
 */
public final class TextTokens {

    private final String text;
    private int[] start;
    private int[] end;
    private int[] hash;
    private String[] key;   // null for ASCII words until asked for
    private int size;

    private TextTokens(String text, int capacity) {
        this.text = text;
        start = new int[capacity];
        end = new int[capacity];
        hash = new int[capacity];
        key = new String[capacity];
    }

    private void add(int s, int e, int h, String k) {
        if (size == start.length) {
            int n = size * 2 + 8;
            start = Arrays.copyOf(start, n);
            end = Arrays.copyOf(end, n);
            hash = Arrays.copyOf(hash, n);
            key = Arrays.copyOf(key, n);
        }
        start[size] = s;
        end[size] = e;
        hash[size] = h;
        key[size] = k;
        size++;
    }

    /** The text these tokens are of. */
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

    /** The {@code String.hashCode()} of token i's key. */
    public int hash(int i) {
        return hash[i];
    }

    /** The folded key (allocated on first use for ASCII words). */
    public String key(int i) {
        String k = key[i];
        if (k == null) {
            char[] b = new char[end[i] - start[i]];
            for (int j = 0; j < b.length; j++) {
                char c = text.charAt(start[i] + j);
                b[j] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
            }
            k = new String(b);
            key[i] = k;
        }
        return k;
    }

    /** Whether token i's key equals {@code other}, without making the key. */
    public boolean keyEquals(int i, String other) {
        String k = key[i];
        if (k != null) {
            return k.equals(other);
        }
        int s = start[i];
        int len = end[i] - s;
        if (other.length() != len || other.hashCode() != hash[i]) {
            return false;
        }
        // Token i is ASCII letters and digits; for ASCII on both sides this is String.regionMatches(true, ...).
        for (int j = 0; j < len; j++) {
            char c = text.charAt(s + j);
            char o = other.charAt(j);
            if (c != o) {
                if (o >= 0x80) {
                    return text.regionMatches(true, s, other, 0, len);
                }
                if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != (o >= 'A' && o <= 'Z' ? o + 32 : o)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether token i is the single character c. */
    public boolean is(int i, char c) {
        return end[i] - start[i] == 1 && text.charAt(start[i]) == c;
    }

    /** The tokens of {@code text}. */
    public static TextTokens of(String text) {
        int n = text.length();
        // English news has about one token per five characters, up to one per 4.5: room for one per four
        TextTokens toks = new TextTokens(text, n / 4 + 16);
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (isAsciiWord(c)) {
                    int start = i;
                    boolean ascii = true;
                    int h = 0;
                    while (i < n) {
                        char d = text.charAt(i);
                        if (d < 0x80) {
                            if (!isAsciiWord(d)) {
                                break;
                            }
                            h = 31 * h + (d >= 'A' && d <= 'Z' ? d + 32 : d);
                        } else if (!(Character.isLetterOrDigit(d)
                                || Character.getType(d) == Character.NON_SPACING_MARK)) {
                            break;
                        } else {
                            ascii = false;
                        }
                        i++;
                    }
                    if (ascii) {
                        toks.add(start, i, h, null);
                    } else {
                        String k = TextKeys.key(text, start, i);
                        toks.add(start, i, k.hashCode(), k);
                    }
                } else if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B
                        || (c >= 0x1C && c <= 0x1F)) {
                    i++;
                } else {
                    String k = TextKeys.key(c);
                    toks.add(i, i + 1, k.hashCode(), k);
                    i++;
                }
            } else if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i))
                        || Character.getType(text.charAt(i)) == Character.NON_SPACING_MARK)) {
                    i++;
                }
                String k = TextKeys.key(text, start, i);
                toks.add(start, i, k.hashCode(), k);
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i++;
            } else {
                String k = TextKeys.key(c);
                toks.add(i, i + 1, k.hashCode(), k);
                i++;
            }
        }
        return toks;
    }

    private static final boolean[] WORD = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            WORD[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
    }

    private static boolean isAsciiWord(char c) {
        return WORD[c];
    }
}
