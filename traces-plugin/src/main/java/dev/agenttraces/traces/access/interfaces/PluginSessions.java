package dev.agenttraces.traces.access.interfaces;

import dev.agenttraces.traces.access.domain.ViewerIdentity;
import dev.agenttraces.traces.access.infrastructure.HostLogouts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.time.Instant;

/**
 * The rules that keep a plugin session inside the host's: a session holds the identity of one subject
 * only (a token for another subject invalidates it and starts a new one; the same subject rotates the id
 * against fixation), and an identity the host vouched for before the user's last host logout is over.
 */
@ApplicationScoped
public class PluginSessions {

    @Inject
    HostLogouts logouts;

    /** The identity the session holds, or null. */
    ViewerIdentity current(HttpServletRequest req) {
        return held(req.getSession(false));
    }

    private static ViewerIdentity held(HttpSession session) {
        return session == null ? null : session.getAttribute(ViewerIdentity.ATTRIBUTE) instanceof ViewerIdentity v ? v : null;
    }

    /**
     * The identity a session holds while it still stands (its token unexpired, no host logout since), else
     * null: what the viewer filter would let through from the session alone. For requests that do not pass
     * the filter's answer on, such as a websocket handshake.
     */
    public ViewerIdentity standing(HttpSession session) {
        ViewerIdentity identity = held(session);
        return identity == null || identity.expiredAt(Instant.now()) || loggedOut(identity) ? null : identity;
    }

    /** Keeps a freshly verified identity for the frame's later requests. */
    void bind(HttpServletRequest req, ViewerIdentity identity) {
        HttpSession existing = req.getSession(false);
        if (existing != null) {
            ViewerIdentity previous = current(req);
            if (previous != null && previous.username().equals(identity.username())) {
                req.changeSessionId();
            } else {
                existing.invalidate(); // nothing of another subject's session survives
            }
        }
        req.getSession(true).setAttribute(ViewerIdentity.ATTRIBUTE, identity);
    }

    /** Whether the user logged out of the host after the host vouched for this identity. */
    boolean loggedOut(ViewerIdentity identity) {
        return !identity.service() && logouts.lastLogout(identity.username()).map(identity::issuedBefore).orElse(false);
    }

    /** Ends the session, if any. */
    void end(HttpServletRequest req) {
        HttpSession session = req.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
