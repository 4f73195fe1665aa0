package dev.agenttraces.taskboard.host.contract;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The shapes a descriptor's URLs may take. The host puts them into {@code <iframe src>} and signs tokens
 * for them, so a {@code javascript:} or {@code data:} base URL would run script on the host's origin, and
 * a protocol-relative ({@code //evil.example}) one or an extension URL that escapes its base would send
 * tokens elsewhere. Allowed: a base URL that is absolute {@code http}/{@code https} with a host and
 * without user info, query or fragment, or a path on the host's origin ({@code /traces}); extension URLs
 * that are paths below the base ({@code /panel.xhtml?task={task.id}}).
 */
final class DescriptorUrls {

    private DescriptorUrls() {
    }

    static void checkBaseUrl(String pluginKey, String baseUrl) throws InvalidDescriptorException {
        String problem = baseUrlProblem(baseUrl);
        if (problem != null) {
            throw new InvalidDescriptorException("Plugin '" + pluginKey + "' has base-url '" + baseUrl + "': "
                    + problem + "; it must be an absolute http(s) URL (https://plugins.example/traces) or a path on"
                    + " the host's origin (/traces)");
        }
    }

    static void checkExtensionUrl(String extensionKey, String url) throws InvalidDescriptorException {
        if (!isPlainPath(url)) {
            throw new InvalidDescriptorException("Extension '" + extensionKey + "' has url '" + url
                    + "': it must be a path below base-url, starting with a single '/' (/panel.xhtml?task={task.id})");
        }
    }

    private static String baseUrlProblem(String url) {
        if (hasControlOrSpace(url) || url.contains("\\")) {
            return "it contains spaces, control characters or backslashes";
        }
        if (url.startsWith("/")) {
            return isPlainPath(url) ? null : "a path must start with a single '/'";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "it is not a valid URL (" + e.getReason() + ")";
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            return scheme == null ? "it is neither absolute nor a path" : "scheme '" + scheme + ":' is not allowed";
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            return "it must name a host, without user info";
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return "it must not have a query or fragment";
        }
        return null;
    }

    /** A path starting with exactly one slash, with no scheme, backslash, space or control character. */
    private static boolean isPlainPath(String url) {
        return url.startsWith("/") && !url.startsWith("//") && !url.contains("\\") && !hasControlOrSpace(url);
    }

    private static boolean hasControlOrSpace(String s) {
        return s.chars().anyMatch(c -> c <= 0x20 || c == 0x7f);
    }
}
