package dev.agenttraces.taskboard.host.contract;

import java.util.List;

/**
 * One thing a plugin adds to one of the host's extension points, as its descriptor declares it.
 * Getter-style accessors sit beside the record's own so that Faces EL can read them as properties.
 */
public record Extension(String pluginKey, String pluginName, String point, String key, String title, int weight,
                        String baseUrl, String urlTemplate, List<String> contextParams, int initialHeight,
                        int renderTimeoutMs) {

    public String getPluginKey() {
        return pluginKey;
    }

    public String getPluginName() {
        return pluginName;
    }

    public String getKey() {
        return key;
    }

    public String getTitle() {
        return title;
    }

    public int getInitialHeight() {
        return initialHeight;
    }

    public int getRenderTimeoutMs() {
        return renderTimeoutMs;
    }

    /** A DOM-safe id for this extension's frame. */
    public String getDomId() {
        return "ext-" + pluginKey + "-" + key;
    }
}
