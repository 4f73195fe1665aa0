package dev.agenttraces.taskboard.contract;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The URL binding of a host token (claim {@code uh}): a hash of the path and the query parameters,
 * sorted, without the token parameter itself. Scheme, host and port are left out so that the binding
 * survives proxies; path and parameters are what decide what a request reads. Lives in the shared
 * model because the host signs it and every plugin checks it; both must canonicalise identically.
 */
public final class UrlHash {

    /** The query parameter that carries the token on iframe URLs. */
    public static final String TOKEN_PARAMETER = "at";

    private UrlHash() {
    }

    public static String of(URI uri) {
        return of(uri.getRawPath(), uri.getRawQuery());
    }

    /** @param rawPath the path as sent (percent-encoded); @param rawQuery the query as sent, or null */
    public static String of(String rawPath, String rawQuery) {
        return sha256(canonical(rawPath, rawQuery));
    }

    static String canonical(String rawPath, String rawQuery) {
        String path = decode(rawPath == null || rawPath.isEmpty() ? "/" : rawPath);
        List<String> params = new ArrayList<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (!TOKEN_PARAMETER.equals(name)) {
                    params.add(name + "=" + value);
                }
            }
        }
        params.sort(null);
        return params.isEmpty() ? path : path + "?" + String.join("&", params);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String sha256(String s) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
