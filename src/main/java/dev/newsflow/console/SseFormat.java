package dev.newsflow.console;

import java.nio.charset.StandardCharsets;

/**
 * The text/event-stream wire format (WHATWG HTML, "Server-sent events"). A line break inside a field would end
 * the field early, and a blank line would end the event: so data is split into one {@code data:} line per line,
 * and names and comments lose their line breaks.
 */
final class SseFormat {

    private SseFormat() {
    }

    static byte[] event(SseEvent event) {
        StringBuilder out = new StringBuilder(event.data().length() + 64);
        out.append("id: ").append(event.id()).append('\n');
        out.append("event: ").append(oneLine(event.type())).append('\n');
        // CR, LF and CRLF all end a line in the stream; normalise so each becomes exactly one data line.
        for (String line : event.data().replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            out.append("data: ").append(line).append('\n');
        }
        return out.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A comment line: ignored by EventSource, but it keeps proxies from timing out and finds dead clients. */
    static byte[] comment(String text) {
        return (": " + oneLine(text) + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** How long the browser waits before reconnecting after the stream breaks. */
    static byte[] retry(long millis) {
        return ("retry: " + millis + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String oneLine(String text) {
        return text.replace('\r', ' ').replace('\n', ' ');
    }
}
