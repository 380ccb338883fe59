package dev.newsflow.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secrets (passwords, JAAS configs, registry user info, tokens, private keys, credentials in URLs) in text that
 * newsflow logs, prints or writes into dead letters.
 */
public final class Secrets {

    public static final String HIDDEN = "[hidden]";

    /** {@code scheme://user:password@host}: everything between "//" and "@" goes. */
    private static final Pattern URL_USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/@\\s\"']+@");
    /** {@code key=value} or {@code key: value} for a secret key, up to a comma, semicolon, quote or line end. */
    private static final Pattern SECRET_SETTING = Pattern.compile(
            "(?i)([\\w.-]*(?:password|secret|jaas\\.config|user\\.info|token|\\.key)\\s*[=:]\\s*)(\"[^\"]*\"|[^,;\\s]+)");

    private Secrets() {
    }

    /** Whether the setting {@code key} holds a secret (Kafka's PASSWORD-typed settings and the registry's user info). */
    public static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("secret") || k.contains("jaas.config") || k.endsWith("user.info")
                || k.contains("token") || k.endsWith(".key") || k.endsWith("keystore.certificate.chain");
    }

    /** The settings with every secret value replaced by {@link #HIDDEN}. */
    public static Map<String, String> redacted(Map<String, String> settings) {
        Map<String, String> out = new LinkedHashMap<>();
        settings.forEach((key, value) -> out.put(key, isSecret(key) ? HIDDEN : value));
        return out;
    }

    /** {@code text} without credentials in URLs and without the values of secret {@code key=value} settings. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = URL_USER_INFO.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(HIDDEN) + "@");
        return SECRET_SETTING.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(HIDDEN));
    }

    /** As {@link #redact(String)}, also hiding every secret value of {@code settings} wherever it appears. */
    public static String redact(String text, Map<String, String> settings) {
        String out = redact(text);
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            String value = setting.getValue();
            // Very short values would blank out ordinary words; they are weak secrets anyway.
            if (out != null && isSecret(setting.getKey()) && value != null && value.length() >= 4) {
                out = out.replace(value, HIDDEN);
            }
        }
        return out;
    }

    /** An exception's class and message and those of its causes, redacted: safe to log without the stack trace. */
    public static String describe(Throwable error) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = error; t != null && out.length() < 4000; t = t.getCause() == t ? null : t.getCause()) {
            out.append(out.length() == 0 ? "" : "; caused by ").append(redact(String.valueOf(t)));
        }
        return out.toString();
    }
}
