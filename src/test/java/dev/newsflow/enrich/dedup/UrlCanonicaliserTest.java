package dev.newsflow.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlCanonicaliserTest {

    @Test
    void trackingParametersFragmentsAndCaseDoNotMatter() {
        String a = UrlCanonicaliser.canonicalise("HTTPS://WWW.Example.com:443/world/story-1/?utm_source=x&id=7&fbclid=abc#top");
        String b = UrlCanonicaliser.canonicalise("https://example.com/world/story-1?id=7&utm_campaign=y");

        assertThat(a).isEqualTo("https://example.com/world/story-1?id=7").isEqualTo(b);
    }

    @Test
    void homePagePlacementTrackingIsStripped() {
        assertThat(UrlCanonicaliser.canonicalise("http://www.politico.com/story/2014/08/billionaires-110211.html?hp=t1_s"))
                .isEqualTo(UrlCanonicaliser.canonicalise("http://www.politico.com/story/2014/08/billionaires-110211.html?hp=t1"))
                .isEqualTo("http://politico.com/story/2014/08/billionaires-110211.html");
        assertThat(UrlCanonicaliser.canonicalise("http://www.cnn.com/2013/05/27/us/scotus/index.html?hpt=po_c1"))
                .isEqualTo("http://cnn.com/2013/05/27/us/scotus/index.html");
        assertThat(UrlCanonicaliser.canonicalise("https://www.nytimes.com/a.html?pgtype=Homepage&WT.nav=top&contentCollection=x"))
                .isEqualTo("https://nytimes.com/a.html");
    }

    @Test
    void meaningfulDifferencesRemain() {
        assertThat(UrlCanonicaliser.canonicalise("https://example.com/a?page=2"))
                .isNotEqualTo(UrlCanonicaliser.canonicalise("https://example.com/a?page=3"));
        assertThat(UrlCanonicaliser.canonicalise("http://example.com:8080/a")).isEqualTo("http://example.com:8080/a");
        assertThat(UrlCanonicaliser.canonicalise("https://example.com/index.php?action=view&id=5"))
                .isNotEqualTo(UrlCanonicaliser.canonicalise("https://example.com/index.php?action=edit&id=5"));
    }

    @Test
    void unparsableUrlsAreReturnedTrimmed() {
        assertThat(UrlCanonicaliser.canonicalise(" not a url ")).isEqualTo("not a url");
    }

    @Test
    void contentHashIsStableHexSha256() {
        assertThat(ContentHash.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
