package dev.agenttraces.taskboard.host.contract;

import dev.agenttraces.taskboard.contract.HostContract;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The annotated steps of a task, as feedback text, read from the traces plugin through the contract's documented
 * read ({@link HostContract#TASK_ANNOTATIONS_PATH}) with a service token, so a rejection can carry them to the agent.
 * The host depends on no plugin code; a plugin that is down or does not answer leaves the feedback as typed.
 */
@ApplicationScoped
public class PluginAnnotations {

    private static final Logger LOG = Logger.getLogger(PluginAnnotations.class.getName());

    @Inject
    PluginServerCalls plugin;

    /** The feedback text of the task's annotated steps; empty when there are none or the plugin did not answer. */
    public Optional<String> feedback(long taskId) {
        URI url = plugin.url(HostContract.TASK_ANNOTATIONS_PATH.replace("{" + HostContract.TASK_ID + "}",
                String.valueOf(taskId)));
        try {
            String text = plugin.get(url, Map.of(HostContract.TASK_ID, String.valueOf(taskId))).getString("feedback", "");
            return text.isBlank() ? Optional.empty() : Optional.of(text);
        } catch (PluginServerCalls.Failed e) {
            LOG.warning("Annotations of task " + taskId + " not read from the traces plugin: " + e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Annotations of task " + taskId + ": unreadable answer from the traces plugin", e);
            return Optional.empty();
        }
    }
}
