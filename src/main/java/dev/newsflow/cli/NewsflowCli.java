package dev.newsflow.cli;

import dev.newsflow.config.Secrets;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/** Entry point: {@code newsflow <command>}; every long option can also come from a NEWSFLOW_* variable or a file. */
@Command(name = "newsflow", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Streaming news ingestion: validate, normalise, de-duplicate and enrich articles on Kafka.",
        footer = {"", "Every long option can also be set as NEWSFLOW_<NAME> (--bootstrap-servers: NEWSFLOW_BOOTSTRAP_SERVERS) "
                + "or in a --config-file; a flag wins over the environment, which wins over the file.",
                "", "Exit codes: 0 success, 1 failure (the message says what to do), 2 usage error (a bad flag or value).",
                "", "Examples:",
                "  newsflow local                                   # try it: embedded Kafka, registry and samples",
                "  newsflow run --config-file newsflow.properties   # against your cluster",
                "  newsflow produce articles.jsonl && newsflow tail --from-beginning",
                "  newsflow <command> --help"},
        subcommands = {RunCommand.class, LocalCommand.class, ProduceCommand.class, TailCommand.class, ResetCommand.class,
                EnrichCommand.class, EvalCommand.class, TrainCommand.class, RulesCommand.class, KbCommand.class, SubscriptionsCommand.class, BenchCommand.class,
                ChaosCommand.class,
                CommandLine.HelpCommand.class})
public final class NewsflowCli {

    static {
        // Avro 1.12 instantiates generated classes only from trusted packages; the launcher sets this too, but
        // `java -jar` and container entry points must work without it.
        if (System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES") == null) {
            System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "dev.newsflow.schema");
        }
    }

    @Option(names = ConfigFile.OPTION, paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Properties file of settings keyed by long option name without dashes (bootstrap-servers=...), "
                    + "or command.option for one command (produce.topic=...). A flag wins over NEWSFLOW_* variables, "
                    + "which win over the file (env NEWSFLOW_CONFIG_FILE).")
    Path configFile;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and tests; defaults come from the process environment. */
    public static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    /** As above with the given environment; {@code execute} also reads the --config-file before running. */
    static CommandLine commandLine(Map<String, String> environment) {
        CommandLine cli = commandLine(environment, Map.of());
        cli.setExecutionStrategy(parsed -> executeWithConfigFile(parsed, environment));
        return cli;
    }

    private static CommandLine commandLine(Map<String, String> environment, Map<String, String> fileSettings) {
        CommandLine cli = new CommandLine(new NewsflowCli());
        cli.setDefaultValueProvider(new EnvironmentDefaults(environment, fileSettings));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("newsflow: " + Secrets.redact(Failures.explain(e)));
            if (Boolean.getBoolean("newsflow.debug")) {
                e.printStackTrace(commandLine.getErr());
            } else {
                commandLine.getErr().println("(run with NEWSFLOW_JAVA_OPTS=-Dnewsflow.debug=true for the stack trace)");
            }
            return 1;
        });
        // The error and where to read more, rather than the whole usage text after every typo.
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println("newsflow: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, failed.getErr());
            failed.getErr().println("Run '" + failed.getCommandSpec().qualifiedName() + " --help' for the options.");
            return failed.getCommandSpec().exitCodeOnInvalidInput();
        });
        return cli;
    }

    /**
     * Parses {@code args} as {@code execute} would: flags, then the environment, then the --config-file the
     * flags or the environment name. For tests and tools that need the settings without running a command.
     */
    public static ParseResult parse(Map<String, String> environment, String... args) {
        CommandLine first = commandLine(environment, Map.of());
        ParseResult parsed = first.parseArgs(args);
        Path file = ConfigFile.named(parsed);
        return file == null ? parsed : commandLine(environment, ConfigFile.load(file, first)).parseArgs(args);
    }

    // Defaults are applied while parsing, before the --config-file's own value is known: so parse once to
    // find the file, then parse again with its settings as defaults below the environment's.
    private static int executeWithConfigFile(ParseResult parsed, Map<String, String> environment) {
        Path file = ConfigFile.named(parsed);
        CommandLine first = parsed.commandSpec().commandLine();
        if (file == null) {
            return new CommandLine.RunLast().execute(parsed);
        }
        CommandLine second = commandLine(environment, ConfigFile.load(file, first));
        second.setOut(first.getOut());
        second.setErr(first.getErr());
        return second.execute(parsed.originalArgs().toArray(String[]::new));
    }
}
