package dev.newsflow.enrich.ner;

import java.util.List;

/**
 * Sentences given as token strings, laid out as the tagger reads them: one text with every token's offsets, the
 * tokens separated by a space; sentence k is the tokens {@code [from[k], to[k])}.
 */
final class Joined {
    final String text;
    final int[] start;
    final int[] end;
    final int[] from;
    final int[] to;

    private Joined(String text, int[] start, int[] end, int[] from, int[] to) {
        this.text = text;
        this.start = start;
        this.end = end;
        this.from = from;
        this.to = to;
    }

    static Joined of(List<String[]> sentences) {
        int total = 0;
        int chars = 0;
        for (String[] s : sentences) {
            total += s.length;
            for (String t : s) {
                chars += t.length() + 1;
            }
        }
        StringBuilder b = new StringBuilder(chars);
        int[] start = new int[total];
        int[] end = new int[total];
        int[] from = new int[sentences.size()];
        int[] to = new int[sentences.size()];
        int i = 0;
        for (int k = 0; k < sentences.size(); k++) {
            from[k] = i;
            for (String t : sentences.get(k)) {
                start[i] = b.length();
                b.append(t);
                end[i] = b.length();
                b.append(' ');
                i++;
            }
            to[k] = i;
        }
        return new Joined(b.toString(), start, end, from, to);
    }
}
