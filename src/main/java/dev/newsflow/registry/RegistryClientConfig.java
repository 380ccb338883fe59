package dev.newsflow.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * How to reach a schema registry: base URLs (tried in turn), credentials, timeouts and TLS trust.
 *
 * <p>{@code userInfo} is "user:password" or null; {@link #toString()} never shows it, and the URLs
 * held here never carry credentials, so neither can leak into logs or exception messages.
 */
public record RegistryClientConfig(List<URI> urls, String userInfo, Duration connectTimeout,
                                   Duration requestTimeout, SSLContext sslContext) {

    public static final String URL = "schema.registry.url";
    public static final String CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String USER_INFO = "basic.auth.user.info";
    /** Confluent accepts the user info under this prefixed name as well. */
    public static final String USER_INFO_PREFIXED = "schema.registry.basic.auth.user.info";
    public static final String CONNECT_TIMEOUT_MS = "schema.registry.connect.timeout.ms";
    public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";
    /** Names Confluent's client uses for the same two timeouts; read as fallbacks. */
    public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";
    public static final String TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    public static final String TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    public static final String TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public RegistryClientConfig {
        if (urls == null || urls.isEmpty()) {
            throw new ConfigException(URL, "", "at least one schema registry URL is required");
        }
        urls = List.copyOf(urls);
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        requestTimeout = requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout;
    }

    /** Plain config for one or more comma-separated URLs; credentials in a URL are honoured. */
    public static RegistryClientConfig of(String commaSeparatedUrls) {
        return fromConfig(Map.of(URL, commaSeparatedUrls));
    }

    public RegistryClientConfig withBasicAuth(String user, String password) {
        return new RegistryClientConfig(urls, user + ":" + password, connectTimeout, requestTimeout, sslContext);
    }

    public RegistryClientConfig withTimeouts(Duration connect, Duration request) {
        return new RegistryClientConfig(urls, userInfo, connect, request, sslContext);
    }

    public RegistryClientConfig withSslContext(SSLContext context) {
        return new RegistryClientConfig(urls, userInfo, connectTimeout, requestTimeout, context);
    }

    /** Reads Confluent-named keys from a Kafka client config map. */
    public static RegistryClientConfig fromConfig(Map<String, ?> config) {
        Object rawUrls = config.get(URL);
        if (rawUrls == null) {
            throw new ConfigException(URL, null, "missing; set it to the registry base URL(s), comma-separated");
        }
        List<String> texts = splitUrls(rawUrls);
        List<URI> urls = new ArrayList<>();
        String urlUserInfo = null;
        for (String text : texts) {
            URI uri = parseUrl(text);
            if (uri.getRawUserInfo() != null && urlUserInfo == null) {
                // Percent-decoding only: a '+' in a password is a plus, not a space.
                urlUserInfo = RegistryJson.decodeSegment(uri.getRawUserInfo());
            }
            urls.add(withoutUserInfo(uri));
        }
        String userInfo = credentials(config, urlUserInfo);
        Duration connect = millis(config, CONNECT_TIMEOUT_MS, HTTP_CONNECT_TIMEOUT_MS, DEFAULT_CONNECT_TIMEOUT);
        Duration request = millis(config, REQUEST_TIMEOUT_MS, HTTP_READ_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT);
        SSLContext ssl = null;
        String trustStore = text(config.get(TRUSTSTORE_LOCATION));
        if (trustStore != null && !trustStore.isBlank()) {
            ssl = TrustStores.sslContext(java.nio.file.Path.of(trustStore), text(config.get(TRUSTSTORE_PASSWORD)),
                    text(config.get(TRUSTSTORE_TYPE)));
        }
        return new RegistryClientConfig(urls, userInfo, connect, request, ssl);
    }

    private static String credentials(Map<String, ?> config, String urlUserInfo) {
        String source = text(config.get(CREDENTIALS_SOURCE));
        // Confluent's default source is URL: credentials written into the URL itself, if any.
        if (source == null || source.isBlank() || source.equalsIgnoreCase("URL")) {
            return urlUserInfo;
        }
        if (source.equalsIgnoreCase("USER_INFO")) {
            String info = text(config.get(USER_INFO));
            if (info == null) {
                info = text(config.get(USER_INFO_PREFIXED));
            }
            if (info == null || !info.contains(":")) {
                // The value is deliberately not echoed: it is a secret.
                throw new ConfigException(USER_INFO + " must be set to user:password when "
                        + CREDENTIALS_SOURCE + "=USER_INFO");
            }
            return info;
        }
        throw new ConfigException(CREDENTIALS_SOURCE, source, "supported values are USER_INFO and URL");
    }

    private static List<String> splitUrls(Object raw) {
        List<String> out = new ArrayList<>();
        Collection<?> parts = raw instanceof Collection<?> c ? c : List.of(raw.toString().split(","));
        for (Object part : parts) {
            String s = part.toString().trim();
            if (!s.isEmpty()) {
                out.add(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
            }
        }
        if (out.isEmpty()) {
            throw new ConfigException(URL, raw.toString(), "no URL given");
        }
        return out;
    }

    private static URI parseUrl(String text) {
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new URISyntaxException("(hidden)", "expected http(s)://host[:port][/path]");
            }
            return uri;
        } catch (URISyntaxException e) {
            // The text may hold credentials, so only the reason is reported.
            throw new ConfigException(URL + " has an invalid URL: " + e.getReason());
        }
    }

    private static URI withoutUserInfo(URI uri) {
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null);
        } catch (URISyntaxException e) {
            throw new ConfigException(URL + " has an invalid URL: " + e.getReason());
        }
    }

    private static Duration millis(Map<String, ?> config, String key, String fallbackKey, Duration dflt) {
        Object v = config.get(key);
        String used = key;
        if (v == null) {
            v = config.get(fallbackKey);
            used = fallbackKey;
        }
        if (v == null) {
            return dflt;
        }
        try {
            long ms = v instanceof Number n ? n.longValue() : Long.parseLong(v.toString().trim());
            if (ms <= 0) {
                throw new ConfigException(used, v, "must be positive");
            }
            return Duration.ofMillis(ms);
        } catch (NumberFormatException e) {
            throw new ConfigException(used, v, "not a number of milliseconds");
        }
    }

    /** Kafka hands passwords over as {@link Password}, whose toString hides the value. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Password p ? p.value() : value.toString();
    }

    @Override
    public String toString() {
        return "RegistryClientConfig[urls=" + urls + ", basicAuth=" + (userInfo == null ? "none" : "[hidden]")
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", customSsl=" + (sslContext != null) + "]";
    }
}
