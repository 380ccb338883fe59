package dev.newsflow.cli;

import dev.newsflow.app.BrokerCheck;
import dev.newsflow.app.NewsflowApplication;
import dev.newsflow.config.NewsflowConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code newsflow run}: the application against an existing Kafka cluster and schema registry. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run newsflow against an existing Kafka cluster and schema registry until stopped (SIGTERM/Ctrl-C).",
                "Creates missing topics, then processes; health on /health, /health/live, /health/ready and Prometheus "
                        + "metrics on /metrics (--http-host, --http-port). Exit code 1 if it cannot start or fails for good."},
        footer = {"", "Examples:",
                "  newsflow run --bootstrap-servers kafka:9092 --schema-registry-url http://registry:8081",
                "  newsflow run --config-file /etc/newsflow/newsflow.properties",
                "  NEWSFLOW_APPLICATION_ID=newsflow-b NEWSFLOW_OUTPUT_TOPIC=enriched-b newsflow run"})
final class RunCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    PipelineOptions pipeline;

    @Mixin
    EnrichmentOptions enrichment;

    @Override
    public Integer call() throws Exception {
        NewsflowConfig config = pipeline.toConfig(connection);
        BrokerCheck.requireReachable(config, connection.connectTimeout);
        NewsflowApplication app = NewsflowApplication.start(config, enrichment.liveModels());
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "newsflow-shutdown"));
        app.awaitStopped();
        return app.state().name().equals("ERROR") ? 1 : 0;
    }
}
