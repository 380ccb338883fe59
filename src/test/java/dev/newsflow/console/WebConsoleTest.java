package dev.newsflow.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpHandler;
import dev.newsflow.http.HealthServer;
import dev.newsflow.http.StreamsHealth;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's routes over real HTTP on the health server, fed articles directly instead of from Kafka. */
class WebConsoleTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:30:10Z");
    private final HttpClient http = HttpClient.newHttpClient();
    private HealthServer server;
    private WebConsole console;

    @BeforeEach
    void start() throws Exception {
        console = new WebConsole(ConsoleSettings.defaults("app", "enriched", "alerts"), Clock.fixed(NOW, ZoneOffset.UTC));
        Map<String, HttpHandler> routes = new HashMap<>();
        console.mount(routes::put);
        server = HealthServer.start("127.0.0.1", 0, () -> new StreamsHealth(KafkaStreams.State.RUNNING, List.of()), () -> "",
                routes);
    }

    @AfterEach
    void stop() {
        console.close();
        server.close();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesThePageScriptAndStyleWithAPolicyThatAllowsNothingFromElsewhere() throws Exception {
        HttpResponse<String> page = get("/console/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(page.body()).contains("<script type=\"module\" src=\"console.js\"></script>");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'", "script-src 'self'", "connect-src 'self'").doesNotContain("unsafe");
        assertThat(get("/console/console.js").headers().firstValue("Content-Type")).contains("text/javascript; charset=utf-8");
        assertThat(get("/console/console.css").statusCode()).isEqualTo(200);
        // Text reaches the page only through the DOM API; the one absolute URL is the SVG namespace, never fetched.
        assertThat(get("/console/console.js").body()).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML",
                "document.write", "https://").contains("http://www.w3.org/2000/svg");

        HttpResponse<String> bare = http.send(HttpRequest.newBuilder(uri("/console")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bare.statusCode()).isEqualTo(301);
        assertThat(bare.headers().firstValue("Location")).contains("/console/");
    }

    @Test
    void servesOnlyItsOwnFiles() throws Exception {
        for (String path : List.of("/console/../pom.xml", "/console/%2e%2e/logback.xml", "/console/logback.xml",
                "/console/samples/articles.jsonl", "/console/console.js/x")) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(404);
        }
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri("/console/")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(get("/health").statusCode()).as("the health routes still answer").isEqualTo(200);
    }

    @Test
    void anArticleViewHasTextEntitiesEvidenceAndSegments() throws Exception {
        console.accept(ConsoleArticles.putin("wire/1 a", "Putin <b>warns</b>", NOW));

        HttpResponse<String> response = get("/console/api/articles/wire%2F1%20a");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode article = new ObjectMapper().readTree(response.body());
        assertThat(article.at("/summary/title").asText()).isEqualTo("Putin <b>warns</b>");
        String text = article.get("text").asText();
        JsonNode mention = article.at("/entities/0/mentions/0");
        assertThat(text.substring(mention.get("start").asInt(), mention.get("end").asInt())).isEqualTo("Vladimir Putin");
        JsonNode evidence = article.at("/topics/0/evidence/0");
        assertThat(text.substring(evidence.get("start").asInt(), evidence.get("end").asInt())).isEqualTo("sanctions");
        assertThat(article.get("segments")).isNotEmpty();

        assertThat(get("/console/api/articles/unknown").statusCode()).isEqualTo(404);
    }

    @Test
    void topicCountsCoverTheLastHour() throws Exception {
        console.accept(ConsoleArticles.putin("a", "One", NOW.minusSeconds(5)));
        console.accept(ConsoleArticles.putin("b", "Two", NOW.minusSeconds(65)));

        JsonNode counts = new ObjectMapper().readTree(get("/console/api/topic-counts").body());
        assertThat(counts.get("minutes").asInt()).isEqualTo(60);
        assertThat(counts.get("end").asText()).isEqualTo("2026-11-28T12:30:00Z");
        assertThat(counts.at("/topics/0/id").asText()).isEqualTo("sanctions");
        assertThat(counts.at("/topics/0/counts/59").asInt()).isEqualTo(1);
        assertThat(counts.at("/topics/0/counts/58").asInt()).isEqualTo(1);
    }

    @Test
    void theEventStreamSendsKeptArticlesThenLiveOnesAndResumesAfterLastEventId() throws Exception {
        console.accept(ConsoleArticles.putin("first", "First", NOW));

        List<String> lines = new ArrayList<>();
        try (InputStream body = http.send(HttpRequest.newBuilder(uri("/console/events")).build(),
                HttpResponse.BodyHandlers.ofInputStream()).body();
             BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            readUntil(reader, lines, "data: {\"id\":\"first\"");
            console.accept(ConsoleArticles.putin("second", "Second", NOW));
            readUntil(reader, lines, "data: {\"id\":\"second\"");
        }
        assertThat(lines).contains("retry: " + EventHub.RETRY_MILLIS, "event: article");
        String firstId = lines.get(lines.indexOf("event: article") - 1).substring("id: ".length());

        HttpResponse<InputStream> resumed = http.send(HttpRequest.newBuilder(uri("/console/events"))
                .header("Last-Event-ID", firstId).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(resumed.headers().firstValue("Content-Type")).contains("text/event-stream; charset=utf-8");
        List<String> again = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(resumed.body(), StandardCharsets.UTF_8))) {
            readUntil(reader, again, "data: {\"id\":\"second\"");
        }
        assertThat(again).noneMatch(line -> line.startsWith("data: {\"id\":\"first\""));
    }

    private static void readUntil(BufferedReader reader, List<String> lines, String prefix) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String line;
        while ((line = reader.readLine()) != null) {
            lines.add(line);
            if (line.startsWith(prefix)) {
                return;
            }
            assertThat(System.nanoTime()).isLessThan(deadline);
        }
        throw new AssertionError("stream ended before " + prefix + " in " + lines);
    }
}
