package dev.newsflow.enrich.text;

import java.text.Normalizer;
import java.util.Arrays;
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
        String rawTitle = nfc(html ? htmlToText(title, true) : title);
        String rawBody = nfc(html ? htmlToText(body, false) : body);
        // One pass each into one buffer: the title's lines joined by spaces, a blank line, then the body's
        // paragraphs without boilerplate, joined by blank lines.
        Output out = new Output(rawTitle.length() + rawBody.length() + 16);
        out.appendLines(rawTitle, " ", false);
        int titleLength = out.length;
        if (titleLength > 0) {
            out.append('\n');
            out.append('\n');
        }
        int bodyStart = out.length;
        out.appendLines(rawBody, "\n\n", true);
        String text = out.toString();
        if (titleLength == 0) {
            return new NormalisedText("", text, 0);
        }
        return new NormalisedText(text.substring(0, titleLength), text, bodyStart);
    }

    private static String nfc(String raw) {
        return Normalizer.isNormalized(raw, Normalizer.Form.NFC) ? raw : Normalizer.normalize(raw, Normalizer.Form.NFC);
    }

    /**
     * The normalised text being written: non-empty lines, each with invisible characters removed and spaces
     * collapsed, separated by a separator; boilerplate lines optionally dropped with their separator.
     */
    private static final class Output {
        char[] chars;
        int length;

        Output(int capacity) {
            chars = new char[capacity];
        }

        void append(char c) {
            if (length == chars.length) {
                chars = Arrays.copyOf(chars, chars.length * 2 + 16);
            }
            chars[length++] = c;
        }

        void appendLines(String raw, String separator, boolean dropBoilerplate) {
            int first = length;      // where this field's text begins
            int lineStart = -1;      // where the current line's characters begin, -1 before its first character
            boolean pendingSpace = false;
            int n = raw.length();
            for (int i = 0; i < n; i++) {
                char c = raw.charAt(i);
                if (c < 0x80) {
                    if (c >= 0x20 && c != 0x7F) {
                        if (c == ' ') {
                            pendingSpace = lineStart >= 0;
                            continue;
                        }
                    } else if (c == '\n' || c == '\r' || c == '\u000B' || c == '\u000C') {
                        lineStart = endLine(first, lineStart, separator, dropBoilerplate);
                        pendingSpace = false;
                        continue;
                    } else if (c == '\t' || (c >= 0x1C && c <= 0x1F)) {
                        pendingSpace = lineStart >= 0;
                        continue;
                    } else {
                        continue; // C0 controls and DEL: invisible
                    }
                } else if (c == '\u2028' || c == '\u2029' || c == '\u0085') {
                    lineStart = endLine(first, lineStart, separator, dropBoilerplate);
                    pendingSpace = false;
                    continue;
                } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                    pendingSpace = lineStart >= 0;
                    continue;
                } else if (isInvisible(c)) {
                    // dropped: zero-width, bidi controls, C1 controls, BOM, noncharacters
                    continue;
                } else if (Character.isHighSurrogate(c)) {
                    if (i + 1 < n && Character.isLowSurrogate(raw.charAt(i + 1))) {
                        lineStart = startOrSpace(first, lineStart, separator, pendingSpace);
                        pendingSpace = false;
                        append(c);
                        append(raw.charAt(++i));
                    }
                    continue; // an unpaired high surrogate is dropped
                } else if (Character.isLowSurrogate(c)) {
                    continue; // unpaired
                }
                lineStart = startOrSpace(first, lineStart, separator, pendingSpace);
                pendingSpace = false;
                append(c);
            }
            endLine(first, lineStart, separator, dropBoilerplate);
        }

        /** Before a visible character: the separator if it starts a line after another, or a pending space. */
        private int startOrSpace(int first, int lineStart, String separator, boolean pendingSpace) {
            if (lineStart < 0) {
                if (length > first) {
                    for (int k = 0; k < separator.length(); k++) {
                        append(separator.charAt(k));
                    }
                }
                return length;
            }
            if (pendingSpace) {
                append(' ');
            }
            return lineStart;
        }

        /** Ends the current line (if it has any character), dropping it and its separator if it is boilerplate. */
        private int endLine(int first, int lineStart, String separator, boolean dropBoilerplate) {
            if (lineStart >= 0 && dropBoilerplate && length - lineStart <= MAX_BOILERPLATE_LINE
                    && isBoilerplate(chars, lineStart, length - lineStart)) {
                length = lineStart > first ? lineStart - separator.length() : lineStart;
            }
            return -1;
        }

        @Override
        public String toString() {
            return new String(chars, 0, length);
        }
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

    private static final String[] BOILERPLATE_LINE_ARRAY = BOILERPLATE_LINES.toArray(String[]::new);

    /**
     * {@link #isBoilerplate(String)} of {@code chars[from, from + length)}: without a string when the line is ASCII
     * (and the copyright sign), whose lower case is one character for one.
     */
    static boolean isBoilerplate(char[] chars, int from, int length) {
        if (length > MAX_BOILERPLATE_LINE) {
            return false;
        }
        for (int k = from; k < from + length; k++) {
            if (chars[k] >= 0x80 && chars[k] != '\u00A9') {
                return isBoilerplate(new String(chars, from, length));
            }
        }
        for (String line : BOILERPLATE_LINE_ARRAY) {
            if (line.length() == length && startsWithLowerCase(chars, from, line)) {
                return true;
            }
        }
        for (String prefix : BOILERPLATE_PREFIXES) {
            if (prefix.length() <= length && startsWithLowerCase(chars, from, prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the ASCII {@code chars} from {@code from}, lower-cased, begin with {@code lower}. */
    private static boolean startsWithLowerCase(char[] chars, int from, String lower) {
        for (int k = 0; k < lower.length(); k++) {
            char c = chars[from + k];
            if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
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
