package dev.newsflow.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

class RegistryClientConfigTest {

    @Test
    void splitsTrimsAndNormalisesUrls() {
        RegistryClientConfig config = RegistryClientConfig.of(" http://a:8081/ ,https://b.example/registry/,");
        assertThat(config.urls()).containsExactly(URI.create("http://a:8081"), URI.create("https://b.example/registry"));
        assertThat(config.userInfo()).isNull();
        assertThat(config.connectTimeout()).isEqualTo(RegistryClientConfig.DEFAULT_CONNECT_TIMEOUT);
    }

    @Test
    void acceptsAListValue() {
        RegistryClientConfig config = RegistryClientConfig.fromConfig(Map.of(RegistryClientConfig.URL,
                List.of("http://a:1", "http://b:2")));
        assertThat(config.urls()).hasSize(2);
    }

    @Test
    void userInfoSourceReadsEitherKeyAndPasswordValues() {
        Map<String, Object> plain = Map.of(RegistryClientConfig.URL, "http://a:1",
                RegistryClientConfig.CREDENTIALS_SOURCE, "USER_INFO", RegistryClientConfig.USER_INFO, "u:p");
        Map<String, Object> prefixed = Map.of(RegistryClientConfig.URL, "http://a:1",
                RegistryClientConfig.CREDENTIALS_SOURCE, "user_info",
                RegistryClientConfig.USER_INFO_PREFIXED, new Password("u2:p2"));
        assertThat(RegistryClientConfig.fromConfig(plain).userInfo()).isEqualTo("u:p");
        assertThat(RegistryClientConfig.fromConfig(prefixed).userInfo()).isEqualTo("u2:p2");
    }

    @Test
    void urlSourceTakesCredentialsFromTheUrlAndStripsThem() {
        RegistryClientConfig config = RegistryClientConfig.of("http://me:se+cret@a:8081");
        assertThat(config.userInfo()).isEqualTo("me:se+cret");
        assertThat(config.urls()).containsExactly(URI.create("http://a:8081"));
        assertThat(config.toString()).doesNotContain("secret").doesNotContain("me:");
    }

    @Test
    void missingOrBadSettingsFailWithoutEchoingSecrets() {
        assertThatThrownBy(() -> RegistryClientConfig.fromConfig(Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining(RegistryClientConfig.URL);
        assertThatThrownBy(() -> RegistryClientConfig.fromConfig(Map.of(RegistryClientConfig.URL, "http://a:1",
                RegistryClientConfig.CREDENTIALS_SOURCE, "USER_INFO", RegistryClientConfig.USER_INFO, "no-colon-secret")))
                .isInstanceOf(ConfigException.class).message().doesNotContain("no-colon-secret");
        assertThatThrownBy(() -> RegistryClientConfig.of("ftp://user:secret@a"))
                .isInstanceOf(ConfigException.class).message().doesNotContain("secret");
        assertThatThrownBy(() -> RegistryClientConfig.fromConfig(Map.of(RegistryClientConfig.URL, "http://a:1",
                RegistryClientConfig.CREDENTIALS_SOURCE, "SASL_INHERIT"))).isInstanceOf(ConfigException.class);
    }

    @Test
    void timeoutsUseOurNamesThenConfluentOnes() {
        RegistryClientConfig ours = RegistryClientConfig.fromConfig(Map.of(RegistryClientConfig.URL, "http://a:1",
                RegistryClientConfig.CONNECT_TIMEOUT_MS, 1500, RegistryClientConfig.REQUEST_TIMEOUT_MS, "2500",
                RegistryClientConfig.HTTP_READ_TIMEOUT_MS, "9999"));
        RegistryClientConfig theirs = RegistryClientConfig.fromConfig(Map.of(RegistryClientConfig.URL, "http://a:1",
                RegistryClientConfig.HTTP_CONNECT_TIMEOUT_MS, "700", RegistryClientConfig.HTTP_READ_TIMEOUT_MS, 800L));
        assertThat(ours.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(ours.requestTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(theirs.connectTimeout()).isEqualTo(Duration.ofMillis(700));
        assertThat(theirs.requestTimeout()).isEqualTo(Duration.ofMillis(800));
        assertThatThrownBy(() -> RegistryClientConfig.fromConfig(Map.of(RegistryClientConfig.URL, "http://a:1",
                RegistryClientConfig.CONNECT_TIMEOUT_MS, "soon"))).isInstanceOf(ConfigException.class);
    }

    @Test
    void serdeOptionsHaveConfluentDefaults() {
        assertThat(AvroSerdeConfig.fromConfig(Map.of())).isEqualTo(new AvroSerdeConfig(true, false, false));
        assertThat(AvroSerdeConfig.fromConfig(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false",
                AvroSerdeConfig.USE_LATEST_VERSION, true, AvroSerdeConfig.SPECIFIC_AVRO_READER, "TRUE")))
                .isEqualTo(new AvroSerdeConfig(false, true, true));
        assertThatThrownBy(() -> AvroSerdeConfig.fromConfig(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, "yes")))
                .isInstanceOf(ConfigException.class);
    }
}
