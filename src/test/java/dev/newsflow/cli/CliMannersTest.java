package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.kafka.FreePorts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Help, exit codes and error messages as a script or a person meets them, through picocli's CommandLine. */
class CliMannersTest {

    /** One execution: exit code, stdout and stderr. */
    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = NewsflowCli.commandLine(Map.of());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private static List<CommandLine> allCommands(CommandLine command) {
        List<CommandLine> all = new ArrayList<>(List.of(command));
        command.getSubcommands().values().forEach(sub -> all.addAll(allCommands(sub)));
        return all;
    }

    @Test
    void everyCommandHasADescriptionAndExamplesInItsHelp() {
        List<CommandLine> commands = allCommands(NewsflowCli.commandLine(Map.of())).stream()
                .filter(c -> !c.getCommandName().equals("help")).toList();
        assertThat(commands).hasSizeGreaterThan(10);
        for (CommandLine command : commands) {
            String name = command.getCommandSpec().qualifiedName();
            assertThat(command.getCommandSpec().usageMessage().description()).as(name).isNotEmpty();
            List<String> path = List.of(name.split(" ")).subList(1, name.split(" ").length);
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            Result help = run(args.toArray(String[]::new));
            assertThat(help.code()).as(name).isZero();
            assertThat(help.out()).as(name).contains("Usage: " + name).containsPattern("Examples?:");
        }
        assertThat(run("--help").out()).contains("Exit codes: 0 success, 1 failure").contains("2 usage error");
        assertThat(run("--version").code()).isZero();
    }

    @Test
    void usageErrorsExitWith2AndPointAtHelpRatherThanPrintingIt() {
        Result unknown = run("run", "--bootstrap-server", "kafka:9092");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown options: '--bootstrap-server'").contains("Possible solutions: --bootstrap-servers")
                .contains("Run 'newsflow run --help'").doesNotContain("Usage:");

        Result badValue = run("run", "--partitions", "many");
        assertThat(badValue.code()).isEqualTo(2);
        assertThat(badValue.err()).contains("--partitions").contains("many");

        Result nothing = run("produce");
        assertThat(nothing.code()).isEqualTo(2);
        assertThat(nothing.err()).contains("nothing to send: give FILE... or --samples");

        Result badTime = run("reset", "--to-datetime", "yesterday");
        assertThat(badTime.code()).isEqualTo(2);
        assertThat(badTime.err()).contains("2026-11-28T09:00:00Z");

        assertThat(run("no-such-command").code()).isEqualTo(2);
    }

    @Test
    void anUnreachableBrokerFailsWith1NamingTheAddressAndTheFlag() {
        String address = "127.0.0.1:" + FreePorts.pick();
        for (String command : List.of("produce", "tail", "run", "reset")) {
            List<String> args = new ArrayList<>(List.of(command, "--bootstrap-servers", address, "--connect-timeout", "PT1S"));
            if (command.equals("produce")) {
                args.add("--samples");
            }
            long started = System.nanoTime();
            Result result = run(args.toArray(String[]::new));

            assertThat(result.code()).as(command).isEqualTo(1);
            assertThat(result.err()).as(command).contains("cannot reach Kafka at " + address + " within 1 s")
                    .contains("--bootstrap-servers").contains("NEWSFLOW_BOOTSTRAP_SERVERS");
            assertThat(System.nanoTime() - started).as(command).isLessThan(15_000_000_000L);
        }
    }
}
