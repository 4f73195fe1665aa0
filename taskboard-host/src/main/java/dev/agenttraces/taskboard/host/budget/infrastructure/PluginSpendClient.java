package dev.agenttraces.taskboard.host.budget.infrastructure;

import dev.agenttraces.taskboard.host.budget.application.SpendReading;
import dev.agenttraces.taskboard.host.budget.application.SpendSource;
import dev.agenttraces.taskboard.model.budget.BudgetPeriod;
import dev.agenttraces.taskboard.contract.HostContract;
import dev.agenttraces.taskboard.host.contract.HostTokenIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Calls the traces plugin's spend API: {@code GET {server-url}/api/v1/agents/{id}/spend?from=…&to=…}
 * with a host-signed bearer token (the contract's {@link HostTokenIssuer}, subject {@value #SUBJECT}, role
 * ADMIN, context {@code agent.id}, bound to this exact URL). Every failure (connection, timeout, non-200, malformed body) becomes
 * a failed reading with a human-readable reason; the cost is parsed as a decimal string, never a double.
 */
@ApplicationScoped
public class PluginSpendClient implements SpendSource {

    /** The identity the host uses for its own server-side calls (not a person). */
    static final String SUBJECT = HostContract.SERVICE_SUBJECT;

    @Inject
    @ConfigProperty(name = "taskboard.plugin.traces.server-url", defaultValue = "http://localhost:8080/traces")
    String serverUrl;

    @Inject
    @ConfigProperty(name = "taskboard.plugin.spend.timeout-ms", defaultValue = "3000")
    long timeoutMs;

    @Inject
    HostTokenIssuer tokens;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    public SpendReading spend(long agentId, BudgetPeriod period) {
        Instant now = Instant.now();
        try {
            URI url = URI.create(serverUrl.replaceAll("/+$", "") + "/api/v1/agents/" + agentId + "/spend?from="
                    + period.from() + "&to=" + period.to());
            String token;
            try {
                token = tokens.issue(SUBJECT, Set.of("ADMIN"), Map.of(HostContract.AGENT_ID, String.valueOf(agentId)), url);
            } catch (RuntimeException e) {
                return SpendReading.failed(agentId, period, now, "no token for the traces plugin (" + e.getMessage() + ")");
            }
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url)
                            .timeout(Duration.ofMillis(timeoutMs))
                            .header("Authorization", "Bearer " + token)
                            .header("Accept", "application/json")
                            .GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return SpendReading.failed(agentId, period, now, "the traces plugin answered HTTP " + response.statusCode());
            }
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                JsonObject body = reader.readObject();
                return new SpendReading(agentId, period, new BigDecimal(body.getString("costUsd")),
                        body.getInt("unpricedSteps", 0), body.getInt("traces", 0), now, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SpendReading.failed(agentId, period, now, "interrupted");
        } catch (java.io.IOException e) {
            return SpendReading.failed(agentId, period, now, "the traces plugin could not be reached (" + e.getClass().getSimpleName() + ")");
        } catch (RuntimeException e) {
            return SpendReading.failed(agentId, period, now, "the traces plugin sent an unreadable answer (" + e.getMessage() + ")");
        }
    }
}
