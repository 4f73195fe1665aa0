package dev.agenttraces.taskboard.host.contract;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The plugins' states as last published by {@link PluginRegistry}, for the readiness check. A plain CDI
 * bean, not the registry itself: the health endpoint is asked while the server is still deploying, and
 * calling the registry (an EJB singleton) then fails with "Attempt to invoke when container is in
 * Initializing". Until the registry has published, the host is not ready.
 *
 * <p>Ready means: every configured plugin has been looked at, and each one is enabled, disabled (a bad
 * descriptor: the host works without it), or still unreachable after {@code taskboard.plugins.ready-grace-seconds}
 * from the first look (a plugin that is simply down must not keep the host out of a load balancer for
 * ever). A plugin that deploys after the host (as in {@code bin/demo}) thus keeps readiness DOWN until
 * its descriptor answers, so "ready" means both WARs are serving.
 */
@ApplicationScoped
public class PluginReadiness {

    @Inject
    @ConfigProperty(name = "taskboard.plugins.ready-grace-seconds", defaultValue = "120")
    long graceSeconds;

    private volatile List<PluginState> states;
    private volatile Instant firstPublished;
    private final Set<String> everEnabled = java.util.concurrent.ConcurrentHashMap.newKeySet();

    void publish(List<PluginState> current) {
        if (firstPublished == null) {
            firstPublished = Instant.now();
        }
        current.stream().filter(PluginState::isEnabled).forEach(s -> everEnabled.add(s.serverUrl()));
        states = List.copyOf(current);
    }

    /** The last published states; empty before the registry started. */
    public List<PluginState> states() {
        List<PluginState> s = states;
        return s == null ? List.of() : s;
    }

    public boolean isReady() {
        return isReady(Instant.now());
    }

    boolean isReady(Instant now) {
        List<PluginState> s = states;
        if (s == null) {
            return false;
        }
        boolean graceOver = now.isAfter(firstPublished.plus(Duration.ofSeconds(Math.max(0, graceSeconds))));
        Set<String> waiting = new HashSet<>();
        for (PluginState p : s) {
            boolean unreachableNew = p.status() == PluginState.Status.UNREACHABLE && !everEnabled.contains(p.serverUrl());
            if (p.status() == PluginState.Status.PENDING || (unreachableNew && !graceOver)) {
                waiting.add(p.serverUrl());
            }
        }
        return waiting.isEmpty();
    }
}
