package dev.agenttraces.taskboard.host.contract;

import dev.agenttraces.taskboard.contract.HostContract;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /** The plugin's server-side base URL; unset, the first plugin base URL the host discovers. */
    @Inject
    @ConfigProperty(name = "taskboard.plugin.traces.server-url")
    Optional<String> serverUrl;

    @Inject
    @ConfigProperty(name = "taskboard.plugins", defaultValue = "http://localhost:8080/traces")
    String plugins;

    @Inject
    @ConfigProperty(name = "taskboard.plugin.spend.timeout-ms", defaultValue = "3000")
    long timeoutMs;

    @Inject
    HostTokenIssuer tokens;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The feedback text of the task's annotated steps; empty when there are none or the plugin did not answer. */
    public Optional<String> feedback(long taskId) {
        try {
            String base = serverUrl.filter(u -> !u.isBlank()).orElse(plugins.split(",")[0].strip());
            URI url = URI.create(base.replaceAll("/+$", "")
                    + HostContract.TASK_ANNOTATIONS_PATH.replace("{" + HostContract.TASK_ID + "}", String.valueOf(taskId)));
            String token = tokens.issue(HostContract.SERVICE_SUBJECT, Set.of("ADMIN"),
                    Map.of(HostContract.TASK_ID, String.valueOf(taskId)), url);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofMillis(timeoutMs))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.warning("Annotations of task " + taskId + ": the traces plugin answered HTTP " + response.statusCode());
                return Optional.empty();
            }
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                String text = reader.readObject().getString("feedback", "");
                return text.isBlank() ? Optional.empty() : Optional.of(text);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (java.io.IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Annotations of task " + taskId + " not read from the traces plugin", e);
            return Optional.empty();
        }
    }
}
