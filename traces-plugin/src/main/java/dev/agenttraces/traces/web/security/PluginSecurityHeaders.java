package dev.agenttraces.traces.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Security headers on every plugin response. Plugin pages carry host tokens in their URLs ({@code at=}),
 * so {@code Referrer-Policy: no-referrer} keeps those URLs out of every Referer the page causes; the
 * Content-Security-Policy limits scripts, styles, connections and forms to the plugin's own origin and
 * lets only the host frame the plugin ({@code frame-ancestors 'self'} plus {@code agent.traces.host.origin}
 * when the host lives on another origin); {@code nosniff} stops browsers from reading a step's output as
 * HTML or script. As for the host, Faces and PrimeFaces need {@code 'unsafe-inline' 'unsafe-eval'}
 * (SECURITY.md).
 * <p>
 * This filter is the one home of the plugin's policy and runs first (its mapping comes first in
 * {@code web.xml}). The response is wrapped so that a later component setting its own
 * Content-Security-Policy adds a second policy instead of replacing this one: browsers enforce every
 * policy they receive, so the stricter combination always holds.
 */
@WebFilter(filterName = "PluginSecurityHeaders", urlPatterns = "/*")
public class PluginSecurityHeaders extends HttpFilter {

    static final String CSP = "Content-Security-Policy";
    private static final Logger LOG = Logger.getLogger(PluginSecurityHeaders.class.getName());
    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?");

    private String policy;

    @Override
    public void init() {
        Optional<String> hostOrigin = ConfigProvider.getConfig().getOptionalValue("agent.traces.host.origin", String.class);
        policy = policy(hostOrigin.map(String::strip).filter(o -> !o.isEmpty()).orElse(null));
    }

    /** The plugin's policy; {@code hostOrigin} null when the host is on the plugin's own origin. */
    static String policy(String hostOrigin) {
        String ancestors = "'self'";
        if (hostOrigin != null && ORIGIN.matcher(hostOrigin).matches()) {
            ancestors += " " + hostOrigin;
        } else if (hostOrigin != null) {
            LOG.severe(() -> "agent.traces.host.origin '" + hostOrigin + "' is not an origin (https://host[:port]);"
                    + " only the plugin's own origin may frame it");
        }
        return String.join("; ", List.of(
                "default-src 'self'",
                "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data:",
                "font-src 'self' data:",
                "connect-src 'self'",
                "frame-src 'none'",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'",
                "frame-ancestors " + ancestors));
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        resp.setHeader(CSP, policy);
        resp.setHeader("Referrer-Policy", "no-referrer");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        chain.doFilter(req, new KeepsPolicy(resp));
    }

    /** Turns a downstream {@code setHeader(CSP, …)} into an added policy, so this filter's one stays. */
    private static final class KeepsPolicy extends HttpServletResponseWrapper {
        KeepsPolicy(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            if (CSP.equalsIgnoreCase(name)) {
                super.addHeader(name, value);
            } else {
                super.setHeader(name, value);
            }
        }
    }
}
