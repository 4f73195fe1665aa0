package dev.agenttraces.taskboard.host.contract;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** Admin page: each configured plugin, whether it is enabled, and if not, why. */
@Named
@ViewScoped
public class PluginsPage implements Serializable {

    @Inject
    PluginRegistry registry;

    /** Descriptors are not serializable: not kept with the view in the (replicated) session, read again after a failover. */
    private transient List<PluginState> plugins;

    @PostConstruct
    void load() {
        plugins = registry.states();
    }

    public void refresh() {
        registry.refreshAll();
        load();
    }

    public List<PluginState> getPlugins() {
        if (plugins == null) {
            load();
        }
        return plugins;
    }
}
