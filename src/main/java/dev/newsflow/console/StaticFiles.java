package dev.newsflow.console;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

/**
 * The console's page, script and style, served from the jar. A fixed list, not a directory: no request can name any
 * other resource, whatever dots and slashes it holds.
 */
final class StaticFiles {

    /** A file's bytes and content type. */
    record File(byte[] bytes, String contentType) {
    }

    private static final Map<String, String> TYPES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8",
            "console.css", "text/css; charset=utf-8",
            "favicon.svg", "image/svg+xml");

    private StaticFiles() {
    }

    /** The file {@code name} ("" means the page), or empty when it is not one of the console's. */
    static Optional<File> get(String name) throws IOException {
        String file = name.isEmpty() ? "index.html" : name;
        String type = TYPES.get(file);
        if (type == null) {
            return Optional.empty();
        }
        try (InputStream in = StaticFiles.class.getResourceAsStream("/console/" + file)) {
            if (in == null) {
                throw new IOException("console file missing from the jar: /console/" + file);
            }
            return Optional.of(new File(in.readAllBytes(), type));
        }
    }
}
