package dev.newsflow.enrich.text;

/**
 * An article's one normalised text: the title, a blank line, then the body. Offsets everywhere refer to it.
 *
 * @param title     the normalised headline, also {@code text.substring(0, title.length())}
 * @param text      title, blank line, body (just the body when the title is empty)
 * @param bodyStart offset in text where the body begins
 */
public record NormalisedText(String title, String text, int bodyStart) {

    /** The body alone. */
    public String body() {
        return text.substring(bodyStart);
    }
}
