package dev.newsflow.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.newsflow.schema.Alert;
import dev.newsflow.topology.AlertQueries;
import dev.newsflow.topology.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.streams.KafkaStreams;

/**
 * {@code GET /api/alerts/{subscription}}: the alerts a subscription raised, newest first ({@code ?from=&to=} ISO
 * instants of when they were raised, default the last {@link Topics.AlertTopics#HISTORY_RETENTION};
 * {@code &limit=}, default 50). Each alert is the Avro record of the alerts topic in Avro's JSON encoding. A
 * subscription owned by another instance is forwarded to it, as the trend queries are.
 */
public final class AlertApi implements HttpHandler {

    /** Where the route lives on the HTTP server. */
    public static final String PATH = "/api/alerts/";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 1000;

    private final KafkaStreams streams;
    private final KeyRouter router;
    private final Clock clock;

    /** @param self this instance's advertised address ({@code host:port}), or null when it has none */
    public AlertApi(KafkaStreams streams, String self, Clock clock) {
        this.streams = streams;
        this.router = new KeyRouter(streams, self);
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        KeyRouter.serveGet(exchange, this::answer);
    }

    private void answer(HttpExchange exchange) throws IOException, InterruptedException, BadQuery {
        List<String> parts = QueryStrings.segments(exchange.getRequestURI().getRawPath().substring(PATH.length()));
        if (parts.size() != 1) {
            KeyRouter.error(exchange, 404, "not found; try /api/alerts/{subscription}");
            return;
        }
        String subscription = parts.get(0);
        Map<String, String> query = QueryStrings.parameters(exchange.getRequestURI().getRawQuery());
        Instant to = QueryStrings.instant(query, "to", clock.instant());
        Instant from = QueryStrings.instant(query, "from", to.minus(Topics.AlertTopics.HISTORY_RETENTION));
        if (from.isAfter(to)) {
            throw new BadQuery("from is after to");
        }
        int limit = QueryStrings.limit(query, DEFAULT_LIMIT, MAX_LIMIT);
        router.route(exchange, Topics.AlertTopics.HISTORY_STORE, subscription, null, partition -> {
            List<Alert> alerts = AlertQueries.recent(
                    KeyRouter.windowStore(streams, Topics.AlertTopics.HISTORY_STORE, partition), subscription, from, to, limit);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("subscriptionId", subscription);
            body.put("from", from.toString());
            body.put("to", to.toString());
            body.put("alerts", alerts.stream().map(AlertApi::json).toList());
            return body;
        });
    }

    /** The alert in Avro's JSON encoding, so the answer has exactly the fields of the alerts topic's records. */
    static JsonNode json(Alert alert) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            JsonEncoder encoder = EncoderFactory.get().jsonEncoder(Alert.getClassSchema(), out);
            new SpecificDatumWriter<>(Alert.class).write(alert, encoder);
            encoder.flush();
            return JSON.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
