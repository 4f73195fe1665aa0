package dev.agenttraces.taskboard.host.contract;

import java.util.List;

/**
 * One thing a plugin adds to one of the host's extension points, as its descriptor declares it.
 * Faces EL reads the record's components as properties ({@code #{ext.title}}); other methods are
 * called explicitly ({@code #{ext.domId()}}).
 */
public record Extension(String pluginKey, String pluginName, String point, String key, String title, int weight,
                        String baseUrl, String urlTemplate, List<String> contextParams, int initialHeight,
                        int renderTimeoutMs) {

    /** A DOM-safe id for this extension's frame. */
    public String domId() {
        return "ext-" + pluginKey + "-" + key;
    }
}
