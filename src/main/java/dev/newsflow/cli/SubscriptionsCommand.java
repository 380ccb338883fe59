package dev.newsflow.cli;

import dev.newsflow.alerts.Subscription;
import dev.newsflow.alerts.SubscriptionFormat;
import dev.newsflow.client.ControlPublisher;
import dev.newsflow.client.ControlReader;
import dev.newsflow.config.ClientProperties;
import dev.newsflow.config.NewsflowConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsflow subscriptions}: check watchlist subscriptions, put them in force, withdraw them, list them. */
@Command(name = "subscriptions", mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  newsflow subscriptions validate eval/alerts/subscriptions.jsonl",
                "  newsflow subscriptions publish my-watchlist.jsonl", "  newsflow subscriptions withdraw iran-sanctions",
                "  newsflow subscriptions list"},
        description = "Check watchlist subscriptions (JSON lines, docs/CONTRACTS.md) or publish them to the subscriptions "
                + "topic, where running applications validate them and alert on them without a restart.",
        subcommands = {SubscriptionsCommand.Validate.class, SubscriptionsCommand.Publish.class,
                SubscriptionsCommand.Withdraw.class, SubscriptionsCommand.ListInForce.class})
final class SubscriptionsCommand {

    @Command(name = "validate", mixinStandardHelpOptions = true,
            footer = {"", "Examples:", "  newsflow subscriptions validate my-watchlist.jsonl"},
            description = "Check every line of a JSON-lines file; exit 1 naming the lines and fields at fault.")
    static final class Validate implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "JSON lines, one subscription a line.")
        Path file;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            return read(file, spec) == null ? 1 : 0;
        }
    }

    @Command(name = "publish", mixinStandardHelpOptions = true,
            footer = {"", "Examples:", "  newsflow subscriptions publish my-watchlist.jsonl --bootstrap-servers kafka:9092"},
            description = "Validate a JSON-lines file and publish every subscription keyed by its id; nothing is sent if "
                    + "a line is bad. A published id replaces the subscription in force.")
    static final class Publish implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Option(names = "--subscriptions-topic", paramLabel = "TOPIC",
                defaultValue = NewsflowConfig.DEFAULT_SUBSCRIPTIONS_TOPIC,
                description = "Subscriptions topic (default: ${DEFAULT-VALUE}).")
        String topic;

        @Parameters(paramLabel = "FILE", description = "JSON lines, one subscription a line.")
        Path file;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            List<JsonLinesFile.Line<Subscription>> lines = read(file, spec);
            if (lines == null) {
                return 1;
            }
            try (ControlPublisher publisher = new ControlPublisher(ClientProperties.common(connection.clientSettings()))) {
                for (JsonLinesFile.Line<Subscription> line : lines) {
                    publisher.publish(topic, line.parsed().id(), line.json());
                }
            }
            spec.commandLine().getOut().printf("published %d subscription%s to %s%n", lines.size(),
                    lines.size() == 1 ? "" : "s", topic);
            return 0;
        }
    }

    @Command(name = "withdraw", mixinStandardHelpOptions = true,
            footer = {"", "Examples:", "  newsflow subscriptions withdraw iran-sanctions drones"},
            description = "Publish tombstones: the given subscriptions stop alerting on every instance.")
    static final class Withdraw implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Option(names = "--subscriptions-topic", paramLabel = "TOPIC",
                defaultValue = NewsflowConfig.DEFAULT_SUBSCRIPTIONS_TOPIC,
                description = "Subscriptions topic (default: ${DEFAULT-VALUE}).")
        String topic;

        @Parameters(arity = "1..*", paramLabel = "ID", description = "Subscription ids.")
        List<String> ids;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (ControlPublisher publisher = new ControlPublisher(ClientProperties.common(connection.clientSettings()))) {
                for (String id : ids) {
                    publisher.publish(topic, id, null);
                }
            }
            spec.commandLine().getOut().printf("withdrew %d subscription%s%n", ids.size(), ids.size() == 1 ? "" : "s");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            footer = {"", "Examples:", "  newsflow subscriptions list --application-id newsflow --bootstrap-servers kafka:9092"},
            description = "List the subscriptions an application has accepted and has in force (its "
                    + "<application-id>-subscriptions-accepted topic), one line each.")
    static final class ListInForce implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Option(names = "--application-id", defaultValue = NewsflowConfig.DEFAULT_APPLICATION_ID,
                description = "The application whose subscriptions to list (default: ${DEFAULT-VALUE}).")
        String applicationId;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Map<String, String> inForce = ControlReader.latest(ClientProperties.common(connection.clientSettings()),
                    applicationId + "-subscriptions-accepted", connection.connectTimeout);
            PrintWriter out = spec.commandLine().getOut();
            inForce.values().forEach(json -> out.println(describe(SubscriptionFormat.parse(json))));
            out.printf("%d subscription%s in force for %s%n", inForce.size(), inForce.size() == 1 ? "" : "s", applicationId);
            return 0;
        }
    }

    /** One line for people: id, owner, severity and the conditions that are set. */
    static String describe(Subscription s) {
        StringBuilder line = new StringBuilder(s.id()).append("  owner=").append(s.owner())
                .append("  severity=").append(s.severity());
        appendIds(line, "topics", s.topics().ids());
        if (s.topics().minScore() > 0) {
            line.append("  minScore=").append(s.topics().minScore());
        }
        appendIds(line, "entities", s.entities());
        if (!s.sources().include().isEmpty()) {
            line.append("  sources=").append(s.sources().include());
        }
        if (!s.sources().exclude().isEmpty()) {
            line.append("  not-sources=").append(s.sources().exclude());
        }
        if (!s.languages().isEmpty()) {
            line.append("  languages=").append(s.languages());
        }
        return line.append("  minSources=").append(s.minSources()).append("  suppressFor=").append(s.suppressFor())
                .toString();
    }

    private static void appendIds(StringBuilder line, String name, Subscription.Ids ids) {
        if (!ids.any().isEmpty()) {
            line.append("  ").append(name).append(".any=").append(ids.any());
        }
        if (!ids.all().isEmpty()) {
            line.append("  ").append(name).append(".all=").append(ids.all());
        }
    }

    /** Every subscription of the file, or null after printing each bad line. */
    private static List<JsonLinesFile.Line<Subscription>> read(Path file, CommandSpec spec) throws IOException {
        List<JsonLinesFile.Line<Subscription>> lines = JsonLinesFile.read(file, spec, SubscriptionFormat::parse,
                "subscription", "subscriptions");
        if (lines != null) {
            lines.forEach(line -> spec.commandLine().getOut().println("  " + describe(line.parsed())));
        }
        return lines;
    }
}
