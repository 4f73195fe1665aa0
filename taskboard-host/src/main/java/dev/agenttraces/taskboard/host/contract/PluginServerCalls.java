package dev.agenttraces.taskboard.host.contract;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The host's server-to-server reads of the traces plugin (its spend and its annotations), in one place: where the
 * plugin is, and a GET with a host-signed service token (subject {@link
 * dev.agenttraces.taskboard.contract.HostContract#SERVICE_SUBJECT}, role ADMIN) bound to the exact URL. Every
 * failure (no token, connection, timeout, non-200, malformed body) is a {@link Failed} with a reason people can
 * read, so callers degrade instead of failing their page. The host depends on no plugin code, only on these paths.
 */
@ApplicationScoped
public class PluginServerCalls {

    /** The plugin's server-side base URL; unset, the first plugin base URL of {@code taskboard.plugins}. */
    @Inject
    @ConfigProperty(name = "taskboard.plugin.traces.server-url")
    Optional<String> serverUrl;

    @Inject
    @ConfigProperty(name = "taskboard.plugin.spend.timeout-ms", defaultValue = "3000")
    long timeoutMs;

    @Inject
    PluginBaseUrls plugins;

    @Inject
    HostTokenIssuer tokens;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** A failed read, with the human-readable reason the pages show. */
    public static final class Failed extends Exception {
        Failed(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The plugin URL of {@code pathAndQuery} (which starts with a slash). */
    public URI url(String pathAndQuery) {
        String base = serverUrl.filter(u -> !u.isBlank()).map(PluginBaseUrls::base).orElseGet(plugins::first);
        return URI.create(base + pathAndQuery);
    }

    /** GETs a JSON object with a service token bound to {@code url} and carrying {@code context}. */
    public JsonObject get(URI url, Map<String, String> context) throws Failed {
        String token;
        try {
            token = tokens.issue(dev.agenttraces.taskboard.contract.HostContract.SERVICE_SUBJECT, Set.of("ADMIN"),
                    context, url);
        } catch (RuntimeException e) {
            throw new Failed("no token for the traces plugin (" + e.getMessage() + ")");
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url)
                            .timeout(Duration.ofMillis(timeoutMs))
                            .header("Authorization", "Bearer " + token)
                            .header("Accept", "application/json")
                            .GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new Failed("the traces plugin answered HTTP " + response.statusCode());
            }
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                return reader.readObject();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("interrupted");
        } catch (IOException e) {
            throw new Failed("the traces plugin could not be reached (" + e.getClass().getSimpleName() + ")");
        } catch (RuntimeException e) {
            throw new Failed("the traces plugin sent an unreadable answer (" + e.getMessage() + ")");
        }
    }
}
