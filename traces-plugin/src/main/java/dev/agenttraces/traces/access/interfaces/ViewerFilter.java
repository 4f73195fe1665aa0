package dev.agenttraces.traces.access.interfaces;

import dev.agenttraces.traces.access.domain.ViewerIdentity;
import dev.agenttraces.traces.access.infrastructure.HostContractSettings;
import dev.agenttraces.traces.access.infrastructure.HostTokenVerifier;
import dev.agenttraces.traces.access.infrastructure.TokenRefusedException;

import dev.agenttraces.taskboard.contract.UrlHash;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * The plugin's front door. Every page and read API needs a user the host vouched for: a host token on
 * the URL ({@code at}, iframe loads; then kept in the session for the frame's own later requests) or
 * in an {@code Authorization: Bearer} header (API reads, per request). A token that is present but
 * bad is refused even if the session knows someone. Ingest writes (the JSON API's and OTLP's) are exempt
 * here: they carry an ingest token, which the ingest endpoints check themselves.
 */
@WebFilter(filterName = "ViewerFilter", urlPatterns = "/*")
public class ViewerFilter extends HttpFilter {

    /** The JSON ingest API's writes and the OTLP/HTTP receiver ({@code /v1/traces}, the OTLP default path). */
    private static final Pattern INGEST_WRITE = Pattern.compile("/api/v1/traces(/[^/]+/(steps|finish))?/?|/v1/traces/?");
    private static final Pattern PUBLIC = Pattern.compile("/(jakarta\\.faces\\.resource/.*|resources/.*|plugin-descriptor\\.xml|favicon\\.ico)");

    @Inject
    transient HostTokenVerifier verifier;

    @Inject
    transient HostContractSettings settings;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        boolean api = path.startsWith("/api/");
        if (!api) {
            String ancestors = settings.getHostOrigin().isBlank() ? "'self'" : "'self' " + settings.getHostOrigin();
            resp.setHeader("Content-Security-Policy", "frame-ancestors " + ancestors);
        }
        if (PUBLIC.matcher(path).matches() || ("POST".equals(req.getMethod()) && INGEST_WRITE.matcher(path).matches())) {
            chain.doFilter(req, resp);
            return;
        }
        String urlToken = req.getParameter(UrlHash.TOKEN_PARAMETER);
        String bearer = bearerJwt(req);
        ViewerIdentity identity;
        try {
            if (urlToken != null) {
                identity = verifier.verify(urlToken, req.getRequestURI(), req.getQueryString());
                if (identity.service()) {
                    throw new TokenRefusedException(403, "The host's service token is for the API, not for pages.");
                }
                keepInSession(req, identity);
            } else if (bearer != null) {
                identity = verifier.verify(bearer, req.getRequestURI(), req.getQueryString());
            } else {
                HttpSession session = req.getSession(false);
                identity = session == null ? null : (ViewerIdentity) session.getAttribute(ViewerIdentity.ATTRIBUTE);
            }
        } catch (TokenRefusedException e) {
            refuse(resp, api, e.status(), e.getMessage());
            return;
        }
        if (identity == null) {
            refuse(resp, api, 401, "Agent Traces opens from the Taskboard: this address needs the host's signed link.");
            return;
        }
        req.setAttribute(ViewerIdentity.ATTRIBUTE, identity);
        chain.doFilter(req, resp);
    }

    private static void keepInSession(HttpServletRequest req, ViewerIdentity identity) {
        HttpSession existing = req.getSession(false);
        if (existing != null) {
            req.changeSessionId();
        }
        req.getSession(true).setAttribute(ViewerIdentity.ATTRIBUTE, identity);
    }

    /** A Bearer value shaped like a JWT (three dot-separated parts); ingest tokens are not. */
    private static String bearerJwt(HttpServletRequest req) {
        String h = req.getHeader("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String value = h.substring(7).strip();
        return value.chars().filter(c -> c == '.').count() == 2 ? value : null;
    }

    private static void refuse(HttpServletResponse resp, boolean api, int status, String detail) throws IOException {
        resp.setStatus(status);
        resp.setHeader("Cache-Control", "no-store");
        String title = status == 401 ? "Not signed in" : "Not allowed";
        if (api) {
            resp.setContentType("application/problem+json");
            resp.setCharacterEncoding("UTF-8");
            resp.getWriter().write(Json.createObjectBuilder()
                    .add("type", "about:blank").add("title", title).add("status", status).add("detail", detail)
                    .build().toString());
        } else {
            resp.setContentType("text/html;charset=UTF-8");
            resp.getWriter().write("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><title>" + title
                    + "</title></head><body style=\"font-family:system-ui,sans-serif;padding:1rem\"><h2 id=\"at-refused\">"
                    + title + "</h2><p>" + escape(detail) + "</p></body></html>");
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
