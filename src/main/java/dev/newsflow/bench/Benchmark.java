package dev.newsflow.bench;

import dev.newsflow.client.ArticleFiles;
import dev.newsflow.client.ArticleSender;
import dev.newsflow.config.ClientProperties;
import dev.newsflow.config.NewsflowConfig;
import dev.newsflow.enrich.NewsEnricher;
import dev.newsflow.enrich.entities.KnowledgeBase;
import dev.newsflow.enrich.topics.Taxonomy;
import dev.newsflow.registry.AvroSerde;
import dev.newsflow.registry.RestSchemaRegistryClient;
import dev.newsflow.registry.SchemaRegistryClient;
import dev.newsflow.schema.RawArticle;
import dev.newsflow.topology.NewsflowTopology;
import dev.newsflow.topology.PassthroughTopology;
import dev.newsflow.topology.Topics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * {@code newsflow bench}: preloads articles, then measures each pipeline's throughput on them and its latency at a
 * fixed offered rate, every phase with a fresh application, topics and Kafka Streams state.
 */
public final class Benchmark {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(120);

    private final BenchSettings settings;
    private final BenchTarget target;
    private final Progress progress;
    private final SchemaRegistryClient registry;
    /** Prefix of every topic and application id of this run, so runs on a shared cluster cannot collide. */
    private final String run;
    private KnowledgeBase knowledgeBase;

    private Benchmark(BenchSettings settings, BenchTarget target, Progress progress) {
        this.settings = settings;
        this.target = target;
        this.progress = progress;
        this.registry = RestSchemaRegistryClient.fromConfig(ClientProperties.serde(target.base()));
        this.run = "newsflow-bench-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + "-" + UUID.randomUUID().toString().substring(0, 4);
    }

    /**
     * Runs the whole benchmark; progress goes to {@code err}, redrawn in place when it is a terminal.
     *
     * @throws IllegalArgumentException when the articles file is missing or holds no article
     */
    public static BenchReport run(BenchSettings settings, PrintWriter err, boolean terminal) throws Exception {
        checkArticles(settings.articles());
        try (Progress progress = new Progress(err, terminal);
             BenchTarget target = BenchTarget.start(settings)) {
            progress.say(target.description());
            return new Benchmark(settings, target, progress).measure();
        }
    }

    static void checkArticles(Path articles) {
        if (!Files.isRegularFile(articles)) {
            throw new IllegalArgumentException("articles file " + articles + " not found (looked for "
                    + articles.toAbsolutePath().normalize() + "): give a JSON-lines file of articles with --articles FILE "
                    + "(.jsonl or .jsonl.gz, one article a line as for 'newsflow produce'), or run from a directory "
                    + "beside shared/, whose data/stream/allsides_articles.jsonl.gz is the default");
        }
    }

    private BenchReport measure() throws Exception {
        Preloaded preloaded = preload();
        List<PipelineResult> results = new ArrayList<>();
        for (Pipeline pipeline : settings.pipelines()) {
            progress.say(pipeline.label() + ": " + pipeline.description());
            Function<NewsflowConfig, Topology> topology = topologies(pipeline);
            if (settings.warmup() > 0) {
                warmUp(pipeline, topology, preloaded);
            }
            Throughput throughput = throughput(pipeline, topology, preloaded);
            Latency latency = settings.latencySeconds() > 0 ? latency(pipeline, topology, preloaded) : null;
            results.add(new PipelineResult(pipeline, throughput, latency));
        }
        return new BenchReport(setup(preloaded), results);
    }

