package dev.agenttraces.traces.web.live;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.interceptor.Interceptor;

/**
 * Gives the beans whose client proxies a replicated session carries the same identifier on every clustered server.
 * Weld names a bean after the last portable extension that replaced its annotated type, and on Payara Micro 7
 * several of Jersey's extensions do so for every type, in an order that differs from one start to the next: the
 * Faces runtime's websocket bean was {@code …|RestClientExtension|com.sun.faces.push.WebsocketSessionManager|…} on
 * one server and {@code …|CdiComponentProvider|…} on the other, so a session that had opened a live panel failed to
 * deserialize there (WELD-001500). Observing last and configuring the type again (unchanged) makes this extension
 * the last one, on every server.
 */
public class StableBeanIds implements Extension {

    /** After every platform and library extension (Jersey's observe at the default priority). */
    static final int LAST = Interceptor.Priority.PLATFORM_AFTER + 900;

    void last(@Observes @Priority(LAST) ProcessAnnotatedType<?> type) {
        String name = type.getAnnotatedType().getJavaClass().getName();
        if (name.startsWith("com.sun.faces.") || name.startsWith("dev.agenttraces.")) {
            type.configureAnnotatedType(); // unchanged, but now last modified here
        }
    }
}
