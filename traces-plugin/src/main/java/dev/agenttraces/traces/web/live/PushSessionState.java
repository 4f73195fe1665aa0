package dev.agenttraces.traces.web.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.PassivationCapable;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lets a session that holds {@code <f:websocket>} state move to another clustered server. The Faces runtime keeps
 * a session-scoped channel manager in each session that opened a panel, and it holds client proxies of two of the
 * runtime's application-scoped beans. Weld finds the bean behind a deserialized proxy only among beans it has
 * already made a proxy of on that server; a server that has not yet served a panel itself failed the whole
 * session with WELD-001500. So at start-up each server makes those two proxies once.
 */
@ApplicationScoped
public class PushSessionState {

    /** The Faces runtime's (Mojarra's) beans whose proxies its websocket session state carries. */
    static final List<String> PROXIED = List.of("com.sun.faces.push.WebsocketSessionManager",
            "com.sun.faces.push.WebsocketUserManager");
    private static final Logger LOG = Logger.getLogger(PushSessionState.class.getName());

    void started(@Observes @Initialized(ApplicationScoped.class) Object event, BeanManager beans) {
        for (String name : PROXIED) {
            try {
                Class<?> type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
                Bean<?> bean = beans.resolve(beans.getBeans(type));
                if (bean != null) {
                    beans.getReference(bean, type, beans.createCreationalContext(bean));
                    LOG.info(() -> "Websocket session state can be read here: " + (bean instanceof PassivationCapable p ? p.getId() : name));
                }
            } catch (ClassNotFoundException | RuntimeException e) {
                LOG.log(Level.WARNING, "Websocket session state from another server may not be readable here (" + name + ")", e);
            }
        }
    }
}
