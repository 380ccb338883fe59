package dev.newsflow.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsflow.cli.NewsflowCli;
import dev.newsflow.config.NewsflowConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.OptionSpec;

/**
 * No Docker engine runs in CI, so this reads docker/ and checks it against the application itself: every
 * NEWSFLOW_* variable is a real option, hosts and ports point at the services that serve them, topic names
 * are the application's, and every service has a health check.
 */
class DockerComposeConsistencyTest {

    private static JsonNode services;
    private static Map<String, String> newsflowEnv;
    private static String dockerfile;

    @BeforeAll
    static void load() throws IOException {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(Path.of("docker/docker-compose.yml").toFile());
        services = compose.get("services");
        newsflowEnv = env(services.get("newsflow"));
        dockerfile = Files.readString(Path.of("docker/Dockerfile"));
    }

    @Test
    void composeHasKafkaRegistryAndNewsflowEachWithAHealthCheck() {
        assertThat(services.fieldNames()).toIterable().containsExactlyInAnyOrder("kafka", "schema-registry", "newsflow");
        services.fields().forEachRemaining(service ->
                assertThat(service.getValue().has("healthcheck")).as(service.getKey() + " health check").isTrue());
        services.fields().forEachRemaining(service -> {
            JsonNode dependsOn = service.getValue().get("depends_on");
            if (dependsOn != null) {
                dependsOn.fieldNames().forEachRemaining(name -> assertThat(services.has(name)).as(name).isTrue());
            }
        });
    }

    @Test
    void everyNewsflowVariableIsAnOptionOfRun() {
        Set<String> variables = runOptionVariables();
        assertThat(newsflowEnv.keySet()).allSatisfy(name -> assertThat(variables).contains(name));
        Matcher dockerfileVars = Pattern.compile("(NEWSFLOW_[A-Z_]+)=").matcher(dockerfile);
        while (dockerfileVars.find()) {
            assertThat(variables).contains(dockerfileVars.group(1));
        }
    }

    @Test
    void bootstrapServersPointAtAnAdvertisedKafkaListener() {
        String bootstrap = newsflowEnv.get("NEWSFLOW_BOOTSTRAP_SERVERS");
        String advertised = env(services.get("kafka")).get("KAFKA_ADVERTISED_LISTENERS");
        String host = bootstrap.substring(0, bootstrap.indexOf(':'));

        assertThat(services.has(host)).as("bootstrap host is a service").isTrue();
        assertThat(advertised).contains("://" + bootstrap);
    }

    @Test
    void registryUrlPointsAtTheRegistryListener() {
        URI url = URI.create(newsflowEnv.get("NEWSFLOW_SCHEMA_REGISTRY_URL"));
        String listeners = env(services.get("schema-registry")).get("SCHEMA_REGISTRY_LISTENERS");

        assertThat(services.has(url.getHost())).isTrue();
        assertThat(listeners).endsWith(":" + url.getPort());
        assertThat(env(services.get("schema-registry")).get("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS"))
                .endsWith(newsflowEnv.get("NEWSFLOW_BOOTSTRAP_SERVERS"));
    }

    @Test
    void topicNamesAreTheApplicationDefaults() {
        assertThat(newsflowEnv.get("NEWSFLOW_INPUT_TOPICS")).isEqualTo(NewsflowConfig.DEFAULT_INPUT_TOPIC);
        assertThat(newsflowEnv.get("NEWSFLOW_OUTPUT_TOPIC")).isEqualTo(NewsflowConfig.DEFAULT_OUTPUT_TOPIC);
        assertThat(newsflowEnv.get("NEWSFLOW_ERROR_TOPIC")).isEqualTo(NewsflowConfig.DEFAULT_ERROR_TOPIC);
        assertThat(newsflowEnv.get("NEWSFLOW_PROCESSING_GUARANTEE")).isEqualTo(NewsflowConfig.DEFAULT_PROCESSING_GUARANTEE);
    }

    @Test
    void healthChecksProbeThePortTheEndpointListensOn() {
        String port = newsflowEnv.get("NEWSFLOW_HTTP_PORT");
        assertThat(newsflowEnv.get("NEWSFLOW_HTTP_HOST")).isEqualTo("0.0.0.0");
        assertThat(services.get("newsflow").get("healthcheck").get("test").toString()).contains("localhost:" + port + "/health");
        assertThat(services.get("newsflow").get("ports").get(0).asText()).endsWith(":" + port);
        assertThat(dockerfile).contains("EXPOSE " + port).contains("localhost:" + port + "/health");
    }

    @Test
    void dockerfileRunsTheJarTheBuildProduces() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(pom);
        assertThat(finalName.find()).isTrue();
        String jar = finalName.group(1) + ".jar";

        assertThat(dockerfile).contains("target/" + jar + " /app/" + jar).contains("\"/app/" + jar + "\"");
        assertThat(dockerfile).contains("SERIALIZABLE_PACKAGES=dev.newsflow.schema");
    }

    private static Set<String> runOptionVariables() {
        Set<String> variables = new HashSet<>();
        for (OptionSpec option : NewsflowCli.commandLine().getSubcommands().get("run").getCommandSpec().options()) {
            variables.add("NEWSFLOW_" + option.longestName().replaceFirst("^-+", "").replace('-', '_').toUpperCase());
        }
        return variables;
    }

    private static Map<String, String> env(JsonNode service) {
        Map<String, String> env = new HashMap<>();
        service.get("environment").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }
}
