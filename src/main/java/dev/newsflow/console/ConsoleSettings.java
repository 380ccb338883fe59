package dev.newsflow.console;

import java.time.Duration;

/**
 * What the console reads and how much it keeps.
 *
 * @param groupPrefix    start of the console consumer's group id (the application id, so prefixed ACLs cover it)
 * @param enrichedTopic  the enriched article topic
 * @param alertsTopic    the alerts topic; it may not exist (yet), the console then shows none
 * @param feedArticles   articles a new browser gets at once, and records read back per partition at start
 * @param feedAlerts     alerts a new browser gets at once
 * @param storedArticles article views kept for {@code /console/api/articles/{id}}
 * @param maxBrowsers    event streams served at once (a thread each)
 * @param heartbeat      interval of keep-alive comments on the event stream
 */
public record ConsoleSettings(String groupPrefix, String enrichedTopic, String alertsTopic, int feedArticles, int feedAlerts,
                              int storedArticles, int maxBrowsers, Duration heartbeat) {

    /** Article views are kept up to this many characters of text in all (about 64 MB of heap at most). */
    static final long STORED_CHARS = 32L * 1024 * 1024;

    public static ConsoleSettings defaults(String groupPrefix, String enrichedTopic, String alertsTopic) {
        return new ConsoleSettings(groupPrefix, enrichedTopic, alertsTopic, 100, 50, 500, 16, Duration.ofSeconds(15));
    }
}
