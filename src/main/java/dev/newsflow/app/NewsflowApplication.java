package dev.newsflow.app;

import com.sun.net.httpserver.HttpHandler;
import dev.newsflow.config.ClientProperties;
import dev.newsflow.config.NewsflowConfig;
import dev.newsflow.config.Secrets;
import dev.newsflow.console.WebConsole;
import dev.newsflow.enrich.Enricher;
import dev.newsflow.enrich.EnricherVersions;
import dev.newsflow.enrich.LiveModels;
import dev.newsflow.http.HealthServer;
import dev.newsflow.http.StreamsHealth;
import dev.newsflow.kafka.ProvisionReport;
import dev.newsflow.kafka.TopicProvisioner;
import dev.newsflow.metrics.NewsflowMetrics;
import dev.newsflow.registry.RestSchemaRegistryClient;
import dev.newsflow.registry.RetryingRegistryClient;
import dev.newsflow.topology.NewsflowTopology;
import dev.newsflow.topology.OversizedOutputHandler;
import dev.newsflow.topology.PipelineVersion;
import dev.newsflow.topology.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running newsflow instance: creates missing topics, starts the Kafka Streams topology, and closes it
 * cleanly. {@code run} and {@code local} both start exactly this.
 */
public final class NewsflowApplication implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NewsflowApplication.class);
    /** Logged when close() completed: offsets committed, transactions closed, group left. */
    public static final String CLOSED_CLEANLY = "newsflow closed cleanly";
    /** Logged when a stream thread failed and is replaced; the chaos harness counts these. */
    public static final String THREAD_REPLACED = "Stream thread failed; replacing it and resuming from the last commit";

    private final KafkaStreams streams;
    private final NewsflowMetrics metrics;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private HealthServer health;
    private WebConsole console;

    private NewsflowApplication(KafkaStreams streams, NewsflowMetrics metrics) {
        this.streams = streams;
        this.metrics = metrics;
    }

    /**
     * Creates missing topics and starts processing with {@code models}, which users' rule and knowledge-base
     * updates replace while it runs; returns once the streams client has started.
     */
    public static NewsflowApplication start(NewsflowConfig config, LiveModels models) {
        RetryingRegistryClient registry = registry(config);
        Topics topics = Topics.create(config, registry);
        provisionTopics(config, topics, models.taxonomy().topicIds());
        // A topic added by a rule update needs its stream before the first article is tagged with it.
        models.onTaxonomyChange(taxonomy -> provisionTopics(config, topics, taxonomy.topicIds()));
        return start(config, topics, registry, models.enricher().versions(),
                metrics -> NewsflowTopology.build(config, topics, models, Clock.systemUTC(), metrics));
    }

    /** Starts the article pipeline alone with fixed enrichers (no rule updates): for tests and tools. */
    public static NewsflowApplication start(NewsflowConfig config, Supplier<Enricher> enrichers) {
        RetryingRegistryClient registry = registry(config);
        Topics topics = Topics.create(config, registry);
        provisionTopics(config, topics, List.of());
        return start(config, topics, registry, enrichers.get().versions(),
                metrics -> NewsflowTopology.build(config, topics, enrichers, Clock.systemUTC(), metrics));
    }

    /** One client, and so one schema cache, for every serde; outages are retried briefly, then escape. */
    private static RetryingRegistryClient registry(NewsflowConfig config) {
        return new RetryingRegistryClient(RestSchemaRegistryClient.fromConfig(ClientProperties.serde(config)),
                RetryingRegistryClient.DEFAULT_BUDGET);
    }

    private static NewsflowApplication start(NewsflowConfig config, Topics topics, RetryingRegistryClient registry,
                                             EnricherVersions versions, Function<NewsflowMetrics, Topology> topology) {
        NewsflowMetrics metrics = new NewsflowMetrics();
        metrics.versions(PipelineVersion.VERSION, versions.taxonomy(), versions.knowledgeBase(), versions.nerModel());
        LOG.info("Starting newsflow {} reading {} writing {} (dead letters to {}), guarantee {}",
                config.applicationId(), topics.input(), topics.enriched(), topics.deadLetters(),
                config.processingGuarantee());
        java.util.Properties props = ClientProperties.streams(config);
        props.putAll(OversizedOutputHandler.settings(topics));
        KafkaStreams streams = new KafkaStreams(topology.apply(metrics), props);
        metrics.bindStreams(streams);
        NewsflowApplication app = new NewsflowApplication(streams, metrics);
        // A registry outage or a broker hiccup kills a stream thread; a fresh thread resumes from the last
        // committed offsets, so nothing is lost and exactly-once still holds.
        streams.setUncaughtExceptionHandler(e -> {
            // The message chain, redacted, at ERROR; the stack trace (not redacted) only at DEBUG.
            LOG.error(THREAD_REPLACED + ": {}", Secrets.describe(e));
            LOG.debug("Stream thread failure", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((newState, oldState) -> {
            LOG.info("newsflow state {} -> {}", oldState, newState);
            if (newState == KafkaStreams.State.NOT_RUNNING || newState == KafkaStreams.State.ERROR) {
                app.stopped.countDown();
            }
        });
        streams.start();
        if (config.httpPort() >= 0) {
            try {
                Map<String, HttpHandler> routes = new LinkedHashMap<>(QueryRoutes.of(config, streams));
                app.console = WebConsole.start(config, config.alertsTopic());
                app.console.mount(routes::put);
                app.health = HealthServer.start(config.httpHost(), config.httpPort(),
                        () -> StreamsHealth.of(streams, registry.available()),
                        metrics::scrape, routes);
                LOG.info("Health and metrics on http://{}:{}/health (/live, /ready) and /metrics", config.httpHost(),
                        app.health.port());
                LOG.info("Web console on {}", app.consoleUrl());
            } catch (IOException e) {
                app.close();
                throw new UncheckedIOException("cannot serve health on " + config.httpHost() + ":" + config.httpPort()
                        + " (use --http-port to choose another port, -1 to disable)", e);
            }
        }
        return app;
    }

    static void provisionTopics(NewsflowConfig config, Topics topics, List<String> taxonomyTopicIds) {
        Map<String, Object> admin = new HashMap<>();
        ClientProperties.common(config).forEach((key, value) -> admin.put((String) key, value));
        ProvisionReport report = TopicProvisioner.provision(admin, topics.specs(config, taxonomyTopicIds),
                Duration.ofSeconds(60));
        report.mismatches().forEach(m -> LOG.warn("Topic {} has {} partitions, not the configured {}; left as it is",
                m.topic(), m.actual(), m.requested()));
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Waits until the instance is RUNNING (partitions assigned, state restored). */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline || !streams.state().isRunningOrRebalancing()) {
                return streams.state() == KafkaStreams.State.RUNNING;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** Blocks until the instance stops (closed, or failed for good). */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Port of the health endpoint, or -1 when disabled. */
    public int healthPort() {
        return health == null ? -1 : health.port();
    }

    /** The web console's address (on the health endpoint's host and port), or null when HTTP is disabled. */
    public String consoleUrl() {
        if (health == null) {
            return null;
        }
        String host = health.address().getHostString();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + health.port() + WebConsole.PATH;
    }

    /** newsflow's meters, the streams client's and the JVM's, as /metrics serves them. */
    public NewsflowMetrics metrics() {
        return metrics;
    }

    /** Commits, leaves the group and closes; under exactly-once nothing half-written becomes visible. */
    @Override
    public void close() {
        if (console != null) {
            console.close();
        }
        if (health != null) {
            health.close();
        }
        // Leaving the group hands the partitions over at once, instead of after the session timeout (45 s).
        boolean closed = streams.close(CloseOptions.groupMembershipOperation(
                CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(Duration.ofSeconds(30)));
        metrics.close();
        // Said here, after close() returned, because the state listener's NOT_RUNNING may not be logged before
        // the JVM halts; operators and the chaos harness read this line as the proof of a clean close.
        if (closed) {
            LOG.info(CLOSED_CLEANLY);
        } else {
            LOG.warn("newsflow did not close within 30 s; open transactions are aborted by the broker");
        }
        stopped.countDown();
    }
}
