package dev.newsflow.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SseFormatTest {

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void anEventHasIdNameDataAndEndsWithABlankLine() {
        assertThat(text(SseFormat.event(new SseEvent(7, "article", "{\"id\":\"a\"}"))))
                .isEqualTo("id: 7\nevent: article\ndata: {\"id\":\"a\"}\n\n");
    }

    @Test
    void everyKindOfLineBreakInDataBecomesItsOwnDataLineSoNoBlankLineEndsTheEventEarly() {
        assertThat(text(SseFormat.event(new SseEvent(1, "alert", "one\ntwo\r\nthree\rfour\n\nsix"))))
                .isEqualTo("id: 1\nevent: alert\ndata: one\ndata: two\ndata: three\ndata: four\ndata: \ndata: six\n\n");
    }

    @Test
    void namesAndCommentsCannotInjectFields() {
        assertThat(text(SseFormat.event(new SseEvent(1, "a\ndata: x", "d")))).isEqualTo("id: 1\nevent: a data: x\ndata: d\n\n");
        assertThat(text(SseFormat.comment("ping\n\nevent: x"))).isEqualTo(": ping  event: x\n\n");
    }

    @Test
    void retryTellsTheBrowserHowLongToWait() {
        assertThat(text(SseFormat.retry(2000))).isEqualTo("retry: 2000\n\n");
    }

    @Test
    void dataIsUtf8() {
        assertThat(text(SseFormat.event(new SseEvent(1, "article", "Erdoğan")))).contains("data: Erdoğan\n");
    }
}
