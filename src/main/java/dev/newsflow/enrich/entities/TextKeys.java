package dev.newsflow.enrich.entities;

import java.text.Normalizer;

/** Comparison keys for names: lower-cased and accent-folded, so Erdoğan, ERDOGAN and Erdogan meet. */
public final class TextKeys {

    private TextKeys() {
    }

    /** The folded key of {@code text}. */
    public static String key(CharSequence text) {
        return key(text, 0, text.length());
    }

    /**
     * The folded key of {@code text[start, end)}; ASCII runs, most of English news, allocate only the result.
     */
    public static String key(CharSequence text, int start, int end) {
        int length = end - start;
        char[] ascii = new char[length];
        for (int i = 0; i < length; i++) {
            char c = text.charAt(start + i);
            if (c >= 0x80) {
                return folded(text.subSequence(start, end));
            }
            ascii[i] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return new String(ascii);
    }

    /**
     * Every char's key, kept once: ASCII up front and interned, the rest filled on first use, because
     * {@link Normalizer} makes strings on every call and its ICU code reached the JIT's top tier only after 10 to 18 s
     * of the entity-stage benchmark. A lost race stores an equal string twice, which is harmless.
     */
    private static final String[] CHAR_KEYS = new String[0x10000];

    static {
        for (char c = 0; c < 0x80; c++) {
            CHAR_KEYS[c] = String.valueOf(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c).intern();
        }
    }

    /** The folded key of the single char {@code c}; no allocation after its first use. */
    static String key(char c) {
        String key = CHAR_KEYS[c];
        if (key == null) {
            StringBuilder one = new StringBuilder(2);
            fold(c, one);
            key = one.toString();
            CHAR_KEYS[c] = key;
        }
        return key;
    }

    private static String folded(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
            } else {
                out.append(key(c));
            }
        }
        return out.toString();
    }

    private static void fold(char c, StringBuilder out) {
        switch (c) {
            case '\u2019', '\u2018', '\u02BC', '\u02BB', '`', '\u00B4' -> out.append('\'');
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014' -> out.append('-');
            case '\u0131' -> out.append('i');
            case '\u00DF' -> out.append("ss");
            case '\u00F8', '\u00D8' -> out.append('o');
            case '\u0142', '\u0141' -> out.append('l');
            case '\u0111', '\u0110', '\u00F0', '\u00D0' -> out.append('d');
            case '\u00E6', '\u00C6' -> out.append("ae");
            case '\u0153', '\u0152' -> out.append("oe");
            case '\u00FE', '\u00DE' -> out.append("th");
            default -> {
                String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                for (int i = 0; i < decomposed.length(); i++) {
                    char d = decomposed.charAt(i);
                    if (Character.getType(d) != Character.NON_SPACING_MARK) {
                        out.append(Character.toLowerCase(d));
                    }
                }
            }
        }
    }
}
