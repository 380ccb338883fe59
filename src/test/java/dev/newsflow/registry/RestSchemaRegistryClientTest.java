package dev.newsflow.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.registry.ScriptedServer.Answer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Client behaviour that needs a scripted server: errors, failover, auth, caching, timeouts, TLS. */
class RestSchemaRegistryClientTest {

    private static final String SCHEMA_JSON = "{\"schema\":" + quoted(TestSchemas.PROBE_V1.toString()) + "}";

    @Test
    void sendsConfluentContentTypeAndEncodesSubjects() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(r -> Answer.json(200, "{\"id\":5}"))) {
            int id = RestSchemaRegistryClient.forUrl(server.url()).register("a/b c+d-value", TestSchemas.PROBE_V1);

            assertThat(id).isEqualTo(5);
            ScriptedServer.Request request = server.requests.get(0);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.rawPath()).isEqualTo("/subjects/a%2Fb%20c%2Bd-value/versions");
            assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
            assertThat(RegistryJson.MAPPER.readTree(request.body()).path("schema").asText())
                    .isEqualTo(TestSchemas.PROBE_V1.toString());
        }
    }

    @Test
    void cachesIdsAndSchemasForever() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(r -> r.rawPath().startsWith("/schemas/ids/")
                ? Answer.json(200, SCHEMA_JSON) : Answer.json(200, "{\"id\":9}"))) {
            RestSchemaRegistryClient client = RestSchemaRegistryClient.forUrl(server.url());
            for (int i = 0; i < 3; i++) {
                assertThat(client.register("s", TestSchemas.PROBE_V1)).isEqualTo(9);
                assertThat(client.getById(9)).isEqualTo(TestSchemas.PROBE_V1);
                assertThat(client.getById(4)).isEqualTo(TestSchemas.PROBE_V1);
            }
            // One registration; id 9 came with it, id 4 needed one fetch.
            assertThat(server.requests).hasSize(2);
        }
    }

    @Test
    void errorBodyBecomesStatusCodeAndMessage() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(r -> Answer.json(404,
                "{\"error_code\":40403,\"message\":\"Schema 77 not found\"}"))) {
            assertThatThrownBy(() -> RestSchemaRegistryClient.forUrl(server.url()).getById(77))
                    .isExactlyInstanceOf(SchemaRegistryException.class)
                    .satisfies(t -> {
                        SchemaRegistryException e = (SchemaRegistryException) t;
                        assertThat(e.httpStatus()).isEqualTo(404);
                        assertThat(e.errorCode()).isEqualTo(40403);
                        assertThat(e.registryMessage()).isEqualTo("Schema 77 not found");
                        assertThat(e.isSchemaNotFound()).isTrue();
                        assertThat(e.isRetriable()).isFalse();
                        assertThat(e.getMessage()).contains("GET /schemas/ids/77");
                    });
        }
    }

    @Test
    void plainTextErrorsKeepTheStatusAsCode() throws Exception {
        // Apicurio answers an unparseable PUT /config like this.
        try (ScriptedServer server = ScriptedServer.start(r -> Answer.json(400, "Not able to deserialize data provided."))) {
            assertThatThrownBy(() -> RestSchemaRegistryClient.forUrl(server.url())
                    .setCompatibility(null, CompatibilityLevel.FULL))
                    .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(400);
                        assertThat(e.registryMessage()).isEqualTo("Not able to deserialize data provided.");
                    });
        }
    }

    @Test
    void serverErrorsAndThrottlingAreRetriable() throws Exception {
        for (int status : new int[] {500, 503, 429}) {
            try (ScriptedServer server = ScriptedServer.start(r -> Answer.json(status,
                    "{\"error_code\":50001,\"message\":\"Error in the backend data store\"}"))) {
                assertThatThrownBy(() -> RestSchemaRegistryClient.forUrl(server.url()).subjects())
                        .isInstanceOfSatisfying(RegistryUnavailableException.class, e -> {
                            assertThat(e.isRetriable()).isTrue();
                            assertThat(e.httpStatus()).isEqualTo(status);
                        });
            }
        }
    }

    @Test
    void unreachableRegistryIsRetriable() throws Exception {
        String dead = ScriptedServer.deadUrl();
        assertThatThrownBy(() -> RestSchemaRegistryClient.forUrl(dead).getById(1))
                .isInstanceOfSatisfying(RegistryUnavailableException.class, e -> {
                    assertThat(e.isRetriable()).isTrue();
                    assertThat(e.httpStatus()).isZero();
                    assertThat(e.getMessage()).contains(dead);
                });
    }

    @Test
    void failsOverToTheNextUrlAndStaysThere() throws Exception {
        AtomicInteger flaky = new AtomicInteger();
        try (ScriptedServer down = ScriptedServer.start(r -> {
                flaky.incrementAndGet();
                return Answer.json(503, "{\"error_code\":50003,\"message\":\"forwarding\"}");
            });
             ScriptedServer up = ScriptedServer.start(r -> Answer.json(200, "[\"a-value\"]"))) {
            String dead = ScriptedServer.deadUrl();
            RestSchemaRegistryClient client = RestSchemaRegistryClient.forUrl(dead + ", " + down.url() + "," + up.url());

            assertThat(client.subjects()).containsExactly("a-value");
            assertThat(client.subjects()).containsExactly("a-value");
            assertThat(flaky).hasValue(1);
            assertThat(up.requests).hasSize(2);
        }
    }

    @Test
    void allUrlsDownNamesThemAll() throws Exception {
        String a = ScriptedServer.deadUrl();
        String b = ScriptedServer.deadUrl();
        assertThatThrownBy(() -> RestSchemaRegistryClient.forUrl(a + "," + b).subjects())
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining(a.substring(7))
                .hasMessageContaining(b.substring(7));
    }

    @Test
    void clientErrorsDoNotFailOver() throws Exception {
        try (ScriptedServer first = ScriptedServer.start(r -> Answer.json(404,
                "{\"error_code\":40401,\"message\":\"Subject 'x' not found.\"}"));
             ScriptedServer second = ScriptedServer.start(r -> Answer.json(200, "{}"))) {
            RestSchemaRegistryClient client = RestSchemaRegistryClient.forUrl(first.url() + "," + second.url());
            assertThatThrownBy(() -> client.latest("x"))
                    .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.isSubjectNotFound()).isTrue());
            assertThat(second.requests).isEmpty();
        }
    }

    @Test
    void slowRegistryTimesOutAsRetriable() throws Exception {
        try (ScriptedServer slow = ScriptedServer.start(r -> new Answer(200, "[]", 1_000))) {
            RestSchemaRegistryClient client = new RestSchemaRegistryClient(RegistryClientConfig.of(slow.url())
                    .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200)));
            long start = System.nanoTime();
            assertThatThrownBy(client::subjects).isInstanceOf(RegistryUnavailableException.class);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(900);
        }
    }

    @Test
    void basicAuthFromUserInfoIsSentButNeverShown() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(r -> Answer.json(401,
                "{\"error_code\":401,\"message\":\"Unauthorized\"}"))) {
            Map<String, Object> config = Map.of(RegistryClientConfig.URL, server.url(),
                    RegistryClientConfig.CREDENTIALS_SOURCE, "USER_INFO",
                    RegistryClientConfig.USER_INFO, "alice:s3cret-pw");
            RestSchemaRegistryClient client = RestSchemaRegistryClient.fromConfig(config);

            assertThatThrownBy(client::subjects)
                    .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(401);
                        assertThat(e.getMessage()).doesNotContain("s3cret").doesNotContain("alice");
                    });
            assertThat(server.requests.get(0).authorization()).isEqualTo("Basic "
                    + Base64.getEncoder().encodeToString("alice:s3cret-pw".getBytes(StandardCharsets.UTF_8)));
            assertThat(client.toString()).doesNotContain("s3cret");
            assertThat(RegistryClientConfig.fromConfig(config).toString()).doesNotContain("s3cret").contains("[hidden]");
        }
    }

    @Test
    void credentialsInTheUrlAreUsedAndStripped() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(r -> Answer.json(500, "{\"error_code\":50001,\"message\":\"x\"}"))) {
            String url = server.url().replace("http://", "http://bob:pa%40ss@");
            RestSchemaRegistryClient client = RestSchemaRegistryClient.forUrl(url);

            assertThatThrownBy(client::subjects).satisfies(e -> assertThat(e.getMessage()).doesNotContain("pa"));
            assertThat(server.requests.get(0).authorization()).isEqualTo("Basic "
                    + Base64.getEncoder().encodeToString("bob:pa@ss".getBytes(StandardCharsets.UTF_8)));
            assertThat(client.toString()).doesNotContain("bob");
        }
    }

    @Test
    void compatibilityOfASubjectWithoutVersionsIsTrue() throws Exception {
        // Apicurio's answer for a subject it has never seen; Confluent says is_compatible=true instead.
        try (ScriptedServer server = ScriptedServer.start(r -> Answer.json(404,
                "{\"error_code\":40402,\"message\":\"No version 'latest' found for artifact with ID 'n'\"}"))) {
            assertThat(RestSchemaRegistryClient.forUrl(server.url()).testCompatibility("n", TestSchemas.PROBE_V1))
                    .isTrue();
        }
    }

    @Test
    void trustStoreConfigEnablesAPrivateCaRegistry(@TempDir Path dir) throws Exception {
        Path serverStore = dir.resolve("server.p12");
        Path trustStore = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "registry", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-keystore", serverStore.toString(),
                "-storetype", "PKCS12", "-storepass", "server-pw");
        writeTrustStore(serverStore, "server-pw", trustStore, "trust-pw");
        SSLContext serverContext = serverContext(serverStore, "server-pw");

        try (ScriptedServer server = ScriptedServer.startTls(serverContext, r -> Answer.json(200, "[\"tls-value\"]"))) {
            Map<String, Object> config = Map.of(RegistryClientConfig.URL, server.url(),
                    RegistryClientConfig.TRUSTSTORE_LOCATION, trustStore.toString(),
                    RegistryClientConfig.TRUSTSTORE_PASSWORD, new org.apache.kafka.common.config.types.Password("trust-pw"),
                    RegistryClientConfig.TRUSTSTORE_TYPE, "PKCS12");

            assertThat(RestSchemaRegistryClient.fromConfig(config).subjects()).containsExactly("tls-value");
            assertThatThrownBy(() -> RestSchemaRegistryClient.forUrl(server.url()).subjects())
                    .isInstanceOf(RegistryUnavailableException.class);
        }
    }

    /** Puts the server's self-signed certificate into a trust store of its own, as a private CA would be. */
    private static void writeTrustStore(Path serverStore, String serverPassword, Path target, String password)
            throws Exception {
        java.security.KeyStore keys = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(serverStore)) {
            keys.load(in, serverPassword.toCharArray());
        }
        java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("registry", keys.getCertificate("registry"));
        try (var out = Files.newOutputStream(target)) {
            trust.store(out, password.toCharArray());
        }
    }

    private static SSLContext serverContext(Path store, String password) throws Exception {
        java.security.KeyStore keys = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store)) {
            keys.load(in, password.toCharArray());
        }
        javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance(
                javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, password.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    private static void keytool(String... args) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("keytool %s: %s", args[0], output).isZero();
    }

    private static String quoted(String text) {
        try {
            return RegistryJson.MAPPER.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
