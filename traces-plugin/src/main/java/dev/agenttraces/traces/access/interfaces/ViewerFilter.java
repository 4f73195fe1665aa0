package dev.agenttraces.traces.access.interfaces;

import dev.agenttraces.traces.api.Bearer;
import dev.agenttraces.traces.shared.infrastructure.DatabaseFailures;
import dev.agenttraces.traces.access.domain.ViewerIdentity;
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

import java.io.IOException;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The plugin's front door. Every page and read API needs a user the host vouched for: a host token on
 * the URL ({@code at}, iframe loads; then kept in the session for the frame's own later requests) or
 * in an {@code Authorization: Bearer} header (API reads, per request; a Bearer JWT on a page is refused with
 * 403). A token that is present but bad is refused even if the session knows someone. Ingest writes (the JSON API's and OTLP's) are exempt
 * here: they carry an ingest token, which the ingest endpoints check themselves; so is an agent's read of a
 * trace's annotations with a non-JWT bearer (its ingest token, checked by the annotations resource).
 *
 * <p>A plugin session never outlives or outranks the host's (issue 9): a frame token is good once
 * (its {@code jti} is remembered), the session holds one subject only (see {@link PluginSessions}), the
 * session's identity ends when its token expires (the frame then renews it through the host, see
 * {@link SessionRenewalServlet}), and an identity issued before the user's last host logout is refused
 * and its session invalidated, checked on every request. The API never uses or creates a session.
 */
@WebFilter(filterName = "ViewerFilter", urlPatterns = "/*")
public class ViewerFilter extends HttpFilter {

    /** Seconds a client waits before retrying when the database is away. */
    static final int RETRY_AFTER_SECONDS = 2;

    /** The JSON ingest API's writes and the OTLP/HTTP receiver ({@code /v1/traces}, the OTLP default path). */
    private static final Pattern INGEST_WRITE = Pattern.compile("/api/v1/traces(/[^/]+/(steps|finish))?/?|/v1/traces/?");
    /** A trace's annotations, which its agent reads back with its ingest token (checked by the resource). */
    private static final Pattern AGENT_READ = Pattern.compile("/api/v1/traces/[^/]+/annotations/?");
    private static final Pattern PUBLIC = Pattern.compile("/(jakarta\\.faces\\.resource/.*|resources/.*|plugin-descriptor\\.xml|favicon\\.ico"
            + "|" + Pattern.quote(SessionRenewalServlet.PATH.substring(1)) + ")");

    @Inject
    transient HostTokenVerifier verifier;

    @Inject
    transient PluginSessions sessions;

    /** Request attribute: when the identity's token expires (epoch ms), for the page's renewal timer. */
    public static final String SESSION_EXPIRES = "atSessionExpires";

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        boolean api = path.startsWith("/api/");
        if (PUBLIC.matcher(path).matches() || ("POST".equals(req.getMethod()) && INGEST_WRITE.matcher(path).matches())
                || ("GET".equals(req.getMethod()) && AGENT_READ.matcher(path).matches() && req.getParameter(UrlHash.TOKEN_PARAMETER) == null
                    && req.getHeader("Authorization") != null && bearerJwt(req) == null)) {
            chain.doFilter(req, resp);
            return;
        }
        String urlToken = req.getParameter(UrlHash.TOKEN_PARAMETER);
        String bearer = bearerJwt(req);
        ViewerIdentity identity;
        try {
            if (bearer != null && !api) {
                // A page is opened from the host's signed link only; a Bearer JWT (the host's service token above
                // all, which reads as an admin) is for the API and would otherwise be served here per request.
                throw new TokenRefusedException(403, "Pages open from the Taskboard's signed link, never with a Bearer token.");
            }
            if (urlToken != null && !api) {
                identity = verifier.verifyFrameToken(urlToken, req.getRequestURI(), req.getQueryString());
                if (identity.service()) {
                    throw new TokenRefusedException(403, "The host's service token is for the API, not for pages.");
                }
            } else if (urlToken != null || bearer != null) {
                identity = verifier.verify(urlToken != null ? urlToken : bearer, req.getRequestURI(), req.getQueryString());
            } else {
                identity = api ? null : sessions.current(req);
                if (identity != null && identity.expiredAt(Instant.now())) {
                    throw new TokenRefusedException(401, "The host's link has expired; reopen this page from the Taskboard.");
                }
            }
            if (identity != null && sessions.loggedOut(identity)) {
                sessions.end(req);
                throw new TokenRefusedException(401, "You signed out of the Taskboard; sign in there again.");
            }
        } catch (TokenRefusedException e) {
            refuse(resp, api, e.status(), e.getMessage());
            return;
        } catch (RuntimeException e) {
            if (!DatabaseFailures.databaseAway(e)) {
                throw e;
            }
            // The identity is read from the shared tables (log-outs, replayed tokens): with the database away
            // for now (a restart), the answer is "try again", never a 500.
            resp.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
            refuse(resp, api, 503, "The trace store is unavailable right now; try again in a moment.");
            return;
        }
        if (identity == null) {
            refuse(resp, api, 401, "Agent Traces opens from the Taskboard: this address needs the host's signed link.");
            return;
        }
        if (urlToken != null && !api) {
            sessions.bind(req, identity);
        }
        req.setAttribute(ViewerIdentity.ATTRIBUTE, identity);
        req.setAttribute(SESSION_EXPIRES, identity.expiresAt().toEpochMilli());
        chain.doFilter(req, resp);
    }

    /** A Bearer value shaped like a JWT (three dot-separated parts); ingest tokens are not. */
    private static String bearerJwt(HttpServletRequest req) {
        String value = Bearer.token(req.getHeader("Authorization"));
        if (value == null) {
            return null;
        }
        value = value.strip();
        return value.chars().filter(c -> c == '.').count() == 2 ? value : null;
    }

    private static void refuse(HttpServletResponse resp, boolean api, int status, String detail) throws IOException {
        resp.setStatus(status);
        resp.setHeader("Cache-Control", "no-store");
        String title = status == 401 ? "Not signed in" : status == 503 ? "Unavailable" : "Not allowed";
        if (api) {
            resp.setContentType("application/problem+json");
            resp.setCharacterEncoding("UTF-8");
            resp.getWriter().write(Json.createObjectBuilder()
                    .add("type", "about:blank").add("title", title).add("status", status).add("detail", detail)
                    .build().toString());
        } else {
            resp.setContentType("text/html;charset=UTF-8");
            resp.getWriter().write("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><title>" + title
                    + "</title></head><body style=\"font-family:system-ui,sans-serif;padding:1rem\"><h2 id=\"" + (status == 503 ? "at-unavailable" : "at-refused") + "\">"
                    + title + "</h2><p>" + escape(detail) + "</p></body></html>");
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
