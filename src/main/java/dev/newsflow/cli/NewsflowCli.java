package dev.newsflow.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code newsflow <command>}; every long option can also come from a NEWSFLOW_* variable. */
@Command(name = "newsflow", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Streaming news ingestion: validate, normalise, de-duplicate and enrich articles on Kafka.",
        subcommands = {RunCommand.class, LocalCommand.class, ProduceCommand.class, TailCommand.class, EnrichCommand.class, EvalCommand.class, TrainCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class NewsflowCli {

    static {
        // Avro 1.12 instantiates generated classes only from trusted packages; the launcher sets this too, but
        // `java -jar` and container entry points must work without it.
        if (System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES") == null) {
            System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "dev.newsflow.schema");
        }
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new NewsflowCli());
        cli.setDefaultValueProvider(new EnvironmentDefaults(System.getenv()));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("newsflow: " + e.getMessage());
            if (Boolean.getBoolean("newsflow.debug")) {
                e.printStackTrace(commandLine.getErr());
            }
            return 1;
        });
        return cli;
    }
}
