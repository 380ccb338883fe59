package dev.newsflow.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void recognisesKafkaAndRegistrySecrets() {
        assertThat(Secrets.isSecret("sasl.jaas.config")).isTrue();
        assertThat(Secrets.isSecret("ssl.truststore.password")).isTrue();
        assertThat(Secrets.isSecret("ssl.keystore.key")).isTrue();
        assertThat(Secrets.isSecret("basic.auth.user.info")).isTrue();
        assertThat(Secrets.isSecret("schema.registry.ssl.truststore.password")).isTrue();
        assertThat(Secrets.isSecret("sasl.oauthbearer.client.credentials.client.secret")).isTrue();
        assertThat(Secrets.isSecret("security.protocol")).isFalse();
        assertThat(Secrets.isSecret("basic.auth.credentials.source")).isFalse();
        assertThat(Secrets.isSecret("ssl.truststore.location")).isFalse();
    }

    @Test
    void hidesCredentialsInUrlsAndSecretSettingsInText() {
        String text = "GET https://alice:pa55word@registry.example:8081/subjects failed; "
                + "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"bob\" "
                + "password=\"hunter22\"; basic.auth.user.info: carol:opensesame, ssl.truststore.password=tpw123";

        String redacted = Secrets.redact(text);

        assertThat(redacted).doesNotContain("pa55word", "alice", "hunter22", "opensesame", "tpw123")
                .contains("https://[hidden]@registry.example:8081/subjects").contains("sasl.jaas.config=[hidden]");
    }

    @Test
    void hidesConfiguredSecretValuesWhereverTheyAppear() {
        Map<String, String> settings = Map.of("ssl.keystore.password", "k3yst0re!", "security.protocol", "SSL");

        assertThat(Secrets.redact("keystore k3yst0re! could not be opened over SSL", settings))
                .isEqualTo("keystore [hidden] could not be opened over SSL");
    }

    @Test
    void describesAnExceptionChainRedacted() {
        Exception error = new IllegalStateException("outer", new RuntimeException("http://u:s3cr3t@host/ refused"));

        assertThat(Secrets.describe(error)).contains("IllegalStateException: outer").contains("caused by")
                .contains("http://[hidden]@host/").doesNotContain("s3cr3t");
    }

    @Test
    void aConfigPrintsWithoutItsSecrets() {
        NewsflowConfig config = NewsflowConfig.defaults().toBuilder()
                .schemaRegistryUrl("https://reg:regpass1@registry.example")
                .clientConfig(Map.of("sasl.jaas.config", "x required password=\"jaaspass1\";", "basic.auth.user.info",
                        "u:infopass1", "security.protocol", "SASL_SSL"))
                .build();

        assertThat(config.toString()).doesNotContain("regpass1", "jaaspass1", "infopass1")
                .contains("security.protocol=SASL_SSL").contains("sasl.jaas.config=[hidden]");
    }
}