    private Preloaded preload() throws IOException, InterruptedException, ExecutionException {
        String topic = run + "-articles";
        target.createTopics(topic);
        var serializer = AvroSerde.specific(RawArticle.class, registry, ClientProperties.serde(target.base()), false)
                .serializer();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        AtomicLong sentCount = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        try (ArticleSender sender = new ArticleSender(ClientProperties.common(target.base()), serializer, topic);
             Progress.Shown shown = progress.begin("loading " + settings.articles().getFileName(), settings.count(),
                     sentCount::get)) {
            new ArticleFiles("bench", "https://example.org/bench/").read(settings.articles(), settings.count(), parsed -> {
                if (parsed instanceof ArticleFiles.Article article) {
                    if (settings.eventTimes() == BenchSettings.EventTimes.LIVE) {
                        article.article().setPublishedAt(Instant.now());
                    }
                    sent.add(sender.send(article.article()));
                    sentCount.incrementAndGet();
                } else {
                    rejected.incrementAndGet();
                }
            });
            sender.flush();
            progress.end();
        }
        if (sent.isEmpty()) {
            throw new IllegalArgumentException(settings.articles() + " holds no article (" + rejected.get()
                    + " lines rejected); check it with 'newsflow enrich " + settings.articles() + "'");
        }
        long bytes = 0;
        for (Future<RecordMetadata> future : sent) {
            RecordMetadata metadata = future.get();
            bytes += Math.max(0, metadata.serializedKeySize()) + Math.max(0, metadata.serializedValueSize());
        }
        if (sent.size() < settings.count()) {
            progress.say(settings.articles() + " holds only " + sent.size() + " articles; measuring those");
        }
        return new Preloaded(topic, sent.size(), bytes, rejected.get());
    }

    /** Builds the pipeline's topology for a phase's config; loads its models now, before anything is measured. */
    private Function<NewsflowConfig, Topology> topologies(Pipeline pipeline) {
        if (pipeline == Pipeline.PASSTHROUGH) {
            return config -> PassthroughTopology.build(Topics.create(config, registry));
        }
        if (knowledgeBase == null) {
            knowledgeBase = KnowledgeBase.loadDefault();
        }
        NewsEnricher.Shared shared = NewsEnricher.Shared.of(knowledgeBase, pipeline == Pipeline.FULL);
        return config -> NewsflowTopology.build(config, Topics.create(config, registry), () -> new NewsEnricher(shared),
                Clock.systemUTC());
    }

    private void warmUp(Pipeline pipeline, Function<NewsflowConfig, Topology> topology, Preloaded preloaded)
            throws InterruptedException {
        NewsflowConfig config = phase(pipeline, "warmup", preloaded.topic());
        long articles = Math.min(settings.warmup(), preloaded.count());
        try (OutputCounter counter = counter(config, articles, false);
             Progress.Shown shown = progress.begin(pipeline.label() + " warm-up", articles, counter::total);
             StreamsRun app = start(topology.apply(config), config, () -> { })) {
            counter.await(STALL_TIMEOUT, app::problem);
            progress.end();
        }
    }

    private Throughput throughput(Pipeline pipeline, Function<NewsflowConfig, Topology> topology, Preloaded preloaded)
            throws InterruptedException {
        NewsflowConfig config = phase(pipeline, "throughput", preloaded.topic());
        Topology built = topology.apply(config);
        ResourceMeter.resetHeapPeaks();
        AtomicReference<ResourceMeter> meter = new AtomicReference<>();
        try (OutputCounter counter = counter(config, preloaded.count(), false);
             Progress.Shown shown = progress.begin(pipeline.label() + " throughput", preloaded.count(), counter::total);
             StreamsRun app = start(built, config, () -> meter.compareAndSet(null, ResourceMeter.start()))) {
            counter.await(STALL_TIMEOUT, app::problem);
            Resources resources = meter.get().stop();
            ThreadTime threadTime = app.threadTime();
            progress.end();
            return new Throughput(new Counts(preloaded.count(), counter.outputs(), counter.deadLetters()),
                    preloaded.bytes(), resources, threadTime);
        }
    }

    private Latency latency(Pipeline pipeline, Function<NewsflowConfig, Topology> topology, Preloaded preloaded)
            throws InterruptedException {
        String input = run + "-" + pipeline.label() + "-latency-in";
        target.createTopics(input);
        NewsflowConfig config = phase(pipeline, "latency", input);
        long articles = settings.latencyArticles();
        Topology built = topology.apply(config);
        ResourceMeter.resetHeapPeaks();
        try (OutputCounter counter = counter(config, articles, true);
             StreamsRun app = start(built, config, () -> { });
             RateFeeder feeder = new RateFeeder(ClientProperties.common(config), preloaded, input);
             Progress.Shown shown = progress.begin(pipeline.label() + " latency at " + settings.rate() + "/s", articles,
                     counter::total)) {
            ResourceMeter meter = ResourceMeter.start();
            feeder.send(articles, settings.rate());
            counter.await(STALL_TIMEOUT, app::problem);
            Resources resources = meter.stop();
            progress.end();
            return new Latency(new Counts(articles, counter.outputs(), counter.deadLetters()), settings.rate(),
                    LatencySummary.of(counter.latencies()), resources);
        }
    }

