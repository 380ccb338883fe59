package dev.newsflow.enrich.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads CoNLL-format NER files: CoNLL-2003 (space-separated columns, tag last, IOB1, CRLF, {@code -DOCSTART-}
 * lines) and re3d (tab-separated token and IOB2 tag, no document marks; types mapped Person to PER,
 * Organisation to ORG, Location to LOC, all others to O). Tags are turned into entity spans.
 */
public final class Conll {

    /** A sentence: tokens and gold entity spans (types PER, ORG, LOC, MISC). */
    public record Sentence(String[] tokens, List<NameSpan> spans) { }

    /** A document: its sentences in order. */
    public record Doc(List<Sentence> sentences) { }

    private Conll() { }

    /** Reads a file; every {@code -DOCSTART-} starts a new document (a file with none is one document). */
    public static List<Doc> read(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r);
        }
    }

    public static List<Doc> read(BufferedReader r) throws IOException {
        List<Doc> docs = new ArrayList<>();
        List<Sentence> cur = new ArrayList<>();
        List<String> toks = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        String line;
        while ((line = r.readLine()) != null) {
            line = line.strip();
            if (line.isEmpty()) {
                flush(toks, tags, cur);
                continue;
            }
            String[] cols = line.split(line.indexOf('\t') >= 0 ? "\t" : " ");
            if (cols[0].equals("-DOCSTART-")) {
                flush(toks, tags, cur);
                if (!cur.isEmpty()) {
                    docs.add(new Doc(cur));
                    cur = new ArrayList<>();
                }
                continue;
            }
            toks.add(cols[0]);
            tags.add(cols.length > 1 ? mapTag(cols[cols.length - 1]) : "O");
        }
        flush(toks, tags, cur);
        if (!cur.isEmpty()) {
            docs.add(new Doc(cur));
        }
        return docs;
    }

    private static void flush(List<String> toks, List<String> tags, List<Sentence> cur) {
        if (toks.isEmpty()) {
            return;
        }
        cur.add(new Sentence(toks.toArray(new String[0]), spans(tags.toArray(new String[0]))));
        toks.clear();
        tags.clear();
    }

    /** Maps re3d type names to PER/ORG/LOC (others to O); CoNLL tags pass through. */
    static String mapTag(String tag) {
        if (tag.equals("O") || tag.length() < 3 || tag.charAt(1) != '-') {
            return "O";
        }
        String type = tag.substring(2);
        String mapped = switch (type) {
            case "PER", "ORG", "LOC", "MISC" -> type;
            case "Person" -> "PER";
            case "Organisation" -> "ORG";
            case "Location" -> "LOC";
            default -> null;
        };
        return mapped == null ? "O" : tag.substring(0, 2).toUpperCase(Locale.ROOT) + mapped;
    }

    /** Spans from IOB1 or IOB2 tags (conlleval rules: B- always starts; I- starts after O or another type). */
    public static List<NameSpan> spans(String[] tags) {
        List<NameSpan> out = new ArrayList<>();
        int start = -1;
        String type = null;
        for (int i = 0; i <= tags.length; i++) {
            String t = i < tags.length ? tags[i] : "O";
            String ty = t.equals("O") ? null : t.substring(2);
            boolean begin = ty != null && (t.startsWith("B-") || !ty.equals(type));
            if (type != null && (ty == null || begin)) {
                out.add(new NameSpan(start, i, type));
                type = null;
            }
            if (begin) {
                start = i;
                type = ty;
            }
        }
        return out;
    }
}
