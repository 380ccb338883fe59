package dev.newsflow.cli;

import dev.newsflow.app.NewsflowApplication;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code newsflow run}: the application against an existing Kafka cluster and schema registry. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run newsflow against an existing Kafka cluster and schema registry until stopped (SIGTERM/Ctrl-C).")
final class RunCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    PipelineOptions pipeline;

    @Mixin
    EnrichmentOptions enrichment;

    @Override
    public Integer call() throws Exception {
        NewsflowApplication app = NewsflowApplication.start(pipeline.toConfig(connection), enrichment.liveModels());
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "newsflow-shutdown"));
        app.awaitStopped();
        return app.state().name().equals("ERROR") ? 1 : 0;
    }
}
