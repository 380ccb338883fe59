package dev.newsflow.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The {@code --config-file}: a properties file whose keys are long option names without dashes
 * ({@code bootstrap-servers=kafka:9092}), or {@code command.option} for one command only. Unknown keys are
 * refused, so a typo does not silently fall back to a default.
 */
final class ConfigFile {

    static final String OPTION = "--config-file";

    private ConfigFile() {
    }

    /** The file a --config-file flag names (before or after the command name), else NEWSFLOW_CONFIG_FILE's, or null. */
    static Path named(ParseResult parsed) {
        Path flag = null;
        Path fromEnvironment = null;
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            OptionSpec option = level.commandSpec().findOption(OPTION);
            if (option == null || option.getValue() == null) {
                continue;
            }
            if (level.hasMatchedOption(option)) {
                flag = option.getValue();
            } else {
                fromEnvironment = option.getValue();
            }
        }
        return flag != null ? flag : fromEnvironment;
    }

    /** Reads the file and checks every key against the options of all commands under {@code root}. */
    static Map<String, String> load(Path file, CommandLine root) {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            props.load(reader);
        } catch (IOException e) {
            throw new ParameterException(root, "cannot read " + OPTION + " " + file + ": " + e
                    + "; check the path, or unset NEWSFLOW_CONFIG_FILE");
        }
        Set<String> known = new TreeSet<>();
        collectKeys(root, known);
        Map<String, String> settings = new LinkedHashMap<>();
        for (String key : new TreeSet<>(props.stringPropertyNames())) {
            if (!known.contains(key)) {
                throw new ParameterException(root, "unknown key '" + key + "' in " + file + ": keys are long option "
                        + "names without dashes, optionally after a command name (bootstrap-servers=..., produce.topic=...); "
                        + "'newsflow <command> --help' lists the options");
            }
            settings.put(key, props.getProperty(key).strip());
        }
        return settings;
    }

    private static void collectKeys(CommandLine command, Set<String> keys) {
        CommandSpec spec = command.getCommandSpec();
        for (OptionSpec option : spec.options()) {
            if (EnvironmentDefaults.configurable(option)) {
                String key = EnvironmentDefaults.keyFor(option.longestName());
                keys.add(key);
                String prefix = EnvironmentDefaults.commandKey(spec);
                if (!prefix.isEmpty()) {
                    keys.add(prefix + "." + key);
                }
            }
        }
        command.getSubcommands().values().forEach(sub -> collectKeys(sub, keys));
    }
}
