package dev.agenttraces.traces.web.live;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpSession;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The handshake of a task panel's socket ({@link PanelSocket}): reads the frame's HTTP session, never writes to
 * it, and lets {@link PanelAdmission} decide. Its answer, the admitted task id, goes into the handshake's user
 * properties, which Jakarta WebSocket 2.1 and later copy per connection and hand to that connection's
 * session only. Only pages of this origin may open the socket: a browser sends the frame's cookie with a
 * handshake any site starts, so a foreign {@code Origin} is refused as well.
 */
public class PanelHandshake extends ServerEndpointConfig.Configurator {

    /** User property of an admitted connection: the task it watches (a {@code Long}). */
    static final String ADMITTED_TASK = "agenttraces.live.task";

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        config.getUserProperties().remove(ADMITTED_TASK);
        Long task = task(request.getParameterMap());
        if (task != null && sameOrigin(request.getHeaders()) && request.getHttpSession() instanceof HttpSession session
                && CDI.current().select(PanelAdmission.class).get().admits(session, task)) {
            config.getUserProperties().put(ADMITTED_TASK, task);
        }
    }

    private static Long task(Map<String, List<String>> parameters) {
        List<String> values = parameters.get("task");
        String value = values == null || values.size() != 1 ? null : values.get(0);
        return value != null && value.matches("[0-9]{1,18}") ? Long.valueOf(value) : null;
    }

    /** No {@code Origin} (not a browser), or one whose host and port are the handshake's {@code Host}. */
    static boolean sameOrigin(Map<String, List<String>> headers) {
        String origin = header(headers, "Origin");
        String host = header(headers, "Host");
        if (origin == null) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            return host != null && uri.getRawAuthority() != null && uri.getRawAuthority().equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (name.equalsIgnoreCase(e.getKey()) && e.getValue() != null && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }
}
