package dev.agenttraces.taskboard.host.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where the host finds its plugins, as the browser reaches them. */
@ApplicationScoped
public class PluginSettings {

    @Inject
    @ConfigProperty(name = "taskboard.plugin.traces.url", defaultValue = "/traces")
    String tracesPluginUrl;

    public String tracesPluginUrl() {
        return tracesPluginUrl;
    }
}
