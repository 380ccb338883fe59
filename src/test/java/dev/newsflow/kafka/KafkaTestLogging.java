package dev.newsflow.kafka;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Keeps the in-process broker's INFO chatter out of test output unless logging config asks for it. */
final class KafkaTestLogging {

    // The broker (Scala "kafka.*" and Java "org.apache.kafka.*"), and with it the clients' config dumps.
    private static final List<String> NOISY = List.of("kafka", "state.change.logger", "org.apache.kafka");

    private KafkaTestLogging() {
    }

    static void quietBroker() {
        if (!(LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context)) {
            return;
        }
        for (String name : NOISY) {
            Logger logger = context.getLogger(name);
            // An explicit level comes from a logback(-test).xml: someone wants it, so leave it.
            if (logger.getLevel() == null) {
                logger.setLevel(Level.WARN);
            }
        }
    }
}
