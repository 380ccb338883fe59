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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * No Docker engine runs in CI, so this reads docker/ and checks it against the application itself: each
 * newsflow container's command and NEWSFLOW_* variables parse as that command's real options, hosts and ports
 * point at the services that serve them, depends_on names services (healthy ones have a health check), the
 * crawler writes the topic newsflow reads, and the Dockerfile builds with Maven and runs the jar on a JRE.
 */
class DockerComposeConsistencyTest {

    private static final String IMAGE_PREFIX = "newsflow:";

    private static JsonNode compose;
    private static JsonNode services;
    private static String dockerfile;

    @BeforeAll
    static void load() throws IOException {
        compose = new ObjectMapper(new YAMLFactory()).readTree(Path.of("docker/docker-compose.yml").toFile());
        services = compose.get("services");
        dockerfile = Files.readString(Path.of("docker/Dockerfile"));
    }

    /** The services that run the newsflow image, by name. */
    private static Map<String, JsonNode> newsflowServices() {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        services.fields().forEachRemaining(e -> {
            JsonNode build = e.getValue().get("build");
            boolean ours = e.getValue().path("image").asText().startsWith(IMAGE_PREFIX)
                    || (build != null && build.path("dockerfile").asText().equals("docker/Dockerfile"));
            if (ours) {
                found.put(e.getKey(), e.getValue());
            }
        });
        return found;
    }

    /** The container's command as picocli parses it with the container's environment: the image's CMD is run. */
    private static CommandSpec parsed(JsonNode service) {
        List<String> args = new ArrayList<>();
        service.path("command").forEach(arg -> args.add(arg.asText()));
        if (args.isEmpty()) {
            args.add("run");
        }
        Map<String, String> env = new HashMap<>(imageEnv());
        env.putAll(env(service));
        CommandLine.ParseResult result = NewsflowCli.parse(env, args.toArray(String[]::new));
        return result.subcommand().commandSpec();
    }

    private static <T> T value(CommandSpec command, String option) {
        return command.findOption(option).getValue();
    }

