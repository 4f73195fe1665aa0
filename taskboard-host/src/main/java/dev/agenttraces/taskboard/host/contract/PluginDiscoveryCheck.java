package dev.agenttraces.taskboard.host.contract;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once every configured plugin has been looked at. A disabled or unreachable plugin does not
 * make the host unready (the host works without it); the data says which is which.
 */
@Readiness
@ApplicationScoped
public class PluginDiscoveryCheck implements HealthCheck {

    @Inject
    PluginRegistry registry;

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("taskboard-plugins").status(registry.isSettled());
        registry.states().forEach(s -> builder.withData(s.serverUrl(), s.status().name()));
        return builder.build();
    }
}
