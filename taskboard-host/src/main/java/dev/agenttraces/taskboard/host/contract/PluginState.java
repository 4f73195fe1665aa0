package dev.agenttraces.taskboard.host.contract;

import java.time.Instant;

/**
 * What the host knows of one configured plugin: its last good descriptor (kept while the plugin is
 * unreachable, so pages can still show a labelled placeholder for its extensions) and why it is not
 * enabled, if it is not.
 */
public record PluginState(String serverUrl, Status status, PluginDescriptor descriptor, String reason, Instant checkedAt) {

    public enum Status {
        /** Not fetched yet (the plugin may deploy after the host). */
        PENDING,
        /** Valid, compatible descriptor; extensions are shown. */
        ENABLED,
        /** The descriptor is invalid or incompatible: this plugin only is disabled. */
        DISABLED,
        /** The descriptor could not be fetched; the last good one, if any, is kept. */
        UNREACHABLE
    }

    public boolean isEnabled() {
        return status == Status.ENABLED;
    }
}
