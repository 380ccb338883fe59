package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * README's configuration table against the picocli model, for every command: each option has a row naming
 * its command, each row names real options, and a default in backticks is the option's default.
 */
class ConfigurationTableTest {

    private static final Pattern OPTION = Pattern.compile("`(--(?:\\[no-])?[a-z0-9][a-z0-9-]*)");
    private static final Pattern BACKTICKED = Pattern.compile("`([^`]*)`");

    /** One documented (command, option) with the default cell of its row. */
    record Row(String command, String option, String defaultCell) {
    }

    @Test
    void theReadmeTableMatchesEveryCommandsOptions() throws IOException {
        String readme = Files.readString(Path.of("README.md"));

        assertThat(rows(readme, NewsflowCli.commandLine(Map.of()))).hasSizeGreaterThan(30);
        assertThat(problems(readme, NewsflowCli.commandLine(Map.of()))).isEmpty();
    }

    @Test
    void aMissingRowAnUnknownOptionAndAWrongDefaultAreReported() throws IOException {
        String readme = Files.readString(Path.of("README.md"))
                .replaceFirst("\\| `--partitions` \\|[^\n]*\n", "")
                .replace("| `--sentence` | eval ner |", "| `--sentence` | eval ner, tail |")
                .replaceFirst("(\\| `--http-port` \\|[^|]*\\| )`8080`", "$1`8081`");

        List<String> problems = problems(readme, NewsflowCli.commandLine(Map.of()));

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("--partitions").contains("run").contains("no row"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("--sentence").contains("tail").contains("no such option"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("--http-port").contains("8080").contains("8081"));
    }

    static List<String> problems(String readme, CommandLine root) {
        Map<String, Map<String, OptionSpec>> model = new LinkedHashMap<>();
        collect(root, model);
        List<Row> rows = rows(readme, root);
        List<String> problems = new ArrayList<>();
        if (rows.isEmpty()) {
            problems.add("README has no table with the header | option | commands | default | meaning |");
        }
        model.forEach((command, options) -> options.keySet().forEach(option -> {
            if (rows.stream().noneMatch(r -> r.command().equals(command) && r.option().equals(option))) {
                problems.add("README configuration table has no row for " + option + " of '" + command + "'");
            }
        }));
        for (Row row : rows) {
            OptionSpec option = model.getOrDefault(row.command(), Map.of()).get(row.option());
            if (option == null) {
                problems.add("README row " + row.option() + " names '" + row.command() + "', which has no such option");
                continue;
            }
            Matcher documented = BACKTICKED.matcher(row.defaultCell());
            String actual = option.defaultValue();
            if (actual == null && documented.find()) {
                problems.add("README says " + row.option() + " of '" + row.command() + "' defaults to " + documented.group()
                        + " but it has no default");
            } else if (actual != null && !(documented.find() && documented.group(1).equalsIgnoreCase(actual))) {
                problems.add("README default of " + row.option() + " for '" + row.command() + "' is '" + row.defaultCell()
                        + "' but the option's default is `" + actual + "`");
            }
        }
        return problems;
    }

    /** Every command (by its name under newsflow, "newsflow" for the top) with its documentable options. */
    private static void collect(CommandLine command, Map<String, Map<String, OptionSpec>> model) {
        Map<String, OptionSpec> options = new LinkedHashMap<>();
        for (OptionSpec option : command.getCommandSpec().options()) {
            if (!option.usageHelp() && !option.versionHelp()) {
                options.put(option.longestName(), option);
            }
        }
        model.put(name(command), options);
        command.getSubcommands().values().forEach(sub -> collect(sub, model));
    }

    private static String name(CommandLine command) {
        String qualified = command.getCommandSpec().qualifiedName(" ");
        int space = qualified.indexOf(' ');
        return space < 0 ? qualified : qualified.substring(space + 1);
    }

    /** The rows of the README table whose header is | option | commands | default | meaning |. */
    static List<Row> rows(String readme, CommandLine root) {
        Map<String, Map<String, OptionSpec>> model = new LinkedHashMap<>();
        collect(root, model);
        List<Row> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : readme.lines().toList()) {
            String[] cells = line.split("\\|", -1);
            if (line.replace(" ", "").toLowerCase(Locale.ROOT).startsWith("|option|commands|default|")) {
                inTable = true;
            } else if (inTable && !line.startsWith("|")) {
                inTable = false;
            } else if (inTable && cells.length >= 5 && !cells[1].strip().startsWith("---")) {
                Matcher option = OPTION.matcher(cells[1]);
                if (!option.find()) {
                    rows.add(new Row("?", cells[1].strip(), ""));
                    continue;
                }
                String name = option.group(1).replace("[no-]", "");
                for (String command : cells[2].split(",")) {
                    List<String> commands = command.strip().equals("all") ? List.copyOf(model.keySet()) : List.of(command.strip());
                    commands.forEach(c -> rows.add(new Row(c, name, cells[3].strip())));
                }
            }
        }
        return rows;
    }
}
