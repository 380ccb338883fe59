package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The offline halves of {@code rules} and {@code kb}: what they accept, and how they say no. */
class ControlCommandsTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = NewsflowCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        return new Run(cli.execute(args), out.toString());
    }

    @Test
    void rulesValidateNamesTheVersionAndTopicsOrTheFault() throws Exception {
        Path good = Files.writeString(dir.resolve("good.yaml"), "version: v9\ntopics:\n  - {id: drones, label: Drones, terms: [drone]}\n");
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "version: v9\ntopics:\n  - {id: drones, label: Drones, term: [drone]}\n");

        Run ok = run("rules", "validate", good.toString());
        Run refused = run("rules", "validate", bad.toString());

        assertThat(ok.exit()).isZero();
        assertThat(ok.out()).contains("taxonomy v9 with 1 topics [drones]");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out()).contains("refused").contains("term");
    }

    @Test
    void kbValidateChecksEveryLineAndNamesTheBadOnes() throws Exception {
        Path file = Files.writeString(dir.resolve("kb.jsonl"), """
                # a comment
                {"id":"org:x","type":"ORGANIZATION","name":"X Corp"}
                {"id":"org:y","type":"ORGANISATION","name":"Y"}
                {"id":"person:z","deleted":true}
                not json
                """);

        Run refused = run("kb", "validate", file.toString());

        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out()).contains("kb.jsonl:3: refused").contains("ORGANISATION")
                .contains("kb.jsonl:5: refused").doesNotContain("kb.jsonl:2:").doesNotContain("kb.jsonl:4:");
    }

    @Test
    void theShippedTaxonomyPassesItsOwnCheck() throws Exception {
        Path shipped = dir.resolve("default.yaml");
        try (var in = getClass().getResourceAsStream("/taxonomy/default.yaml")) {
            Files.copy(in, shipped);
        }

        assertThat(run("rules", "validate", shipped.toString()).exit()).isZero();
    }
}
