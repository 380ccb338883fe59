package dev.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormaliserTest {

    private final TextNormaliser normaliser = new TextNormaliser();

    @Test
    void textIsTitleBlankLineBodyAndOffsetsLineUp() {
        NormalisedText result = normaliser.normalise("  Talks   in Tehran ", "First paragraph.\n\n\n\nSecond   paragraph.", false);

        assertThat(result.title()).isEqualTo("Talks in Tehran");
        assertThat(result.text()).isEqualTo("Talks in Tehran\n\nFirst paragraph.\n\nSecond paragraph.");
        assertThat(result.bodyStart()).isEqualTo(17);
        assertThat(result.body()).startsWith("First paragraph.");
        assertThat(result.text().substring(0, result.title().length())).isEqualTo(result.title());
    }

    @Test
    void htmlBecomesParagraphsWithoutScriptsOrFurniture() {
        String html = "<html><head><title>x</title><script>var a = '<p>no</p>';</script></head><body>"
                + "<h2>Sub&nbsp;head</h2><p>One\nsentence &amp; more.</p><div>Two <b>bold</b> words.</div>"
                + "<nav>Home | World</nav><p>Share this article</p><footer>(c) 2026</footer></body></html>";

        NormalisedText result = normaliser.normalise("<b>Title</b> here", html, true);

        assertThat(result.title()).isEqualTo("Title here");
        assertThat(result.body()).isEqualTo("Sub head\n\nOne sentence & more.\n\nTwo bold words.");
    }

    @Test
    void unicodeIsComposedAndInvisibleCharactersGo() {
        String decomposed = "Erdog\u0306an"; // g + combining breve
        String hostile = "Zero\u200Bwidth \u202Eright-to-left\u202C and\u0007 bell \uFEFFbom";

        NormalisedText result = normaliser.normalise(decomposed, hostile, false);

        assertThat(result.title()).isEqualTo("Erdoğan");
        assertThat(result.body()).isEqualTo("Zerowidth right-to-left and bell bom");
    }

    @Test
    void boilerplateLinesAreDroppedButReportingIsKept() {
        String body = "Putin met Raisi.\n\nShare this articlenone\n\nnone\n\nAdvertisement\n\n"
                + "Read more: other story\n\nThe share of exports fell.";

        NormalisedText result = normaliser.normalise("T", body, false);

        assertThat(result.body()).isEqualTo("Putin met Raisi.\n\nThe share of exports fell.");
    }

    @Test
    void emptyTitleLeavesBodyAtOffsetZero() {
        NormalisedText result = normaliser.normalise(" ", "Body only.", false);

        assertThat(result.text()).isEqualTo("Body only.");
        assertThat(result.bodyStart()).isZero();
    }

    @Test
    void deeplyNestedHtmlDoesNotOverflowTheStack() {
        String html = "<div>".repeat(50_000) + "deep text" + "</div>".repeat(50_000);

        NormalisedText result = normaliser.normalise("T", html, true);

        assertThat(result.body()).contains("deep text");
    }

    @Test
    void unpairedSurrogatesAreRemovedAndPairsKept() {
        NormalisedText result = normaliser.normalise("T", "bad \uD800 pair \uD83D\uDE00 ok", false);

        assertThat(result.body()).isEqualTo("bad pair \uD83D\uDE00 ok");
    }
}
