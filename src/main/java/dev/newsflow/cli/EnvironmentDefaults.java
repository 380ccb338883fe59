package dev.newsflow.cli;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Maps every long option onto an environment variable: {@code --bootstrap-servers} reads
 * {@code NEWSFLOW_BOOTSTRAP_SERVERS}. A flag on the command line still wins.
 */
final class EnvironmentDefaults implements IDefaultValueProvider {

    static final String PREFIX = "NEWSFLOW_";

    private final Map<String, String> environment;

    EnvironmentDefaults(Map<String, String> environment) {
        this.environment = environment;
    }

    /** {@code --schema-registry-url} becomes {@code NEWSFLOW_SCHEMA_REGISTRY_URL}. */
    static String variableFor(String longOption) {
        return PREFIX + longOption.replaceFirst("^-+", "").replace('-', '_').toUpperCase(Locale.ROOT);
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (argSpec instanceof OptionSpec option && option.longestName().startsWith("--")) {
            String value = environment.get(variableFor(option.longestName()));
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
