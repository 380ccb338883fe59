package dev.newsflow.enrich.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Produces the one normalised text of an article: HTML to text (paragraphs kept), Unicode NFC, invisible and
 * control characters removed, whitespace collapsed, boilerplate lines dropped.
 *
 * <p>Everything is linear in the input length: no backtracking regular expressions, so hostile input cannot
 * stall a stream thread.
 */
public final class TextNormaliser {

    /** Elements whose content is never article text. */
    private static final Set<String> SKIPPED_ELEMENTS = Set.of(
            "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "nav",
            "footer", "aside", "form", "button", "select", "textarea", "head", "figure", "figcaption");

    /** Elements that end a paragraph. */
    private static final Set<String> BLOCK_ELEMENTS = Set.of(
            "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
            "li", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "br", "hr", "address");

    /** Whole lines, compared case-insensitively, that crawlers pick up from page furniture. */
    private static final Set<String> BOILERPLATE_LINES = Set.of(
            "advertisement", "share this article", "share this articlenone", "share this", "none", "share",
            "read more", "related articles", "related", "click here to subscribe", "subscribe", "sign up",
            "continue reading", "skip to main content", "comments", "print", "email", "tweet");

    /** Line prefixes, compared case-insensitively, that mark page furniture rather than reporting. */
    private static final List<String> BOILERPLATE_PREFIXES = List.of(
            "sign up for our newsletter", "subscribe to our newsletter", "click here to", "follow us on",
            "read more:", "related:", "advertisement -", "copyright ©", "© copyright", "all rights reserved");

    /** Lines longer than this are reporting, never furniture, so they skip the boilerplate test. */
    private static final int MAX_BOILERPLATE_LINE = 80;

    /** Normalises a title and body; {@code html} says whether both are HTML. */
    public NormalisedText normalise(String title, String body, boolean html) {
        String cleanTitle = joinLines(cleanLines(html ? htmlToText(title, true) : title));
        List<String> paragraphs = cleanLines(html ? htmlToText(body, false) : body);
        paragraphs.removeIf(TextNormaliser::isBoilerplate);
        String cleanBody = String.join("\n\n", paragraphs);
        if (cleanTitle.isEmpty()) {
            return new NormalisedText("", cleanBody, 0);
        }
        return new NormalisedText(cleanTitle, cleanTitle + "\n\n" + cleanBody, cleanTitle.length() + 2);
    }

    /** HTML to text with one line per block element. */
    static String htmlToText(String html, boolean fragmentIsInline) {
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return html;
        }
        Document doc = fragmentIsInline ? Jsoup.parseBodyFragment(html) : Jsoup.parse(html, "", Parser.htmlParser());
        StringBuilder out = new StringBuilder(html.length() / 2);
        appendText(doc.body() != null ? doc.body() : doc, out);
        return out.toString();
    }

    // Iterative rather than recursive: deeply nested hostile HTML must not overflow the stack.
    private static void appendText(Node root, StringBuilder out) {
        Node node = root;
        int depth = 0;
        while (node != null) {
            boolean descend = false;
            if (node instanceof TextNode text) {
                // Source line breaks inside HTML text are layout, not paragraph ends.
                String whole = text.getWholeText();
                for (int i = 0; i < whole.length(); i++) {
                    char c = whole.charAt(i);
                    out.append(c == '\n' || c == '\r' ? ' ' : c);
                }
            } else if (node instanceof Element element) {
                String tag = element.normalName();
                if (!SKIPPED_ELEMENTS.contains(tag)) {
                    if (BLOCK_ELEMENTS.contains(tag)) {
                        out.append('\n');
                    }
                    descend = element.childNodeSize() > 0;
                }
            }
            if (descend) {
                node = node.childNode(0);
                depth++;
                continue;
            }
            while (node != null && depth > 0 && node.nextSibling() == null) {
                node = node.parentNode();
                depth--;
                if (node instanceof Element element && BLOCK_ELEMENTS.contains(element.normalName())) {
                    out.append('\n');
                }
            }
            if (node == null || depth == 0) {
                return;
            }
            node = node.nextSibling();
        }
    }

    /** Splits into non-empty lines, each NFC-normalised with invisible characters removed and spaces collapsed. */
    static List<String> cleanLines(String raw) {
        String nfc = Normalizer.isNormalized(raw, Normalizer.Form.NFC) ? raw : Normalizer.normalize(raw, Normalizer.Form.NFC);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(Math.min(nfc.length(), 1024));
        boolean pendingSpace = false;
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u000B' || c == '\u000C' || c == '\u0085') {
                addLine(lines, line);
                pendingSpace = false;
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = line.length() > 0;
            } else if (isInvisible(c)) {
                // dropped: zero-width, bidi controls, C0/C1 controls, BOM, unpaired surrogates
                continue;
            } else {
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 < nfc.length() && Character.isLowSurrogate(nfc.charAt(i + 1))) {
                        if (pendingSpace) {
                            line.append(' ');
                            pendingSpace = false;
                        }
                        line.append(c).append(nfc.charAt(++i));
                    }
                    continue;
                }
                if (Character.isLowSurrogate(c)) {
                    continue;
                }
                if (pendingSpace) {
                    line.append(' ');
                    pendingSpace = false;
                }
                line.append(c);
            }
        }
        addLine(lines, line);
        return lines;
    }

    private static void addLine(List<String> lines, StringBuilder line) {
        if (line.length() > 0) {
            lines.add(line.toString());
            line.setLength(0);
        }
    }

    static boolean isInvisible(char c) {
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            return true;
        }
        return switch (c) {
            case '\u00AD', '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u2060', '\u2061', '\u2062',
                 '\u2063', '\u2064', '\uFEFF', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066',
                 '\u2067', '\u2068', '\u2069', '\u061C', '\uFFFE', '\uFFFF' -> true;
            default -> false;
        };
    }

    private static String joinLines(List<String> lines) {
        return String.join(" ", lines);
    }

    static boolean isBoilerplate(String line) {
        if (line.length() > MAX_BOILERPLATE_LINE) {
            return false;
        }
        String lower = line.toLowerCase(Locale.ROOT);
        if (BOILERPLATE_LINES.contains(lower)) {
            return true;
        }
        for (String prefix : BOILERPLATE_PREFIXES) {
            if (lower.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
