package dev.agenttraces.traces.access.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/** How the plugin recognises its host. Every key is documented in README.md. */
@Named
@ApplicationScoped
public class HostContractSettings {

    @Inject
    @ConfigProperty(name = "agent.traces.plugin-key", defaultValue = "agent-traces")
    String pluginKey;

    @Inject
    @ConfigProperty(name = "agent.traces.host.issuer", defaultValue = "taskboard-host")
    String issuer;

    @Inject
    @ConfigProperty(name = "agent.traces.host.jwks-url", defaultValue = "http://localhost:8080/.well-known/jwks.json")
    String jwksUrl;

    @Inject
    @ConfigProperty(name = "agent.traces.host.public-key-file")
    Optional<String> publicKeyFile;

    @Inject
    @ConfigProperty(name = "agent.traces.host.origin")
    Optional<String> hostOrigin;

    public String pluginKey() {
        return pluginKey;
    }

    public String issuer() {
        return issuer;
    }

    public String jwksUrl() {
        return jwksUrl;
    }

    public Optional<String> publicKeyFile() {
        return publicKeyFile;
    }

    /** The host page's origin for postMessage and frame-ancestors; empty means "same origin as the plugin". */
    public String getHostOrigin() {
        return hostOrigin.orElse("");
    }
}
