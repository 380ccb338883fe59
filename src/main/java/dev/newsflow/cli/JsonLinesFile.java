package dev.newsflow.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;

/** Reads a JSON-lines file of control entries (knowledge base, subscriptions): all valid, or every bad line named. */
final class JsonLinesFile {

    /** One entry as parsed, with the line exactly as written (what gets published). */
    record Line<T>(T parsed, String json) {
    }

    private JsonLinesFile() {
    }

    /**
     * Every entry of {@code file} ({@code #} comments and blank lines skipped), or null after printing
     * {@code file:line: refused: reason} for each line {@code parse} refuses with an IllegalArgumentException.
     */
    static <T> List<Line<T>> read(Path file, CommandSpec spec, Function<String, T> parse, String one, String many)
            throws IOException {
        List<Line<T>> lines = new ArrayList<>();
        int number = 0;
        boolean bad = false;
        for (String text : Files.readAllLines(file)) {
            number++;
            if (text.isBlank() || text.startsWith("#")) {
                continue;
            }
            try {
                lines.add(new Line<>(parse.apply(text), text));
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().printf("%s:%d: refused: %s%n", file, number, e.getMessage());
                bad = true;
            }
        }
        if (!bad) {
            spec.commandLine().getOut().printf("%s: %d valid %s%n", file, lines.size(), lines.size() == 1 ? one : many);
        }
        return bad ? null : lines;
    }
}
