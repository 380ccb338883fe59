package dev.newsflow.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.newsflow.config.ClientProperties;
import dev.newsflow.config.NewsflowConfig;
import dev.newsflow.registry.AvroSerde;
import dev.newsflow.registry.RestSchemaRegistryClient;
import dev.newsflow.registry.SchemaRegistryClient;
import dev.newsflow.schema.EnrichedArticle;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The web console under {@code /console/}: the page, a live event stream of enriched articles and alerts
 * ({@code /console/events}), article views with their highlights ({@code /console/api/articles/{id}}) and articles per
 * topic per minute ({@code /console/api/topic-counts}). It reads Kafka like any downstream consumer and keeps only
 * bounded recent state.
 */
public final class WebConsole implements AutoCloseable {

    public static final String PATH = "/console/";
    static final String ARTICLE = "article";
    static final String ALERT = "alert";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Everything from this origin only: no inline script or style, so markup in an article title could not run. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final EventHub hub;
    private final RecentArticles store;
    private final TopicCounts counts = new TopicCounts();
    private final Clock clock;
    private ConsoleFeed feed;

    WebConsole(ConsoleSettings settings, Clock clock) {
        this.hub = new EventHub(Map.of(ARTICLE, settings.feedArticles(), ALERT, settings.feedAlerts()),
                settings.maxBrowsers(), settings.heartbeat());
        this.store = new RecentArticles(settings.storedArticles(), ConsoleSettings.STORED_CHARS);
        this.clock = clock;
    }

    /**
     * Starts reading the enriched and alerts topics with {@code clientProperties} (bootstrap servers and security
     * settings); {@code alerts} decodes a Confluent-framed Avro alert without knowing its schema.
     */
    public static WebConsole start(ConsoleSettings settings, Properties clientProperties,
                                   Deserializer<EnrichedArticle> articles, Function<byte[], GenericRecord> alerts) {
        WebConsole console = new WebConsole(settings, Clock.systemUTC());
        console.feed = new ConsoleFeed(clientProperties, settings.groupPrefix(), settings.enrichedTopic(), settings.alertsTopic(), articles, alerts,
                settings.feedArticles(), new ConsoleFeed.Listener() {
                    @Override
                    public void article(EnrichedArticle article) {
                        console.accept(article);
                    }

                    @Override
                    public void alert(AlertItem alert) {
                        console.accept(alert);
                    }
                });
        Thread thread = new Thread(console.feed, "newsflow-console-feed");
        thread.setDaemon(true);
        thread.start();
        return console;
    }

    /** Starts a console on the enriched topic of {@code config}, with its Kafka and registry settings. */
    public static WebConsole start(NewsflowConfig config, String alertsTopic) {
        Map<String, Object> serde = ClientProperties.serde(config);
        SchemaRegistryClient registry = RestSchemaRegistryClient.fromConfig(serde);
        Deserializer<EnrichedArticle> articles = AvroSerde.specific(EnrichedArticle.class, registry, serde, false).deserializer();
        Deserializer<GenericRecord> alerts = AvroSerde.generic(null, registry, serde, false).deserializer();
        return start(ConsoleSettings.defaults(config.applicationId(), config.outputTopic(), alertsTopic),
                ClientProperties.common(config), articles, bytes -> alerts.deserialize(alertsTopic, bytes));
    }

    /** Adds the console's routes (path prefix and handler), e.g. to the map {@code HealthServer.start} serves. */
    public void mount(BiConsumer<String, HttpHandler> routes) {
        routes.accept("/console", this::handle);
    }

    void accept(EnrichedArticle article) {
        ArticleDetail detail = ArticleDetail.of(article);
        store.put(detail);
        counts.record(detail.topics().stream().map(ArticleDetail.TopicView::id).toList(),
                article.getProvenance().getProcessedAt());
        hub.publish(ARTICLE, json(detail.summary()));
    }

    void accept(AlertItem alert) {
        hub.publish(ALERT, json(alert));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getRawPath();
            if (!exchange.getRequestMethod().equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET");
                respond(exchange, 405, "text/plain; charset=utf-8", "GET only\n");
            } else if (path.equals("/console")) {
                exchange.getResponseHeaders().set("Location", PATH);
                respond(exchange, 301, "text/plain; charset=utf-8", "see " + PATH + "\n");
            } else if (path.equals(PATH + "events")) {
                events(exchange);
            } else if (path.equals(PATH + "api/topic-counts")) {
                respondJson(exchange, 200, topicCounts());
            } else if (path.startsWith(PATH + "api/articles/")) {
                article(exchange, URLDecoder.decode(path.substring((PATH + "api/articles/").length()), StandardCharsets.UTF_8));
            } else {
                Optional<StaticFiles.File> file = StaticFiles.get(path.startsWith(PATH) ? path.substring(PATH.length()) : "-");
                if (file.isPresent()) {
                    respond(exchange, 200, file.get().contentType(), file.get().bytes());
                } else {
                    respondJson(exchange, 404, Map.of("error", "not found; the console is at " + PATH));
                }
            }
        } catch (IOException | RuntimeException e) {
            exchange.close();
            throw e;
        }
    }

    private void events(HttpExchange exchange) throws IOException {
        long lastEventId = lastEventId(exchange.getRequestHeaders().getFirst("Last-Event-ID"));
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
        exchange.sendResponseHeaders(200, 0);
        OutputStream body = exchange.getResponseBody();
        EventHub.Sink sink = new EventHub.Sink() {
            @Override
            public void write(byte[] bytes) throws IOException {
                body.write(bytes);
                body.flush();
            }

            @Override
            public void close() {
                exchange.close();
            }
        };
        // The exchange stays open after this handler returns: the hub's writer thread owns it from here, so the
        // server's own thread is free for the next request.
        if (!hub.subscribe(sink, lastEventId)) {
            sink.write(SseFormat.comment("too many browsers connected; retrying"));
            sink.close();
        }
    }

    private static long lastEventId(String header) {
        try {
            return header == null ? 0 : Math.max(0, Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void article(HttpExchange exchange, String id) throws IOException {
        Optional<ArticleDetail> article = store.get(id);
        if (article.isPresent()) {
            respondJson(exchange, 200, article.get());
        } else {
            respondJson(exchange, 404, Map.of("error", "article not among the console's recent articles", "id", id));
        }
    }

    private Map<String, Object> topicCounts() {
        TopicCounts.Snapshot snapshot = counts.snapshot(Instant.now(clock));
        List<Map<String, Object>> topics = snapshot.topics().entrySet().stream()
                .map(e -> Map.<String, Object>of("id", e.getKey(), "counts", e.getValue()))
                .toList();
        return Map.of("minutes", TopicCounts.MINUTES,
                "end", Instant.ofEpochSecond(snapshot.endMinute() * 60).toString(),
                "topics", topics);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void respondJson(HttpExchange exchange, int code, Object body) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        respond(exchange, code, "application/json", json(body) + "\n");
    }

    private static void respond(HttpExchange exchange, int code, String contentType, String body) throws IOException {
        respond(exchange, code, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(HttpExchange exchange, int code, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.sendResponseHeaders(code, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Stops reading Kafka and ends every event stream. */
    @Override
    public void close() {
        if (feed != null) {
            feed.stop();
        }
        hub.close();
    }
}
