package dev.newsflow.cli;

import dev.newsflow.app.ApplicationReset;
import dev.newsflow.app.BrokerCheck;
import dev.newsflow.app.ResetPlan;
import dev.newsflow.config.ClientProperties;
import dev.newsflow.config.NewsflowConfig;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsflow reset}: prepare a stopped application to process its input again. */
@Command(name = "reset", mixinStandardHelpOptions = true,
        description = {"Prepare a stopped application to reprocess its input, as Kafka's streams reset tool does: "
                + "reset the application's consumer-group offsets on the input topics to the earliest (or --to-datetime), "
                + "delete its internal topics (<application-id>-...-changelog/-repartition), delete its local state "
                + "directory on this machine, and keep the output topics unless --delete-output-topics.",
                "It stops nothing: stop every instance first (it refuses while the group has members), run it on "
                        + "every machine that kept state (or give each a fresh --state-dir), then start the instances. "
                        + "Pass the same settings as 'run' (flags, NEWSFLOW_* or --config-file) so it resets that application."},
        footer = {"", "Examples:",
                "  newsflow reset --config-file newsflow.properties --dry-run",
                "  newsflow reset --application-id newsflow --to-datetime 2026-11-28T00:00:00Z",
                "  newsflow reset --delete-output-topics   # outputs recreated empty on the next run"})
final class ResetCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    PipelineOptions pipeline;

    @Option(names = "--to-datetime", paramLabel = "TIME", converter = InstantConverter.class,
            description = "Reset the inputs to the first record at or after this ISO-8601 time (2026-11-28T09:00:00Z or "
                    + "with an offset, +01:00) instead of the earliest; partitions with nothing newer go to their end.")
    Instant toDatetime;

    @Option(names = "--delete-output-topics",
            description = "Delete the enriched and dead-letter topics too, so the next run writes them afresh.")
    boolean deleteOutputTopics;

    @Option(names = "--dry-run", description = "Print what would be done and change nothing.")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        NewsflowConfig config = pipeline.toConfig(connection);
        BrokerCheck.requireReachable(config, connection.connectTimeout);
        try (Admin admin = Admin.create(ClientProperties.common(config))) {
            ApplicationReset reset = new ApplicationReset(admin, Duration.ofSeconds(60));
            ResetPlan plan = reset.plan(config, toDatetime, deleteOutputTopics);
            out.print(plan.describe());
            if (dryRun) {
                out.println("dry run: nothing changed");
            } else {
                reset.apply(plan);
                out.println("done: start the instances to reprocess from the reset offsets");
            }
            out.flush();
        }
        return 0;
    }

    /** ISO-8601 instants, with Z or an offset. */
    static final class InstantConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value
                        + "' is not an ISO-8601 time with a zone offset, e.g. 2026-11-28T09:00:00Z");
            }
        }
    }
}
