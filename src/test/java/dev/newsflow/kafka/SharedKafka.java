package dev.newsflow.kafka;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One embedded broker for the whole test JVM, started on first use and closed when the JVM exits.
 * As a JUnit 5 extension ({@code @ExtendWith(SharedKafka.class)}) it injects a {@link KafkaTestClients}
 * per test, with names unique to that test, closed after it.
 */
public final class SharedKafka implements ParameterResolver {

    private static EmbeddedKafkaBroker broker;

    /** The shared broker, started if this is the first call; tests must not stop or close it. */
    public static synchronized EmbeddedKafkaBroker broker() {
        if (broker == null) {
            KafkaTestLogging.quietBroker();
            EmbeddedKafkaBroker started = EmbeddedKafkaBroker.builder().start();
            // A shutdown hook rather than a JUnit callback: plain static users are covered as well, and
            // the broker outlives every test class of the fork, which is the point of sharing it.
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-kafka-close"));
            System.out.printf("[SharedKafka] broker at %s started in %d ms%n",
                started.bootstrapServers(), started.lastStartupTime().toMillis());
            broker = started;
        }
        return broker;
    }

    public static String bootstrapServers() {
        return broker().bootstrapServers();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaTestClients.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        KafkaTestClients clients = new KafkaTestClients(bootstrapServers(), TestNames.prefixFor(context));
        // The store closes AutoCloseable values when this test's (or class's) context ends.
        context.getStore(ExtensionContext.Namespace.create(SharedKafka.class))
            .put(clients.namePrefix() + "#" + parameter.getIndex(), clients);
        return clients;
    }
}
