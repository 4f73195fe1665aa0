package dev.agenttraces.traces.access.interfaces;

import dev.agenttraces.taskboard.contract.UrlHash;
import dev.agenttraces.traces.access.domain.ViewerIdentity;
import dev.agenttraces.traces.access.infrastructure.HostTokenVerifier;
import dev.agenttraces.traces.access.infrastructure.TokenRefusedException;
import dev.agenttraces.traces.api.Jsonp;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Renews a frame's session with a freshly signed frame URL, without reloading the frame. A session's
 * identity ends when its host token expires (two minutes by default); shortly before, the page's
 * {@code bridge.js} posts {@code {type: "taskboard:token-request"}} to the host page, whose frame bridge
 * answers {@code {type: "taskboard:token", url}} with a URL from its {@code /plugins/frame-url}, and the
 * page POSTs {@code {"url": …}} here.
 *
 * <p>The URL's token is verified as on a frame load (signature, expiry, audience, its URL binding against
 * the URL itself, used once) and must name the session's own subject: renewal never switches users, so a
 * forged cross-site POST gains nothing. JSON only (a plain HTML form cannot send it). Answers
 * {@code {"expiresAt": epoch ms}}, 401 without a live session or after a host logout, 409 for another subject.
 */
@WebServlet(SessionRenewalServlet.PATH)
public class SessionRenewalServlet extends HttpServlet {

    public static final String PATH = "/session/renew";
    private static final int MAX_BODY = 16 * 1024;

    @Inject
    transient HostTokenVerifier verifier;

    @Inject
    transient PluginSessions sessions;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        String type = req.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            resp.sendError(415, "Send {\"url\": …} as application/json");
            return;
        }
        ViewerIdentity current = sessions.current(req);
        if (current == null) {
            resp.sendError(401, "No plugin session to renew; reopen the page from the Taskboard");
            return;
        }
        URI url = frameUrl(req);
        if (url == null || url.getRawPath() == null || !url.getRawPath().startsWith(req.getContextPath() + "/")) {
            resp.sendError(400, "url must be a signed frame URL of this plugin");
            return;
        }
        ViewerIdentity fresh;
        try {
            fresh = verifier.verifyFrameToken(token(url.getRawQuery()), url.getRawPath(), url.getRawQuery());
            if (fresh.service() || !fresh.username().equals(current.username())) {
                resp.sendError(409, "The new token names another user; reopen the page from the Taskboard");
                return;
            }
            if (sessions.loggedOut(fresh)) {
                sessions.end(req);
                throw new TokenRefusedException(401, "You signed out of the Taskboard");
            }
        } catch (TokenRefusedException e) {
            resp.sendError(e.status(), e.getMessage());
            return;
        }
        sessions.bind(req, fresh);
        resp.setContentType("application/json");
        resp.getWriter().write(Jsonp.BUILDERS.createObjectBuilder()
                .add("expiresAt", fresh.expiresAt().toEpochMilli()).build().toString());
    }

    private static URI frameUrl(HttpServletRequest req) throws IOException {
        try (InputStream in = req.getInputStream(); JsonReader reader = Jsonp.PROVIDER.createReader(
                new java.io.ByteArrayInputStream(in.readNBytes(MAX_BODY)))) {
            JsonObject body = reader.readObject();
            return URI.create(body.getString("url"));
        } catch (JsonException | ClassCastException | NullPointerException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String token(String rawQuery) throws TokenRefusedException {
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (pair.startsWith(UrlHash.TOKEN_PARAMETER + "=")) {
                    return URLDecoder.decode(pair.substring(UrlHash.TOKEN_PARAMETER.length() + 1), StandardCharsets.UTF_8);
                }
            }
        }
        throw new TokenRefusedException(401, "The URL carries no host token");
    }
}
