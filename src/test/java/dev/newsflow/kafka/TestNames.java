package dev.newsflow.kafka;

import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.extension.ExtensionContext;

/** Topic, group and transactional ids that no other test (or earlier run on a kept broker) uses. */
final class TestNames {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final int MAX_PREFIX = 80;

    private TestNames() {
    }

    /** Readable (class and method) so a leftover topic points at its test, and unique per call. */
    static String prefixFor(ExtensionContext context) {
        String test = context.getRequiredTestClass().getSimpleName()
            + context.getTestMethod().map(m -> "-" + m.getName()).orElse("");
        return prefix(test);
    }

    static String prefix(String hint) {
        String clean = hint.replaceAll("[^a-zA-Z0-9-]+", "-").toLowerCase(Locale.ROOT);
        if (clean.length() > MAX_PREFIX) {
            clean = clean.substring(0, MAX_PREFIX);
        }
        // '.' and '_' are avoided on purpose: Kafka warns that they collide in metric names.
        return clean + "-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
