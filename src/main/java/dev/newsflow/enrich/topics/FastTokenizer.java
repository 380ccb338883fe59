package dev.newsflow.enrich.topics;

import dev.newsflow.enrich.entities.TextKeys;
import dev.newsflow.enrich.entities.Tokenizer;
import java.util.Arrays;

/**
 * The same tokens as {@link Tokenizer} (words and single punctuation marks with folded keys), stored in parallel
 * arrays. Plain ASCII words get no key string at all: their hash (equal to the key's {@code String.hashCode()}) is
 * computed while scanning, and comparisons run case-insensitively against the text, so the hot path allocates
 * almost nothing per token.
 */
final class FastTokenizer {

    private static final String[] ASCII_PUNCT = new String[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_PUNCT[c] = String.valueOf(c).intern();
        }
    }

    /** Tokens of one text. */
    static final class Toks {
        final String text;
        int[] start;
        int[] end;
        int[] hash;
        String[] key;   // null for ASCII words until asked for
        int size;

        Toks(String text, int capacity) {
            this.text = text;
            start = new int[capacity];
            end = new int[capacity];
            hash = new int[capacity];
            key = new String[capacity];
        }

        void add(int s, int e, int h, String k) {
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

        int size() {
            return size;
        }

        int start(int i) {
            return start[i];
        }

        int end(int i) {
            return end[i];
        }

        /** The folded key (allocated on first use for ASCII words). */
        String key(int i) {
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

        boolean keyEquals(int i, String other) {
            String k = key[i];
            if (k != null) {
                return k.equals(other);
            }
            int len = end[i] - start[i];
            return other.length() == len && other.hashCode() == hash[i]
                    && text.regionMatches(true, start[i], other, 0, len);
        }

        /** Whether token i is the single character c. */
        boolean is(int i, char c) {
            return end[i] - start[i] == 1 && text.charAt(start[i]) == c;
        }
    }

    private FastTokenizer() {
    }

    static Toks tokenize(String text) {
        char[] a = text.toCharArray();
        int n = a.length;
        Toks toks = new Toks(text, n / 5 + 8);
        int i = 0;
        while (i < n) {
            char c = a[i];
            if (c < 0x80) {
                if (isAsciiWord(c)) {
                    int start = i;
                    boolean ascii = true;
                    int h = 0;
                    while (i < n) {
                        char d = a[i];
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
                        String k = TextKeys.key(text.subSequence(start, i));
                        toks.add(start, i, k.hashCode(), k);
                    }
                } else if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B
                        || (c >= 0x1C && c <= 0x1F)) {
                    i++;
                } else {
                    String k = ASCII_PUNCT[c];
                    toks.add(i, i + 1, k.hashCode(), k);
                    i++;
                }
            } else if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(a[i])
                        || Character.getType(a[i]) == Character.NON_SPACING_MARK)) {
                    i++;
                }
                String k = TextKeys.key(text.subSequence(start, i));
                toks.add(start, i, k.hashCode(), k);
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i++;
            } else {
                String k = TextKeys.key(String.valueOf(c));
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
