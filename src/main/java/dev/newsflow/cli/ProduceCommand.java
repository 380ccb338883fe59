package dev.newsflow.cli;

import dev.newsflow.app.BrokerCheck;
import dev.newsflow.app.LocalStack;
import dev.newsflow.client.ArticleFiles;
import dev.newsflow.client.ArticleSender;
import dev.newsflow.config.ClientProperties;
import dev.newsflow.config.NewsflowConfig;
import dev.newsflow.registry.AvroSerde;
import dev.newsflow.registry.RestSchemaRegistryClient;
import dev.newsflow.schema.RawArticle;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsflow produce}: the crawler side; files or the bundled samples become RawArticle records on the raw topic. */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = {"Send articles to the raw topic as RawArticle records: JSON lines (.jsonl, .jsonl.gz, one article a "
                + "line), .txt (first line the title) or .html files, and/or the bundled samples. Bad lines are reported "
                + "with their numbers and skipped.",
                "Progress (count, rate, ETA) goes to stderr; the summary to stdout. Exit code 0 when every article "
                        + "was acknowledged, 1 when a line was rejected or a send failed."},
        footer = {"", "Examples:",
                "  newsflow produce articles.jsonl.gz",
                "  newsflow produce --limit 100 --bootstrap-servers kafka:9092 a.jsonl b.html",
                "  newsflow produce --samples --loop --interval PT2S   # a demo crawler, until stopped"})
final class ProduceCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--topic", defaultValue = NewsflowConfig.DEFAULT_INPUT_TOPIC,
            description = "Raw article topic to write (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--source-name", defaultValue = "local files",
            description = "Outlet name for .txt and .html files (default: ${DEFAULT-VALUE}).")
    String sourceName;

    @Option(names = "--url-base", defaultValue = "https://example.org/articles/",
            description = "URL prefix for .txt and .html files, which carry none (default: ${DEFAULT-VALUE}).")
    String urlBase;

    @Option(names = "--limit", description = "Send at most this many articles (default: all).")
    Integer limit;

    @Option(names = "--samples", description = "Send the bundled sample articles too (after any files).")
    boolean samples;

    @Option(names = "--loop", description = "Send the articles again and again until stopped, each round with fresh "
            + "ids (-r2, -r3, ...) and fetch times, like a crawler finding new articles.")
    boolean loop;

    @Option(names = "--interval", paramLabel = "DURATION",
            description = "Pause between articles, ISO-8601 such as PT0.5S (default: none).")
    Duration interval;

    @Option(names = "--no-progress", description = "Print no progress line on stderr.")
    boolean noProgress;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Files to send (or use --samples).")
    List<Path> files = new ArrayList<>();

    @Spec
    CommandSpec spec;

    private final AtomicBoolean stopping = new AtomicBoolean();

    @Override
    public Integer call() throws Exception {
        if (files.isEmpty() && !samples) {
            throw new ParameterException(spec.commandLine(), "nothing to send: give FILE... or --samples");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        NewsflowConfig config = connection.clientSettings();
        BrokerCheck.requireReachable(config, connection.connectTimeout);
        Map<String, Object> serdeConfig = ClientProperties.serde(config);
        var serializer = AvroSerde.specific(RawArticle.class, RestSchemaRegistryClient.fromConfig(serdeConfig),
                serdeConfig, false).serializer();
        List<RawArticle> sampleArticles = samples ? LocalStack.loadSamples() : List.of();
        Progress progress = noProgress ? null : new Progress(err, "produce", loop ? null : total(sampleArticles.size()),
                System.console() != null, System::nanoTime);

        Counts counts = new Counts();
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopping.set(true);
            try {
                done.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "newsflow-produce-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (ArticleSender sender = new ArticleSender(ClientProperties.common(config), serializer, topic)) {
            ArticleFiles reader = new ArticleFiles(sourceName, urlBase);
            for (int round = 1; !stopping.get() && (round == 1 || loop); round++) {
                for (Path file : files) {
                    int thisRound = round;
                    try {
                        reader.read(file, parsed -> {
                            if (stopping.get() || limitReached(counts)) {
                                throw new EnoughRead();
                            }
                            if (parsed instanceof ArticleFiles.Rejected bad) {
                                counts.rejected.incrementAndGet();
                                err.println(bad.location() + ": rejected: " + bad.reason());
                            } else {
                                send(sender, ((ArticleFiles.Article) parsed).article(), thisRound, counts, progress, err);
                            }
                        });
                    } catch (EnoughRead e) {
                        break;
                    }
                }
                for (RawArticle sample : sampleArticles) {
                    send(sender, RawArticle.newBuilder(sample).build(), round, counts, progress, err);
                }
                if (limitReached(counts)) {
                    break;
                }
            }
            sender.flush();
        } finally {
            if (progress != null) {
                progress.finish(counts.acknowledged.get());
            }
            out.printf("sent %d article(s) to %s; %d line(s) or file(s) rejected; %d send failure(s)%n",
                    counts.acknowledged.get(), topic, counts.rejected.get(), counts.failed.get());
            out.flush();
            done.countDown();
            if (!stopping.get()) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
        return counts.failed.get() > 0 || counts.rejected.get() > 0 ? 1 : 0;
    }

    /** Ends reading a file early: the limit is reached or the command is stopping. */
    private static final class EnoughRead extends RuntimeException {
        EnoughRead() {
            super(null, null, false, false);
        }
    }

    /** What became of the articles so far; written by the producer's callbacks too. */
    private static final class Counts {
        final AtomicLong attempted = new AtomicLong();
        final AtomicLong acknowledged = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
    }

    private boolean limitReached(Counts counts) {
        return limit != null && counts.attempted.get() >= limit;
    }

    private void send(ArticleSender sender, RawArticle article, int round, Counts counts, Progress progress,
                      PrintWriter err) {
        if (stopping.get() || limitReached(counts)) {
            return;
        }
        if (round > 1) {
            article.setId(article.getId() + "-r" + round);
            article.setFetchedAt(Instant.now());
        }
        counts.attempted.incrementAndGet();
        sender.send(article, (metadata, failure) -> {
            if (failure == null) {
                counts.acknowledged.incrementAndGet();
            } else if (counts.failed.incrementAndGet() <= 10) {
                err.println("send of " + article.getId() + " failed: " + failure.getMessage());
            }
            if (progress != null) {
                progress.update(counts.acknowledged.get());
            }
        });
        if (interval != null && !interval.isZero()) {
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopping.set(true);
            }
        }
    }

    /** How many articles one pass sends, for the ETA: lines of JSON-lines files, one per other file. */
    private long total(int sampleCount) throws IOException {
        long total = sampleCount;
        for (Path file : files) {
            total += ArticleFiles.count(file);
        }
        return limit == null ? total : Math.min(total, limit);
    }
}
