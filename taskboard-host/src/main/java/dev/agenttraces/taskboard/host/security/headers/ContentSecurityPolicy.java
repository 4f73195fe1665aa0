package dev.agenttraces.taskboard.host.security.headers;

import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The host's Content-Security-Policy. Everything comes from the host's own origin except the plugin
 * frames, whose origins ({@code frame-src}) are those of the discovered plugins' absolute base URLs
 * plus any configured ones; the host itself may only be framed by itself ({@code frame-ancestors}).
 * Faces and PrimeFaces render inline scripts and event handlers and Faces' AJAX evaluates scripts
 * ({@code window.eval}, {@code new Function}), so scripts need {@code 'unsafe-inline' 'unsafe-eval'}
 * and styles {@code 'unsafe-inline'}; SECURITY.md says what that leaves and how to drop it.
 */
public final class ContentSecurityPolicy {

    private ContentSecurityPolicy() {
    }

    /** The policy for host pages, framing {@code 'self'} and the given plugin origins. */
    public static String forHost(Collection<String> frameOrigins) {
        StringBuilder frames = new StringBuilder("'self'");
        new TreeSet<>(frameOrigins).forEach(o -> frames.append(' ').append(o));
        return "default-src 'self'; "
                + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
                + "style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; "
                + "font-src 'self' data:; "
                + "connect-src 'self'; "
                + "frame-src " + frames + "; "
                + "frame-ancestors 'self'; "
                + "form-action 'self'; "
                + "base-uri 'self'; "
                + "object-src 'none'";
    }

    /**
     * The origin ({@code scheme://host[:port]}) of an absolute http(s) URL; empty for a relative URL
     * (same origin as the host) or anything that is not http(s), which therefore never reaches the policy.
     */
    public static Optional<String> originOf(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return Optional.empty();
            }
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port);
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
