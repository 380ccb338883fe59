package dev.newsflow.cli;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Defaults for every long option, first from the environment ({@code --bootstrap-servers} reads
 * {@code NEWSFLOW_BOOTSTRAP_SERVERS}), then from the {@code --config-file} ({@code bootstrap-servers=...}, or
 * {@code produce.topic=...} for one command only). A flag on the command line wins over both.
 */
final class EnvironmentDefaults implements IDefaultValueProvider {

    static final String PREFIX = "NEWSFLOW_";

    private final Map<String, String> environment;
    private final Map<String, String> file;

    EnvironmentDefaults(Map<String, String> environment) {
        this(environment, Map.of());
    }

    /** @param file the config file's settings, keyed by option name without dashes */
    EnvironmentDefaults(Map<String, String> environment, Map<String, String> file) {
        this.environment = environment;
        this.file = file;
    }

    /** {@code --schema-registry-url} becomes {@code NEWSFLOW_SCHEMA_REGISTRY_URL}. */
    static String variableFor(String longOption) {
        return PREFIX + keyFor(longOption).replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** {@code --schema-registry-url} is {@code schema-registry-url} in a config file. */
    static String keyFor(String longOption) {
        return longOption.replaceFirst("^-+", "");
    }

    /** {@code eval ner} is {@code eval.ner}: the prefix of config-file keys for that command alone. */
    static String commandKey(CommandSpec command) {
        return command.qualifiedName(".").replaceFirst("^[^.]*\\.?", "");
    }

    /** Options that only ask for help, or say where the settings are, take no defaults. */
    static boolean configurable(OptionSpec option) {
        return option.longestName().startsWith("--") && !option.usageHelp() && !option.versionHelp()
                && !option.longestName().equals(ConfigFile.OPTION);
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (argSpec instanceof OptionSpec option && option.longestName().startsWith("--")
                && !option.usageHelp() && !option.versionHelp()) {
            String value = environment.get(variableFor(option.longestName()));
            if (value != null && !value.isBlank()) {
                return value;
            }
            if (configurable(option)) {
                String key = keyFor(option.longestName());
                String forCommand = file.get(commandKey(option.command()) + "." + key);
                return forCommand != null ? forCommand : file.get(key);
            }
        }
        return null;
    }
}
