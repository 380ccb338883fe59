package dev.newsflow.cli;

import dev.newsflow.client.ArticleFiles;
import dev.newsflow.client.ArticleSender;
import dev.newsflow.config.ClientProperties;
import dev.newsflow.config.NewsflowConfig;
import dev.newsflow.registry.AvroSerde;
import dev.newsflow.registry.RestSchemaRegistryClient;
import dev.newsflow.schema.RawArticle;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsflow produce}: the crawler side; files become RawArticle records on the raw topic. */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = "Send articles to the raw topic as RawArticle records: JSON lines (.jsonl, .jsonl.gz, one article a line), "
                + ".txt (first line the title) or .html files. Bad lines are reported with their numbers and skipped.")
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

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to send.")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        NewsflowConfig config = connection.clientSettings();
        Map<String, Object> serdeConfig = ClientProperties.serde(config);
        var serializer = AvroSerde.specific(RawArticle.class, RestSchemaRegistryClient.fromConfig(serdeConfig),
                serdeConfig, false).serializer();
        ArticleFiles reader = new ArticleFiles(sourceName, urlBase);
        List<Future<RecordMetadata>> pending = new ArrayList<>();
        int[] rejected = {0};
        try (ArticleSender sender = new ArticleSender(ClientProperties.common(config), serializer, topic)) {
            for (Path file : files) {
                reader.read(file, parsed -> {
                    if (parsed instanceof ArticleFiles.Rejected bad) {
                        rejected[0]++;
                        err.println(bad.location() + ": rejected: " + bad.reason());
                    } else if (limit == null || pending.size() < limit) {
                        pending.add(sender.send(((ArticleFiles.Article) parsed).article()));
                    }
                });
            }
            sender.flush();
        }
        int sent = 0;
        int failed = 0;
        for (Future<RecordMetadata> future : pending) {
            try {
                future.get();
                sent++;
            } catch (ExecutionException e) {
                failed++;
                err.println("send failed: " + e.getCause().getMessage());
            }
        }
        out.printf("sent %d article(s) to %s; %d line(s) or file(s) rejected; %d send failure(s)%n", sent, topic,
                rejected[0], failed);
        return failed > 0 ? 2 : (rejected[0] > 0 ? 1 : 0);
    }
}
