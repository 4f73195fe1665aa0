package dev.agenttraces.traces.web.live;

import dev.agenttraces.traces.access.domain.ViewerIdentity;
import dev.agenttraces.traces.access.domain.Viewers;
import dev.agenttraces.traces.access.interfaces.PluginSessions;
import dev.agenttraces.traces.trace.application.TraceQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;

/**
 * Who may open a task panel's socket: a frame session whose identity still stands (the host vouched for it, its
 * token has not expired, no host logout since: {@link PluginSessions#standing}) and whose user may see the task
 * now, the board membership read from the shared tables as for any page. Decided once, at the handshake; what
 * a push later triggers is an ordinary page request, decided again.
 */
@ApplicationScoped
public class PanelAdmission {

    @Inject
    PluginSessions sessions;

    @Inject
    Viewers viewers;

    @Inject
    TraceQueries queries;

    /** Whether the handshake's frame session may watch the task. */
    public boolean admits(HttpSession session, long taskId) {
        ViewerIdentity identity = sessions.standing(session);
        return identity != null && queries.task(taskId, viewers.of(identity).scope()).isPresent();
    }
}
