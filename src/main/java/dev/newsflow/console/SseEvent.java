package dev.newsflow.console;

/**
 * One server-sent event.
 *
 * @param id   sequence number, increasing; browsers send the last one back as {@code Last-Event-ID} on reconnect
 * @param type the event name ({@code article}, {@code alert}); the page listens per name
 * @param data the payload, JSON here
 */
record SseEvent(long id, String type, String data) {
}
