package dev.newsflow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.registry.RegistryClientConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SASL, TLS and registry settings given once reach every Kafka client and the registry client, and only those. */
class ClientPropertiesTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"newsflow\" password=\"kafka-secret\";";

    private static NewsflowConfig secured(Map<String, String> extra) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", JAAS,
                "ssl.truststore.location", "/etc/kafka/truststore.p12",
                "ssl.truststore.password", "trust-secret",
                "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "registry-user:registry-secret"));
        settings.putAll(extra);
        return NewsflowConfig.defaults().toBuilder().schemaRegistryUrl("https://registry.example:8081")
                .clientConfig(settings).build();
    }

    @Test
    void everyClientOfKafkaStreamsGetsTheSecuritySettings() {
        StreamsConfig streams = new StreamsConfig(ClientProperties.streams(secured(Map.of())));

        for (Map<String, Object> client : java.util.List.of(streams.getProducerConfigs("p"),
                streams.getMainConsumerConfigs("g", "c", 0), streams.getRestoreConsumerConfigs("r"),
                streams.getGlobalConsumerConfigs("gc"), streams.getAdminConfigs("a"))) {
            assertThat(client).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .containsKey("sasl.jaas.config").containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
                    .containsKey("ssl.truststore.password");
            assertThat(text(client.get("sasl.jaas.config"))).isEqualTo(JAAS);
            assertThat(client.keySet()).noneMatch(k -> k.startsWith("basic.auth.") || k.startsWith("schema.registry."));
        }
    }

    @Test
    void adminProducerAndConsumerClientsGetThemToo() {
        Properties common = ClientProperties.common(secured(Map.of()));

        assertThat(common).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.jaas.config", JAAS)
                .containsEntry("ssl.truststore.password", "trust-secret").containsEntry("bootstrap.servers", "localhost:9092");
        assertThat(common.stringPropertyNames()).noneMatch(k -> k.startsWith("basic.auth.") || k.startsWith("schema.registry."));
    }

    @Test
    void theRegistryClientGetsBasicAuthAndItsTrustStoreButNoKafkaSecrets(@TempDir Path dir) throws Exception {
        Path trustStore = emptyTrustStore(dir, "registry-trust-secret");
        NewsflowConfig config = secured(Map.of("schema.registry.ssl.truststore.location", trustStore.toString(),
                "schema.registry.ssl.truststore.password", "registry-trust-secret",
                "schema.registry.ssl.truststore.type", "PKCS12"));

        Map<String, Object> serde = ClientProperties.serde(config);
        RegistryClientConfig registry = RegistryClientConfig.fromConfig(serde);

        assertThat(serde).doesNotContainKeys("sasl.jaas.config", "ssl.truststore.password", "security.protocol");
        assertThat(registry.userInfo()).isEqualTo("registry-user:registry-secret");
        assertThat(registry.sslContext()).isNotNull();
        assertThat(registry.toString()).doesNotContain("registry-secret");
    }

    @Test
    void aWrongTrustStorePasswordFailsWithoutEchoingIt(@TempDir Path dir) throws Exception {
        Path trustStore = emptyTrustStore(dir, "right-password");
        NewsflowConfig config = secured(Map.of("schema.registry.ssl.truststore.location", trustStore.toString(),
                "schema.registry.ssl.truststore.password", "wrong-password"));

        assertThatThrownBy(() -> RegistryClientConfig.fromConfig(ClientProperties.serde(config)))
                .isInstanceOf(ConfigException.class).hasMessageContaining(trustStore.toString())
                .hasMessageNotContaining("wrong-password");
    }

    private static Path emptyTrustStore(Path dir, String password) throws Exception {
        Path file = dir.resolve("trust.p12");
        KeyStore empty = KeyStore.getInstance("PKCS12");
        empty.load(null, null);
        try (var out = Files.newOutputStream(file)) {
            empty.store(out, password.toCharArray());
        }
        return file;
    }

    private static String text(Object value) {
        return value instanceof Password p ? p.value() : String.valueOf(value);
    }
}
