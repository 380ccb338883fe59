package dev.newsflow.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.app.LocalStack;
import dev.newsflow.client.ArticleSender;
import dev.newsflow.config.ClientProperties;
import dev.newsflow.config.NewsflowConfig;
import dev.newsflow.enrich.LiveModels;
import dev.newsflow.enrich.NewsEnricher;
import dev.newsflow.registry.AvroSerde;
import dev.newsflow.schema.RawArticle;
import dev.newsflow.schema.Source;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The web console in a real headless Chromium, against the real local stack (embedded KRaft broker and registry, the
 * application with the shipped models): live feed, article view highlights at the right offsets, sparklines, alerts,
 * escaping of hostile titles, and the backlog after a reload.
 */
class ConsoleBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String PUTIN = "person:vladimir-putin";
    private static final String ERDOGAN = "person:recep-tayyip-erdogan";
    private static final String XSS_TITLE = "Drones <img src=x onerror=\"window.__xss=1\"> over <script>window.__xss=2</script> Idlib";

    /** Where the screenshots are kept for a human to look at after the run. */
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dataDir;

    @Test
    void theConsoleShowsLiveArticlesTheirHighlightsSparklinesAndAlerts() throws Exception {
        WebDriver browser = chromium();
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        NewsflowConfig base = NewsflowConfig.defaults().toBuilder().partitions(1).httpPort(0)
                .clientConfig(Map.of("commit.interval.ms", "100")).build();
        try (LocalStack stack = LocalStack.start(new LocalStack.Options(dataDir, 0, 0, null), base,
                new LiveModels(NewsEnricher.Shared.loadDefault()), new PrintStream(shown, true, StandardCharsets.UTF_8))) {
            Matcher url = Pattern.compile("\\[local] console +(http://\\S+)").matcher(shown.toString(StandardCharsets.UTF_8));
            assertThat(url.find()).as("local prints the console's address:\n%s", shown).isTrue();
            String console = url.group(1);
            assertThat(console).startsWith("http://127.0.0.1:").endsWith("/console/");

            browser.get(console);
            await(browser, "the event stream to open", () -> text(browser, "#status").equals("live"));
            BufferedImage before = screenshot(browser);

            try (ArticleSender sender = sender(stack.config())) {
                sender.sendAndWait(article("wire-1", "Putin and Erdoğan discuss Syria as drones and sanctions dominate talks",
                        "\uD83D\uDCE1 MOSCOW (Example Wire) — Russian President Vladimir Putin and Turkish President Recep Tayyip "
                                + "Erdoğan discussed Syria on Tuesday, after drone strikes near Idlib and new sanctions on Moscow.\n\n"
                                + "Putin said Western sanctions had failed. Erdoğan called for a ceasefire in Syria and an end to the "
                                + "drone attacks that have killed civilians in the north-west of the country."));
                sender.sendAndWait(article("wire-2", "EU ministers weigh new sanctions package",
                        "BRUSSELS (Example Wire) — European Union foreign ministers discussed new sanctions against Russia on "
                                + "Monday, including export controls on drone components."));
                sender.sendAndWait(article("xss", XSS_TITLE, "Drones were seen over Idlib in Syria on Monday, residents said."));
            }

            // The live feed, fed over server-sent events.
            for (String id : List.of("wire-1", "wire-2", "xss")) {
                await(browser, "article " + id + " in the feed", () -> !browser.findElements(feedItem(id)).isEmpty());
            }

            // The screenshot check: what the browser painted, not only the DOM, shows the article produced above.
            byte[] itemPng = browser.findElement(feedItem("wire-1")).getScreenshotAs(OutputType.BYTES);
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve("console-feed-item.png"), itemPng);
            BufferedImage item = ImageIO.read(new ByteArrayInputStream(itemPng));
            assertThat(item.getWidth()).as("feed item screenshot width").isGreaterThan(200);
            assertThat(item.getHeight()).as("feed item screenshot height").isGreaterThan(20);
            // Title, source and topic badges are drawn: a blank or unpainted box would be one colour.
            assertThat(inkShare(item)).as("share of the item's pixels not in its background colour").isGreaterThan(0.02);
            BufferedImage after = screenshot(browser);
            Files.write(SCREENSHOTS.resolve("console-after-articles.png"), png(after));
            assertThat(differingPixels(before, after)).as("pixels the new articles changed on the page").isGreaterThan(1_000);

            // Hostile markup in a title is shown as text and never runs.
            WebElement xss = browser.findElement(feedItem("xss")).findElement(By.cssSelector(".title"));
            assertThat(xss.getText()).isEqualTo(XSS_TITLE);
            assertThat(browser.findElements(By.cssSelector("#feed img, #feed script"))).isEmpty();
            assertThat(js(browser, "return window.__xss === undefined;")).isEqualTo(true);

            // The article view: every mention of Putin and Erdoğan, and each topic's evidence, at its offsets.
            browser.findElement(feedItem("wire-1")).findElement(By.cssSelector(".title")).click();
            await(browser, "the article view", () -> "wire-1".equals(
                    browser.findElement(By.id("article")).getDomAttribute("data-article-id"))
                    && browser.findElement(By.id("article-body")).isDisplayed());
            assertThat(browser.findElement(By.id("article-hint")).isDisplayed()).isFalse();
            JsonNode article = json(console + "api/articles/wire-1");
            String text = article.get("text").asText();
            assertThat(text).startsWith("Putin and Erdoğan discuss Syria");
            for (String entity : List.of(PUTIN, ERDOGAN, "country:sy")) {
                assertThat(rendered(browser, "mark[data-entity-id='" + entity + "']"))
                        .as("highlights of %s", entity).isEqualTo(spans(article, "/entities", entity, "mentions"));
            }
            assertThat(browser.findElement(By.cssSelector("#article-text mark[data-entity-id='" + PUTIN + "']")).getText())
                    .isEqualTo("Putin");
            assertThat(browser.findElement(By.cssSelector("#article-text mark[data-entity-id='" + PUTIN + "']"))
                    .getDomAttribute("class")).contains("type-person");
            assertThat(topicIds(article)).contains("sanctions", "drones", "syria");
            for (String topic : topicIds(article)) {
                List<List<Integer>> evidence = spans(article, "/topics", topic, "evidence");
                List<List<Integer>> pieces = rendered(browser, "span.evidence[data-topic-ids~='" + topic + "']");
                assertThat(pieces).as("evidence of %s", topic).isNotEmpty();
                // A span can be cut where a mention starts or ends inside it; together the pieces cover the evidence.
                assertThat(covered(pieces)).as("evidence of %s", topic).isEqualTo(covered(evidence));
            }
            assertThat(browser.findElement(By.cssSelector("#article-text")).getText()).contains("\uD83D\uDCE1 MOSCOW");

            // Sparklines of articles per topic per minute.
            await(browser, "a sanctions sparkline", () -> !browser.findElements(
                    By.cssSelector("#sparklines svg.sparkline[data-topic-id='sanctions'] polyline")).isEmpty());
            assertThat(text(browser, "#sparklines li[data-topic-id='sanctions'] .total")).isEqualTo("2");

            // Alerts: none yet, then one in a schema the console has never seen.
            assertThat(browser.findElement(By.id("alerts-empty")).isDisplayed()).isTrue();
            produceAlert(stack.config());
            await(browser, "the alert", () -> !browser.findElements(By.cssSelector("#alerts li.alert")).isEmpty());
            assertThat(text(browser, "#alerts li.alert strong")).isEqualTo("Drones near <Idlib>");
            assertThat(text(browser, "#alerts li.alert .severity")).isEqualTo("HIGH");
            assertThat(browser.findElement(By.id("alerts-empty")).isDisplayed()).isFalse();

            // A new page gets the recent articles and alerts at once.
            browser.navigate().refresh();
            await(browser, "the backlog after a reload", () -> browser.findElements(By.cssSelector("#feed li.feed-item")).size() == 3
                    && !browser.findElements(By.cssSelector("#alerts li.alert")).isEmpty());

            assertThat(severeBrowserErrors(browser)).isEmpty();
        } finally {
            browser.quit();
        }
    }

    /** Debian's Chromium and chromedriver, headless; Selenium is told both paths, so it downloads nothing. */
    private WebDriver chromium() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("ConsoleBrowserIT needs Debian's Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install -y chromium chromium-driver (.ci/run does it)");
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1000", "--no-first-run", "--disable-extensions",
                "--user-data-dir=" + Files.createDirectories(dataDir.resolve("chromium")));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static BufferedImage screenshot(WebDriver browser) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES)));
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** The share of pixels that differ from the image's most common colour (its background). */
    private static double inkShare(BufferedImage image) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                counts.merge(image.getRGB(x, y), 1, Integer::sum);
            }
        }
        int background = counts.values().stream().max(Integer::compare).orElse(0);
        int total = image.getWidth() * image.getHeight();
        return total == 0 ? 0 : (total - background) / (double) total;
    }

    /** Pixels that differ between two screenshots of the same viewport (every pixel, if the sizes differ). */
    private static long differingPixels(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return (long) b.getWidth() * b.getHeight();
        }
        long differing = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    differing++;
                }
            }
        }
        return differing;
    }

    private static By feedItem(String id) {
        return By.cssSelector("#feed li.feed-item[data-article-id='" + id + "']");
    }

    private static String text(WebDriver browser, String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private static Object js(WebDriver browser, String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** Where each element matching {@code css} inside the article text starts and ends, in UTF-16 units of the text. */
    @SuppressWarnings("unchecked")
    private static List<List<Integer>> rendered(WebDriver browser, String css) {
        List<List<Long>> found = (List<List<Long>>) js(browser, """
                const container = document.getElementById('article-text');
                return [...container.querySelectorAll(arguments[0])].map(node => {
                  const before = document.createRange();
                  before.setStart(container, 0);
                  before.setEndBefore(node);
                  const start = before.toString().length;
                  return [start, start + node.textContent.length];
                });""", css);
        return found.stream().map(pair -> List.of(pair.get(0).intValue(), pair.get(1).intValue())).toList();
    }

    private static List<List<Integer>> spans(JsonNode article, String list, String id, String field) {
        List<List<Integer>> spans = new ArrayList<>();
        for (JsonNode item : article.at(list)) {
            if (item.get("id").asText().equals(id)) {
                item.get(field).forEach(span -> spans.add(List.of(span.get("start").asInt(), span.get("end").asInt())));
            }
        }
        assertThat(spans).as("%s of %s in the article", field, id).isNotEmpty();
        return spans;
    }

    /** The set of offsets that spans cover, so pieces and whole spans compare. */
    private static java.util.SortedSet<Integer> covered(List<List<Integer>> spans) {
        java.util.SortedSet<Integer> offsets = new java.util.TreeSet<>();
        spans.forEach(span -> {
            for (int i = span.get(0); i < span.get(1); i++) {
                offsets.add(i);
            }
        });
        return offsets;
    }

    private static List<String> topicIds(JsonNode article) {
        List<String> ids = new ArrayList<>();
        article.get("topics").forEach(topic -> ids.add(topic.get("id").asText()));
        return ids;
    }

    private static JsonNode json(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    private static List<String> severeBrowserErrors(WebDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    private static void await(WebDriver browser, String what, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what + "; the page shows:\n"
                        + browser.findElement(By.tagName("body")).getText() + "\nbrowser log: " + severeBrowserErrors(browser));
            }
            Thread.sleep(100);
        }
    }

    private static ArticleSender sender(NewsflowConfig config) {
        return new ArticleSender(ClientProperties.common(config),
                AvroSerde.specific(RawArticle.class, ClientProperties.serde(config), false).serializer(),
                config.inputTopics().get(0));
    }

    private static RawArticle article(String id, String title, String body) {
        return RawArticle.newBuilder().setId(id).setUrl("https://wire.example.com/world/" + id)
                .setSource(new Source("Example Wire", null)).setTitle(title).setBody(body)
                .setLanguage("en").setPublishedAt(Instant.now().minusSeconds(60)).setFetchedAt(Instant.now()).build();
    }

    /** An Avro alert in a schema the console has never seen; the alerts topic may or may not exist yet. */
    private static void produceAlert(NewsflowConfig config) throws Exception {
        String topic = NewsflowConfig.DEFAULT_ALERTS_TOPIC;
        Properties common = ClientProperties.common(config);
        try (Admin admin = Admin.create(common)) {
            // The alert topology creates the topic when it starts; which of us gets there first is a race.
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        Schema schema = SchemaBuilder.record("Alert").namespace("test").fields()
                .requiredString("subscriptionId").requiredString("severity").requiredString("title")
                .requiredString("articleId").endRecord();
        GenericRecord alert = new GenericData.Record(schema);
        alert.put("subscriptionId", "sub-drones");
        alert.put("severity", "HIGH");
        alert.put("title", "Drones near <Idlib>");
        alert.put("articleId", "wire-1");
        byte[] value = AvroSerde.generic(ClientProperties.serde(config), false).serializer().serialize(topic, alert);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(common, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "sub-drones", value)).get();
        }
    }
}
