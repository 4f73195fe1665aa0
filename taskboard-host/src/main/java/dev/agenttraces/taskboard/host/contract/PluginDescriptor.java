package dev.agenttraces.taskboard.host.contract;

import java.util.List;

/** A plugin's descriptor after validation: who it is, what host-api it needs, what it extends. */
public record PluginDescriptor(String key, String version, String name, VersionRange hostApi, String baseUrl,
                               List<Extension> extensions) {
}
