package dev.newsflow.topology;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.newsflow.config.ClientProperties;
import dev.newsflow.config.NewsflowConfig;
import dev.newsflow.config.Secrets;
import dev.newsflow.enrich.Document;
import dev.newsflow.enrich.Enricher;
import dev.newsflow.enrich.EnricherVersions;
import dev.newsflow.enrich.Enrichment;
import dev.newsflow.registry.EmbeddedSchemaRegistry;
import dev.newsflow.registry.RestSchemaRegistryClient;
import dev.newsflow.schema.DeadLetter;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Secrets given as settings never show up in what newsflow or Kafka log (captured at INFO, Kafka's config dumps
 * included), in the registry client's errors, or in dead-letter records.
 */
class SecretLeakTest {

    private static final List<String> SECRETS = List.of("jaas-secret-1", "trust-secret-2", "registry-secret-3",
            "url-secret-4");
    private static final String JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required "
            + "username=\"newsflow\" password=\"jaas-secret-1\";";

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger kafka = (Logger) LoggerFactory.getLogger("org.apache.kafka");
    private Level kafkaLevel;
    private Level rootLevel;

    @BeforeEach
    void capture() {
        kafkaLevel = kafka.getLevel();
        rootLevel = root.getLevel();
        kafka.setLevel(Level.INFO);
        root.setLevel(Level.INFO);
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
        kafka.setLevel(kafkaLevel);
        root.setLevel(rootLevel);
    }

    private static NewsflowConfig config(String registryUrl) {
        return NewsflowConfig.defaults().toBuilder().bootstrapServers("127.0.0.1:1")
                .schemaRegistryUrl(registryUrl)
                .clientConfig(Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN",
                        "sasl.jaas.config", JAAS, "ssl.truststore.password", "trust-secret-2",
                        "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "newsflow:registry-secret-3"))
                .build();
    }

    @Test
    void logsOfKafkaClientsOurConfigAndRegistryErrorsHoldNoSecret() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        NewsflowConfig config = config("http://newsflow:url-secret-4@127.0.0.1:" + deadPort);
        org.slf4j.Logger log = LoggerFactory.getLogger("dev.newsflow.test");

        // Kafka logs every client's configuration at INFO when it is created.
        new StreamsConfig(ClientProperties.streams(config));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(ClientProperties.common(config),
                new ByteArraySerializer(), new ByteArraySerializer());
             Admin admin = Admin.create(ClientProperties.common(config))) {
            log.info("clients created: {} {}", producer.metrics().size() > 0, admin.getClass().getSimpleName());
        }
        log.info("configuration: {}", config);
        RestSchemaRegistryClient registry = RestSchemaRegistryClient.fromConfig(ClientProperties.serde(config));
        log.info("registry client: {}", registry);
        try {
            registry.getById(1);
        } catch (RuntimeException e) {
            // What the application's stream-thread handler logs for a registry outage.
            log.error("Stream thread failed: {}", Secrets.describe(e));
            log.debug("with the stack trace", e);
        }

        assertThat(captured.list).as("captured log events").hasSizeGreaterThan(5);
        assertThat(captured.list.stream().map(ILoggingEvent::getFormattedMessage))
                .anyMatch(m -> m.contains("sasl.jaas.config")).anyMatch(m -> m.contains("127.0.0.1:" + deadPort));
        for (ILoggingEvent event : captured.list) {
            for (String text : texts(event)) {
                assertThat(text).as("log of %s", event.getLoggerName()).doesNotContain(SECRETS);
            }
        }
    }

    @Test
    void deadLetterReasonsQuotingSecretsAreRedacted() {
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(0, null);
             TopologyHarness harness = TopologyHarness.start(registry, config(registry.url()), SecretLeakTest::leaky)) {
            DeadLetter letter = harness.pipe(harness.bytes(ArticleValidatorTest.valid().setFetchedAt(TopologyHarness.NOW)
                    .build())).letter();

            assertThat(letter.getErrorCode()).isEqualTo("enrichment-failed");
            assertThat(letter.getReason()).contains("[hidden]").doesNotContain(SECRETS);
        }
    }

    /** An enricher whose failure quotes a URL with credentials and a JAAS setting, as a careless library might. */
    private static Enricher leaky() {
        return new Enricher() {
            @Override
            public Enrichment enrich(Document document) {
                throw new IllegalStateException("cannot reach http://newsflow:url-secret-4@kb.example/ with "
                        + "sasl.jaas.config=" + JAAS);
            }

            @Override
            public EnricherVersions versions() {
                return new EnricherVersions("t", "k", "n");
            }
        };
    }

    private static List<String> texts(ILoggingEvent event) {
        List<String> out = new ArrayList<>(List.of(event.getFormattedMessage()));
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            out.add(String.valueOf(t.getMessage()));
        }
        return out;
    }
}
