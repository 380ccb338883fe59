package dev.newsflow.enrich.dedup;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Canonical form of an article URL for de-duplication: scheme and host lower-cased, default port, fragment,
 * {@code www.} and tracking parameters removed, so the same page shared from two campaigns compares equal.
 */
public final class UrlCanonicaliser {

    // The second line holds outlets' home-page and placement tracking (Politico hp, CNN hpt, NYT pgtype and
    // contentCollection, Omniture WT.*), seen in AllSides URLs; generic names such as action or version stay, because
    // on some sites they select a different page.
    private static final Set<String> TRACKING_PARAMETERS = Set.of(
            "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid", "_ga", "_gl", "ocid",
            "cmpid", "smid", "smtyp", "ref", "ref_src", "cid", "sr_share", "taid", "ito", "mbid", "partner",
            "hp", "hpt", "pgtype", "contentcollection", "contentplacement", "clicksource", "intcmp", "srnd", "rref",
            "mtrref", "iref", "emc", "wt.mc_id", "wt.nav");

    private UrlCanonicaliser() {
    }

    /** The canonical form of {@code url}; an unparsable URL is returned trimmed, unchanged otherwise. */
    public static String canonicalise(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return url.trim();
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return url.trim();
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = registrableHost(uri.getHost());
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        StringBuilder out = new StringBuilder(url.length()).append(scheme).append("://").append(host);
        if (!defaultPort) {
            out.append(':').append(port);
        }
        out.append(path);
        String query = keptQuery(uri.getRawQuery());
        if (!query.isEmpty()) {
            out.append('?').append(query);
        }
        return out.toString();
    }

    /** The host lower-cased without a leading {@code www.}: the outlet's domain. */
    public static String registrableHost(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.startsWith("www.") ? lower.substring(4) : lower;
    }

    private static String keptQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        StringJoiner kept = new StringJoiner("&");
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (!name.startsWith("utm_") && !TRACKING_PARAMETERS.contains(name)) {
                kept.add(pair);
            }
        }
        return kept.toString();
    }
}
