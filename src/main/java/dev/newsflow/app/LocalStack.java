package dev.newsflow.app;

import dev.newsflow.client.ArticleFiles;
import dev.newsflow.client.ArticleSender;
import dev.newsflow.client.ArticleSummary;
import dev.newsflow.client.OutputTailer;
import dev.newsflow.config.ClientProperties;
import dev.newsflow.config.NewsflowConfig;
import dev.newsflow.enrich.LiveModels;
import dev.newsflow.kafka.EmbeddedKafkaBroker;
import dev.newsflow.kafka.FreePorts;
import dev.newsflow.registry.AvroSerde;
import dev.newsflow.registry.EmbeddedSchemaRegistry;
import dev.newsflow.registry.RestSchemaRegistryClient;
import dev.newsflow.registry.SchemaRegistryClient;
import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.RawArticle;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Everything needed to try newsflow on one machine: an in-process KRaft broker and schema registry whose data
 * survive restarts, the newsflow application, a feed of bundled sample articles and a live summary of output.
 */
public final class LocalStack implements AutoCloseable {

    /** Bundled sample articles, fed to the raw topic in local mode. */
    public static final String SAMPLES_RESOURCE = "/samples/articles.jsonl";

    /**
     * @param dataDir        where the broker log and registry journal live (kept across restarts)
     * @param brokerPort     preferred broker port (another free one is used when it is taken)
     * @param registryPort   preferred registry port (likewise)
     * @param sampleInterval pause between sample articles; null feeds none
     */
    public record Options(Path dataDir, int brokerPort, int registryPort, Duration sampleInterval) {
    }

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final PrintStream out;
    private final Instant startedAt = Instant.now();
    private volatile Instant firstEnrichedAt;
    private NewsflowConfig config;
    private OutputTailer tailer;

    private LocalStack(PrintStream out) {
        this.out = out;
    }

    /** Starts broker, registry and application; then samples flow and output is printed to {@code out}. */
    public static LocalStack start(Options options, NewsflowConfig base, LiveModels models, PrintStream out)
            throws Exception {
        LocalStack stack = new LocalStack(out);
        try {
            stack.startAll(options, base, models);
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(Options options, NewsflowConfig base, LiveModels models) throws Exception {
        Files.createDirectories(options.dataDir());
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder()
                .dataDir(options.dataDir().resolve("kafka"))
                .brokerPort(FreePorts.preferred(options.brokerPort()))
                .build();
        resources.add(broker);
        broker.start();
        say("kafka     %s (KRaft, data in %s) ready after %s", broker.bootstrapServers(),
                options.dataDir().resolve("kafka"), sinceStart());

        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(FreePorts.preferred(options.registryPort()),
                options.dataDir().resolve("registry"));
        resources.add(registry);
        say("registry  %s ready after %s", registry.url(), sinceStart());

        config = base.toBuilder()
                .bootstrapServers(broker.bootstrapServers())
                .schemaRegistryUrl(registry.url())
                .stateDir(options.dataDir().resolve("streams"))
                .httpPort(base.httpPort() < 0 ? -1 : FreePorts.preferred(base.httpPort()))
                .clientConfig(base.clientConfig())
                .build();
        NewsflowApplication app = NewsflowApplication.start(config, models);
        resources.add(app);
        app.awaitRunning(Duration.ofSeconds(60));
        say("newsflow  %s running after %s: %s -> %s (dead letters: %s); health on http://%s:%d/health",
                config.applicationId(), sinceStart(), config.inputTopics(), config.outputTopic(), config.errorTopic(),
                config.httpHost(), app.healthPort());
        if (app.consoleUrl() != null) {
            say("console   %s (live feed, article highlights, topic sparklines, alerts)", app.consoleUrl());
        }

        SchemaRegistryClient client = RestSchemaRegistryClient.fromConfig(ClientProperties.serde(config));
        startTailer(client);
        if (options.sampleInterval() != null) {
            startSampleFeed(client, options.sampleInterval());
        }
    }

    private void startTailer(SchemaRegistryClient client) {
        var serdeConfig = ClientProperties.serde(config);
        tailer = new OutputTailer(ClientProperties.common(config), config.outputTopic(), config.errorTopic(),
                AvroSerde.specific(EnrichedArticle.class, client, serdeConfig, false).deserializer(),
                AvroSerde.specific(DeadLetter.class, client, serdeConfig, false).deserializer(), false);
        resources.add(tailer::stop);
        Thread thread = new Thread(() -> {
            tailer.run(new OutputTailer.Listener() {
                @Override
                public void enriched(EnrichedArticle article, ConsumerRecord<String, byte[]> record, long latencyMillis) {
                    if (firstEnrichedAt == null) {
                        firstEnrichedAt = Instant.now();
                        say("first enriched article after %s", sinceStart());
                    }
                    out.print(ArticleSummary.block(article, latencyMillis));
                }

                @Override
                public void deadLetter(DeadLetter letter, ConsumerRecord<String, byte[]> record) {
                    out.println(ArticleSummary.deadLetter(letter));
                }
            }, Integer.MAX_VALUE, null);
            tailer.close();
        }, "newsflow-local-tail");
        thread.setDaemon(true);
        thread.start();
    }

    private void startSampleFeed(SchemaRegistryClient client, Duration interval) throws IOException {
        List<RawArticle> samples = loadSamples();
        ArticleSender sender = new ArticleSender(ClientProperties.common(config),
                AvroSerde.specific(RawArticle.class, client, ClientProperties.serde(config), false).serializer(),
                config.inputTopics().get(0));
        resources.add(sender);
        Thread thread = new Thread(() -> {
            try {
                for (RawArticle sample : samples) {
                    if (closed.get()) {
                        return;
                    }
                    sample.setFetchedAt(Instant.now());
                    sender.sendAndWait(sample);
                    Thread.sleep(interval.toMillis());
                }
                say("fed %d sample articles; produce your own with: bin/newsflow produce FILE...", samples.size());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                if (!closed.get()) {
                    say("sample feed stopped: %s", e);
                }
            }
        }, "newsflow-local-samples");
        thread.setDaemon(true);
        thread.start();
    }

    /** The bundled sample articles, as `local` and `produce --samples` send them. */
    public static List<RawArticle> loadSamples() throws IOException {
        List<RawArticle> samples = new ArrayList<>();
        try (InputStream in = LocalStack.class.getResourceAsStream(SAMPLES_RESOURCE)) {
            if (in == null) {
                throw new IOException("sample articles missing from the jar: " + SAMPLES_RESOURCE);
            }
            ArticleFiles.readJsonLines(SAMPLES_RESOURCE, in, parsed -> {
                if (parsed instanceof ArticleFiles.Article article) {
                    samples.add(article.article());
                }
            });
        }
        return samples;
    }

    public NewsflowConfig config() {
        return config;
    }

    /** When the first enriched article was shown, or null. */
    public Instant firstEnrichedAt() {
        return firstEnrichedAt;
    }

    private String sinceStart() {
        return String.format(Locale.ROOT, "%.1f s", Duration.between(startedAt, Instant.now()).toMillis() / 1000.0);
    }

    private void say(String format, Object... args) {
        out.println("[local] " + String.format(Locale.ROOT, format, args));
    }

    /** Stops the feed and the tail, then the application (committing), the registry and the broker. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                out.println("[local] error while stopping: " + e);
            }
        }
    }
}
