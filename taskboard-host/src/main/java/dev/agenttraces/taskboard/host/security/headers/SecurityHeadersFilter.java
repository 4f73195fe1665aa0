package dev.agenttraces.taskboard.host.security.headers;

import dev.agenttraces.taskboard.host.contract.PluginRegistry;
import dev.agenttraces.taskboard.host.contract.PluginState;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Security headers on every host response, before anything is written (so error pages and redirects
 * carry them too): the {@link ContentSecurityPolicy}, {@code Referrer-Policy: same-origin} (host URLs
 * never leave the host in a Referer; plugin frames on the host's origin still see which page embeds
 * them), {@code X-Content-Type-Options: nosniff}, and {@code X-Frame-Options: SAMEORIGIN} for browsers
 * that predate {@code frame-ancestors}. The plugin origins are re-read from the registry per request,
 * so a plugin discovered later is framable at once.
 */
@WebFilter(filterName = "SecurityHeadersFilter", urlPatterns = "/*")
public class SecurityHeadersFilter extends HttpFilter {

    @Inject
    transient PluginRegistry registry;

    /**
     * Extra frame origins ({@code taskboard.security.frame-origins}), e.g. a plugin whose pages are served
     * from an origin its descriptor does not name. Read in {@link #init()}: Payara cannot inject a
     * parameterised config type into a filter, and a filter that fails to start is silently skipped.
     */
    private transient List<String> configuredFrameOrigins = List.of();

    @Override
    public void init() {
        configuredFrameOrigins = ConfigProvider.getConfig()
                .getOptionalValues("taskboard.security.frame-origins", String.class).orElse(List.of());
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        resp.setHeader("Content-Security-Policy", ContentSecurityPolicy.forHost(frameOrigins()));
        resp.setHeader("Referrer-Policy", "same-origin");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("X-Frame-Options", "SAMEORIGIN");
        chain.doFilter(req, resp);
    }

    private Set<String> frameOrigins() {
        Set<String> origins = new TreeSet<>();
        configuredFrameOrigins.forEach(o -> ContentSecurityPolicy.originOf(o).ifPresent(origins::add));
        for (PluginState state : registry.states()) {
            if (state.descriptor() != null) {
                ContentSecurityPolicy.originOf(state.descriptor().baseUrl()).ifPresent(origins::add);
            }
        }
        return origins;
    }
}