    /** A fresh application id with fresh output and dead-letter topics, reading {@code input}. */
    private NewsflowConfig phase(Pipeline pipeline, String kind, String input) {
        String name = run + "-" + pipeline.label() + "-" + kind;
        // newsflow also writes every article to the stream of each topic it carries: that is part of its work.
        String topicStreams = name + "-topic-" + NewsflowConfig.TOPIC_PLACEHOLDER;
        List<String> topics = new ArrayList<>(List.of(name + "-out", name + "-dlq"));
        if (pipeline != Pipeline.PASSTHROUGH) {
            for (String topicId : Taxonomy.loadDefault().topicIds()) {
                topics.add(topicStreams.replace(NewsflowConfig.TOPIC_PLACEHOLDER, topicId));
            }
            // And the trend stage's spikes: counting and spike detection are part of its work too.
            topics.add(name + "-trends");
        }
        target.createTopics(topics.toArray(String[]::new));
        return target.application(name, input, name + "-out", name + "-dlq").toBuilder()
                .topicStreamPattern(topicStreams).trendsTopic(name + "-trends").build();
    }

    private OutputCounter counter(NewsflowConfig config, long expected, boolean keepLatencies) {
        return new OutputCounter(ClientProperties.common(config), config.outputTopic(), config.errorTopic(), expected,
                keepLatencies);
    }

    private StreamsRun start(Topology topology, NewsflowConfig config, Runnable onRunning) throws InterruptedException {
        Properties props = ClientProperties.streams(config);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.streamThreads());
        return StreamsRun.start(topology, props, onRunning, START_TIMEOUT);
    }

    private List<String> setup(Preloaded preloaded) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "newsflow bench: %d articles (%.1f MB as Avro RawArticle records) from %s%s",
                preloaded.count(), preloaded.bytes() / 1e6, settings.articles(),
                preloaded.rejectedLines() == 0 ? "" : ", " + preloaded.rejectedLines() + " unusable lines skipped"));
        lines.add(String.format(Locale.ROOT, "setup: %d partition(s), %d stream thread(s), %s; %s; Java %s, %d cores, max heap %d MiB",
                settings.partitions(), settings.streamThreads(), settings.processingGuarantee(), target.description(),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 1048576));
        settings.pipelines().forEach(p -> lines.add("pipeline " + p.label() + ": " + p.description()));
        lines.add(settings.warmup() == 0
                ? "warm-up: none (--warmup 0), so the first phases include JIT compilation"
                : "warm-up: before each pipeline is measured, a separate application pushes the first "
                        + Math.min(settings.warmup(), preloaded.count())
                        + " articles through it in this JVM, so the JIT has compiled it; not counted");
        lines.add(settings.eventTimes() == BenchSettings.EventTimes.LIVE
                ? "event times: live (--event-times live): each article is stamped as published when it is loaded, so "
                        + "every trend hit lands in an open window and is counted, as on a live feed"
                : "event times: archive (--event-times archive): the file's own publication times, years out of order, "
                        + "so most trend hits are later than their window's grace and dropped uncounted");
        lines.add("throughput: a fresh application reads all " + preloaded.count() + " preloaded articles from the "
                + "beginning; timed from its main consumer handing out the first input records to the last output or dead letter read by a "
                + "read_committed consumer; MB/s counts input keys and values (10^6 bytes)");
        lines.add(settings.latencySeconds() == 0
                ? "latency: not measured (--latency-seconds 0)"
                : "latency: a fresh application on a fresh input topic, offered " + settings.rate() + " articles/s for "
                        + settings.latencySeconds() + " s (the preloaded records sent again); latency = receipt by a "
                        + "read_committed consumer minus the producer's record timestamp");
        lines.add("CPU cores: process CPU time / wall time; peak heap: sum of the heap pools' peaks (MemoryPoolMXBean, "
                + "reset after a GC before each phase). Both are this whole JVM: "
                + (target.embeddedBroker() ? "the embedded broker and registry, " : "")
                + "the benchmark's producer and consumer included, not the application alone.");
        return lines;
    }
}
