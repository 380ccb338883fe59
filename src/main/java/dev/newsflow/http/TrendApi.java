package dev.newsflow.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.newsflow.topology.Topics;
import dev.newsflow.topology.TrendBucket;
import dev.newsflow.topology.TrendKey;
import dev.newsflow.topology.TrendPairPartitioner;
import dev.newsflow.topology.TrendQueries;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * Interactive queries over the trend stores: {@code GET /api/trends/topic/{id}} and {@code /api/trends/entity/{id}}
 * (time series, {@code ?from=&to=} ISO instants) and {@code /api/trends/topic/{id}/top-entities} ({@code ?window=}
 * an instant in the window, {@code &limit=}). A key owned by another instance is forwarded to it; while nobody owns it
 * (a rebalance) the answer is 503 with {@code Retry-After}.
 */
public final class TrendApi implements HttpHandler {

    /** Where the routes live on the HTTP server. */
    public static final String PATH = "/api/trends/";

    private static final int DEFAULT_LIMIT = 10;
    private static final int MAX_LIMIT = 1000;

    private final KafkaStreams streams;
    private final KeyRouter router;
    private final Duration window;
    private final Duration retention;
    private final Clock clock;

    /**
     * @param self      this instance's advertised address ({@code host:port}), or null when it has none
     * @param window    the trend window size
     * @param retention how long windows are kept (the default range of a time series)
     */
    public TrendApi(KafkaStreams streams, String self, Duration window, Duration retention, Clock clock) {
        this.streams = streams;
        this.router = new KeyRouter(streams, self);
        this.window = window;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        KeyRouter.serveGet(exchange, this::answer);
    }

    private void answer(HttpExchange exchange) throws IOException, InterruptedException, BadQuery {
        List<String> parts = QueryStrings.segments(exchange.getRequestURI().getRawPath().substring(PATH.length()));
        Map<String, String> query = QueryStrings.parameters(exchange.getRequestURI().getRawQuery());
        if (parts.size() == 2 && (parts.get(0).equals("topic") || parts.get(0).equals("entity"))) {
            String key = parts.get(0).equals("topic") ? TrendKey.topic(parts.get(1)) : TrendKey.entity(parts.get(1));
            router.route(exchange, Topics.TrendTopics.COUNTS_STORE, key, null, partition -> series(key, partition, query));
        } else if (parts.size() == 3 && parts.get(0).equals("topic") && parts.get(2).equals("top-entities")) {
            String topic = parts.get(1);
            router.route(exchange, Topics.TrendTopics.TOPIC_ENTITIES_STORE, TrendKey.pairsFrom(topic),
                    new TrendPairPartitioner<>(), partition -> topEntities(topic, partition, query));
        } else {
            KeyRouter.error(exchange, 404, "not found; try /api/trends/topic/{id}, /api/trends/entity/{id} or "
                    + "/api/trends/topic/{id}/top-entities");
        }
    }

    private Map<String, Object> series(String key, Integer partition, Map<String, String> query) throws BadQuery {
        Instant to = QueryStrings.instant(query, "to", clock.instant());
        Instant from = QueryStrings.instant(query, "from", to.minus(retention));
        if (from.isAfter(to)) {
            throw new BadQuery("from is after to");
        }
        ReadOnlyWindowStore<String, TrendBucket> store =
                KeyRouter.windowStore(streams, Topics.TrendTopics.COUNTS_STORE, partition);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", key);
        body.put("windowSize", window.toString());
        body.put("from", from.toString());
        body.put("to", to.toString());
        body.put("points", TrendQueries.series(store, key, from, to, window).stream().map(p -> Map.of(
                "start", p.start().toString(), "end", p.end().toString(), "count", p.count(),
                "sampleArticleIds", p.sampleArticleIds())).toList());
        return body;
    }

    private Map<String, Object> topEntities(String topic, Integer partition, Map<String, String> query) throws BadQuery {
        Instant start = TrendQueries.windowStart(QueryStrings.instant(query, "window", clock.instant()), window);
        int limit = QueryStrings.limit(query, DEFAULT_LIMIT, MAX_LIMIT);
        ReadOnlyWindowStore<String, Long> store =
                KeyRouter.windowStore(streams, Topics.TrendTopics.TOPIC_ENTITIES_STORE, partition);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("topic", topic);
        body.put("windowStart", start.toString());
        body.put("windowEnd", start.plus(window).toString());
        body.put("entities", TrendQueries.topEntities(store, topic, start, limit).stream()
                .map(e -> Map.of("entityId", e.entityId(), "count", e.count())).toList());
        return body;
    }
}
