package dev.newsflow.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The dead-letter codes docs/CONTRACTS.md documents, with their stages: tests hold the code to that table. */
final class DeadLetterCodes {

    private static final Path CONTRACTS = Path.of("docs/CONTRACTS.md");
    private static final Pattern ROW = Pattern.compile("^\\| (`[a-z0-9-]+`(?:, `[a-z0-9-]+`)*) \\| ([A-Z /]+) \\|");
    private static final Pattern CODE = Pattern.compile("`([a-z0-9-]+)`");

    private DeadLetterCodes() {
    }

    /** Code to the stage column ("VALIDATE", "VALIDATE / NORMALISE", ...), in the table's order. */
    static Map<String, String> documented() {
        Map<String, String> codes = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(CONTRACTS)) {
                Matcher row = ROW.matcher(line);
                if (row.find()) {
                    Matcher code = CODE.matcher(row.group(1));
                    while (code.find()) {
                        codes.put(code.group(1), row.group(2).strip());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return codes;
    }
}
