package dev.newsflow.cli;

import dev.newsflow.app.LocalStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsflow local}: embedded broker and registry, the application, sample articles and a live summary. */
@Command(name = "local", mixinStandardHelpOptions = true,
        description = "Try newsflow on this machine: embedded Kafka (KRaft) and schema registry, sample articles flowing, "
                + "enriched results shown. Ctrl-C stops; the data directory survives restarts.",
        footer = {"", "Examples:",
                "  newsflow local                      # then, in another shell: newsflow tail",
                "  newsflow local --no-samples --no-ner",
                "  newsflow local --data-dir /tmp/nf --broker-port 19092 --registry-port 18081"})
final class LocalCommand implements Callable<Integer> {

    @Mixin
    PipelineOptions pipeline;

    @Mixin
    EnrichmentOptions enrichment;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = ".newsflow/local",
            description = "Broker log, registry journal and state (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--broker-port", defaultValue = "9092",
            description = "Preferred Kafka port; a free one is used if it is taken (default: ${DEFAULT-VALUE}).")
    int brokerPort;

    @Option(names = "--registry-port", defaultValue = "8081",
            description = "Preferred schema registry port; a free one is used if it is taken (default: ${DEFAULT-VALUE}).")
    int registryPort;

    @Option(names = "--sample-interval", defaultValue = "PT0.5S",
            description = "Pause between bundled sample articles, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration sampleInterval;

    @Option(names = "--no-samples", description = "Feed no sample articles; produce your own with 'newsflow produce'.")
    boolean noSamples;

    @Override
    public Integer call() throws Exception {
        LocalStack.Options options = new LocalStack.Options(dataDir.toAbsolutePath(), brokerPort, registryPort,
                noSamples ? null : sampleInterval);
        LocalStack stack = LocalStack.start(options, pipeline.toConfig("embedded", "embedded", Map.of()),
                enrichment.liveModels(), System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("[local] stopping ...");
            stack.close();
            stopped.countDown();
        }, "newsflow-local-shutdown"));
        System.out.println("[local] Ctrl-C to stop; in another shell: bin/newsflow tail --bootstrap-servers "
                + stack.config().bootstrapServers() + " --schema-registry-url " + stack.config().schemaRegistryUrl());
        stopped.await();
        return 0;
    }
}
