package dev.newsflow.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.InterruptException;

/**
 * Sends one JSON request to the first registry URL that answers, and turns error answers into
 * {@link SchemaRegistryException}s.
 */
final class RegistryHttp {

    private static final int MAX_ERROR_TEXT = 300;

    private final List<URI> urls;
    private final String authorization;
    private final HttpClient http;
    private final java.time.Duration requestTimeout;
    /** The URL that answered last; starting there avoids paying a connect timeout per call on a dead one. */
    private final AtomicInteger preferred = new AtomicInteger();

    RegistryHttp(RegistryClientConfig config) {
        this.urls = config.urls();
        this.authorization = config.userInfo() == null ? null : "Basic "
                + Base64.getEncoder().encodeToString(config.userInfo().getBytes(StandardCharsets.UTF_8));
        this.requestTimeout = config.requestTimeout();
        HttpClient.Builder builder = HttpClient.newBuilder()
                // HTTP/1.1: an h2c upgrade attempt buys nothing for small JSON calls and confuses some proxies.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (config.sslContext() != null) {
            builder.sslContext(config.sslContext());
        }
        this.http = builder.build();
    }

    List<URI> urls() {
        return urls;
    }

    /** path is already percent-encoded and starts with '/'; body is null for GET. */
    JsonNode send(String method, String path, JsonNode body) {
        String context = method + " " + path;
        RuntimeException last = null;
        int start = preferred.get();
        for (int i = 0; i < urls.size(); i++) {
            int index = (start + i) % urls.size();
            HttpResponse<String> response;
            try {
                response = http.send(request(urls.get(index), method, path, body),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                last = new RegistryUnavailableException(0, 0, e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + e.getMessage()), context + " at " + urls.get(index), e);
                continue;
            } catch (InterruptedException e) {
                throw new InterruptException(e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                preferred.set(index);
                return parseBody(response.body(), context);
            }
            SchemaRegistryException error = error(status, response.body(), context + " at " + urls.get(index));
            if (!error.isRetriable()) {
                preferred.set(index);
                throw error;
            }
            last = error;
        }
        if (urls.size() == 1) {
            throw last;
        }
        throw new RegistryUnavailableException(last instanceof SchemaRegistryException s ? s.httpStatus() : 0,
                last instanceof SchemaRegistryException s ? s.errorCode() : 0,
                "no registry of " + urls + " answered; last: " + last.getMessage(), context, last);
    }

    private HttpRequest request(URI base, String method, String path, JsonNode body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base.toString() + path))
                .timeout(requestTimeout)
                .header("Accept", RegistryJson.ACCEPT);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", RegistryJson.CONTENT_TYPE)
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        }
        return builder.build();
    }

    private static JsonNode parseBody(String text, String context) {
        if (text == null || text.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            return RegistryJson.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new SchemaRegistryException(200, 0, "answer is not JSON: " + clip(text), context, e);
        }
    }

    /** Builds the exception for an error answer; 5xx, 408 and 429 mean "try again later". */
    static SchemaRegistryException error(int status, String body, String context) {
        int code = status;
        String message = clip(body);
        try {
            JsonNode json = body == null || body.isBlank() ? null : RegistryJson.MAPPER.readTree(body);
            if (json != null && json.isObject()) {
                // Apicurio answers some failures (e.g. an NPE on an empty body) with error_code 0: keep the status then.
                int reported = json.path("error_code").asInt(0);
                code = reported == 0 ? status : reported;
                message = json.path("message").asText(message);
            }
        } catch (IOException notJson) {
            // A proxy page or plain text (Apicurio answers 400 in plain text): the clipped body is the message.
        }
        boolean retriable = status >= 500 || status == 408 || status == 429;
        return retriable ? new RegistryUnavailableException(status, code, message, context, null)
                : new SchemaRegistryException(status, code, message, context);
    }

    private static String clip(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= MAX_ERROR_TEXT ? oneLine : oneLine.substring(0, MAX_ERROR_TEXT) + "...";
    }
}
