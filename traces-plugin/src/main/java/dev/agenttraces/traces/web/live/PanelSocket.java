package dev.agenttraces.traces.web.live;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A task panel's live socket, {@code /traces/live/panel?task=<id>}: a plain Jakarta WebSocket endpoint that
 * keeps nothing in the HTTP session, so the plugin's sessions replicate between servers (docs/SCALE.md). The
 * handshake ({@link PanelHandshake}) admits a frame session allowed to see the task; anything else is closed at
 * once with 1008 (policy violation). An open socket is registered with {@link LiveUpdates}, which sends it the
 * one message {@code refresh}; the page's script ({@code traces.js}, {@code AT.liveSocket}) then refreshes the
 * panel through an ordinary Faces request, and reconnects when the socket drops (a server gone: the balancer
 * sends the new handshake to another one, where the replicated session admits it again).
 */
@ServerEndpoint(value = "/live/panel", configurator = PanelHandshake.class)
public class PanelSocket {

    private static final Logger LOG = Logger.getLogger(PanelSocket.class.getName());

    @OnOpen
    public void open(Session socket) throws IOException {
        if (socket.getUserProperties().get(PanelHandshake.ADMITTED_TASK) instanceof Long task) {
            live().opened(task, socket);
        } else {
            socket.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "Open the panel from the Taskboard."));
        }
    }

    @OnClose
    public void close(Session socket) {
        if (socket.getUserProperties().get(PanelHandshake.ADMITTED_TASK) instanceof Long task) {
            live().closed(task, socket);
        }
    }

    /** The page sends nothing; whatever arrives is ignored. */
    @OnMessage
    public void message(String ignored) {
        // nothing to do
    }

    @OnError
    public void error(Session socket, Throwable failure) {
        LOG.log(Level.FINE, "A live panel socket failed; its page reconnects", failure);
    }

    private static LiveUpdates live() {
        return CDI.current().select(LiveUpdates.class).get();
    }
}