    @Test
    void composeRunsKafkaARegistryNewsflowAndACrawlerInDependencyOrder() {
        assertThat(services.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("kafka", "schema-registry", "newsflow", "crawler");
        Set<String> awaitedHealthy = new HashSet<>();
        services.fields().forEachRemaining(service -> {
            JsonNode dependsOn = service.getValue().path("depends_on");
            dependsOn.fields().forEachRemaining(dependency -> {
                assertThat(services.has(dependency.getKey())).as(service.getKey() + " depends on " + dependency.getKey()).isTrue();
                if (dependency.getValue().path("condition").asText().equals("service_healthy")) {
                    awaitedHealthy.add(dependency.getKey());
                }
            });
        });
        assertThat(awaitedHealthy).containsExactlyInAnyOrder("kafka", "schema-registry", "newsflow");
        awaitedHealthy.forEach(name -> {
            JsonNode check = services.get(name).path("healthcheck");
            assertThat(check.has("test") && !check.path("disable").asBoolean()).as(name + " health check").isTrue();
        });
        assertThat(services.get("crawler").path("depends_on").has("newsflow"))
                .as("the crawler waits for newsflow, which creates the topics").isTrue();
        assertThat(env(services.get("kafka")).get("KAFKA_AUTO_CREATE_TOPICS_ENABLE")).isEqualTo("false");
    }

    @Test
    void everyNewsflowContainerCommandAndVariableIsARealOptionOfTheCommandItRuns() {
        Map<String, JsonNode> ours = newsflowServices();
        assertThat(ours).containsOnlyKeys("newsflow", "crawler");
        ours.forEach((name, service) -> {
            CommandSpec command = parsed(service);
            Set<String> variables = variablesOf(command);
            assertThat(env(service).keySet()).as(name).allSatisfy(variable -> assertThat(variables).contains(variable));
        });
        assertThat(parsed(services.get("newsflow")).name()).isEqualTo("run");
        assertThat(parsed(services.get("crawler")).name()).isEqualTo("produce");
        // The image's own variables serve its default command.
        Set<String> runVariables = variablesOf(parsed(services.get("newsflow")));
        assertThat(imageEnv().keySet()).isNotEmpty().allSatisfy(variable -> assertThat(runVariables).contains(variable));
    }

    @Test
    void theCrawlerWritesTheTopicNewsflowReadsAndTopicsAreTheDefaults() {
        CommandSpec run = parsed(services.get("newsflow"));
        CommandSpec produce = parsed(services.get("crawler"));

        List<String> inputs = value(run, "--input-topics");
        assertThat(inputs).contains((String) value(produce, "--topic"));
        assertThat(inputs).containsExactly(NewsflowConfig.DEFAULT_INPUT_TOPIC);
        assertThat((String) value(run, "--output-topic")).isEqualTo(NewsflowConfig.DEFAULT_OUTPUT_TOPIC);
        assertThat((String) value(run, "--error-topic")).isEqualTo(NewsflowConfig.DEFAULT_ERROR_TOPIC);
        assertThat((String) value(run, "--processing-guarantee")).isEqualTo(NewsflowConfig.DEFAULT_PROCESSING_GUARANTEE);
        assertThat((Boolean) value(produce, "--samples")).isTrue();
        assertThat((Boolean) value(produce, "--loop")).isTrue();
    }

    @Test
    void bootstrapServersAndRegistryUrlsPointAtTheServicesListeners() {
        String advertised = env(services.get("kafka")).get("KAFKA_ADVERTISED_LISTENERS");
        String registryListeners = env(services.get("schema-registry")).get("SCHEMA_REGISTRY_LISTENERS");
        newsflowServices().forEach((name, service) -> {
            CommandSpec command = parsed(service);
            String bootstrap = value(command, "--bootstrap-servers");
            assertThat(services.has(bootstrap.substring(0, bootstrap.indexOf(':')))).as(name + " bootstrap host").isTrue();
            assertThat(advertised).as(name).contains("://" + bootstrap);

            URI registry = URI.create(value(command, "--schema-registry-url"));
            assertThat(services.has(registry.getHost())).as(name + " registry host").isTrue();
            assertThat(registryListeners).as(name).endsWith(":" + registry.getPort());
        });
        assertThat(env(services.get("schema-registry")).get("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS"))
                .endsWith((String) value(parsed(services.get("newsflow")), "--bootstrap-servers"));
    }

    @Test
    void publishedPortsReachWhatEachServiceListensOn() {
        Map<String, Set<Integer>> listening = new HashMap<>();
        listening.put("kafka", ports(env(services.get("kafka")).get("KAFKA_LISTENERS")));
        listening.put("schema-registry", ports(env(services.get("schema-registry")).get("SCHEMA_REGISTRY_LISTENERS")));
        listening.put("newsflow", Set.of((Integer) value(parsed(services.get("newsflow")), "--http-port")));
        Set<String> hostPorts = new HashSet<>();
        services.fields().forEachRemaining(service -> service.getValue().path("ports").forEach(mapping -> {
            String[] parts = mapping.asText().split(":");
            assertThat(hostPorts.add(parts[0])).as("host port " + parts[0] + " published once").isTrue();
            assertThat(listening.getOrDefault(service.getKey(), Set.of())).as(service.getKey() + " " + mapping.asText())
                    .contains(Integer.parseInt(parts[1]));
        }));
        // The host's clients reach the listener Kafka advertises as localhost.
        Matcher external = Pattern.compile("://localhost:(\\d+)").matcher(env(services.get("kafka")).get("KAFKA_ADVERTISED_LISTENERS"));
        assertThat(external.find()).isTrue();
        assertThat(hostPorts).contains(external.group(1));
        assertThat(services.path("crawler").has("ports")).as("a producer serves nothing").isFalse();
    }

    @Test
    void healthChecksProbeThePortTheEndpointListensOn() {
        CommandSpec run = parsed(services.get("newsflow"));
        int port = value(run, "--http-port");
        assertThat((String) value(run, "--http-host")).isEqualTo("0.0.0.0");
        assertThat(services.get("newsflow").get("healthcheck").get("test").toString()).contains("localhost:" + port + "/health");
        assertThat(dockerfile).contains("EXPOSE " + port).contains("localhost:" + port + "/health");
    }

    @Test
    void namedVolumesAreDeclared() {
        Set<String> used = new HashSet<>();
        services.fields().forEachRemaining(s -> s.getValue().path("volumes").forEach(v -> {
            String source = v.asText().split(":")[0];
            if (!source.startsWith(".") && !source.startsWith("/")) {
                used.add(source);
            }
        }));
        assertThat(used).isNotEmpty().allSatisfy(volume -> assertThat(compose.path("volumes").has(volume)).as(volume).isTrue());
    }

    @Test
    void theDockerfileBuildsWithMavenAndRunsTheJarOnAJre() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(pom);
        assertThat(finalName.find()).isTrue();
        String jar = finalName.group(1) + ".jar";

        assertThat(dockerfile).containsPattern("(?m)^FROM maven:[^\\s]+ AS build$")
                .containsPattern("(?m)^FROM eclipse-temurin:17-jre$");
        assertThat(dockerfile).contains("COPY --from=build /src/target/" + jar + " /app/" + jar).contains("\"/app/" + jar + "\"");
        assertThat(dockerfile).contains("SERIALIZABLE_PACKAGES=dev.newsflow.schema");
        assertThat(Files.readString(Path.of(".dockerignore"))).contains("target").contains(".newsflow");
    }

    private static Set<String> variablesOf(CommandSpec command) {
        Set<String> variables = new HashSet<>();
        for (OptionSpec option : command.options()) {
            variables.add("NEWSFLOW_" + option.longestName().replaceFirst("^-+", "").replace('-', '_').toUpperCase());
        }
        return variables;
    }

    /** The NEWSFLOW_* variables the Dockerfile sets for every container of the image. */
    private static Map<String, String> imageEnv() {
        Map<String, String> env = new HashMap<>();
        Matcher variable = Pattern.compile("(NEWSFLOW_[A-Z_]+)=(\\S+)").matcher(dockerfile);
        while (variable.find()) {
            env.put(variable.group(1), variable.group(2));
        }
        return env;
    }

    private static Set<Integer> ports(String listeners) {
        Set<Integer> ports = new HashSet<>();
        Matcher port = Pattern.compile(":(\\d+)(?:,|$)").matcher(listeners);
        while (port.find()) {
            ports.add(Integer.parseInt(port.group(1)));
        }
        return ports;
    }

    private static Map<String, String> env(JsonNode service) {
        Map<String, String> env = new HashMap<>();
        service.path("environment").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }
}
