package dev.agenttraces.taskboard.host.budget.infrastructure;

import dev.agenttraces.taskboard.host.budget.application.SpendReading;
import dev.agenttraces.taskboard.host.budget.application.SpendSource;
import dev.agenttraces.taskboard.model.Agent;
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
import java.util.HashMap;
import java.util.List;
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
        URI url = URI.create(base() + "/api/v1/agents/" + agentId + "/spend?from=" + period.from() + "&to=" + period.to());
        try {
            JsonObject body = get(url, Map.of(HostContract.AGENT_ID, String.valueOf(agentId)));
            return reading(agentId, period, body, now);
        } catch (Unavailable e) {
            return SpendReading.failed(agentId, period, now, e.getMessage());
        }
    }

    /** One call for all agents ({@link HostContract#ALL_AGENTS_SPEND}); an agent missing from the answer reads failed. */
    @Override
    public Map<Long, SpendReading> spendAll(List<Agent> agents, Instant now) {
        Map<Long, SpendReading> out = new HashMap<>();
        String reason;
        try {
            JsonObject body = get(URI.create(base() + HostContract.ALL_AGENTS_SPEND + "?asOf=" + now), Map.of());
            for (JsonObject item : body.getJsonArray("items").getValuesAs(JsonObject.class)) {
                long id = item.getJsonNumber("agentId").longValue();
                out.put(id, reading(id, new BudgetPeriod(Instant.parse(item.getString("from")),
                        Instant.parse(item.getString("to"))), item, now));
            }
            reason = "the traces plugin did not report this agent";
        } catch (Unavailable e) {
            reason = e.getMessage();
        } catch (RuntimeException e) {
            out.clear();
            reason = "the traces plugin sent an unreadable answer (" + e.getMessage() + ")";
        }
        for (Agent a : agents) {
            if (!out.containsKey(a.getId())) {
                out.put(a.getId(), SpendReading.failed(a.getId(), BudgetPeriod.containing(now, a.getBudgetResetDay()), now, reason));
            }
        }
        return out;
    }

    private String base() {
        return serverUrl.replaceAll("/+$", "");
    }

    private static SpendReading reading(long agentId, BudgetPeriod period, JsonObject body, Instant now) {
        return new SpendReading(agentId, period, new BigDecimal(body.getString("costUsd")),
                body.getInt("unpricedSteps", 0), body.getInt("traces", 0), now, null);
    }

    /** A failed read, with the human-readable reason the pages show. */
    private static final class Unavailable extends Exception {
        Unavailable(String reason) {
            super(reason, null, false, false);
        }
    }

    /** GETs a JSON object with a host-signed bearer token bound to the URL; every failure is {@link Unavailable}. */
    private JsonObject get(URI url, Map<String, String> context) throws Unavailable {
        String token;
        try {
            token = tokens.issue(SUBJECT, Set.of("ADMIN"), context, url);
        } catch (RuntimeException e) {
            throw new Unavailable("no token for the traces plugin (" + e.getMessage() + ")");
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url)
                            .timeout(Duration.ofMillis(timeoutMs))
                            .header("Authorization", "Bearer " + token)
                            .header("Accept", "application/json")
                            .GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new Unavailable("the traces plugin answered HTTP " + response.statusCode());
            }
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                return reader.readObject();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted");
        } catch (java.io.IOException e) {
            throw new Unavailable("the traces plugin could not be reached (" + e.getClass().getSimpleName() + ")");
        } catch (RuntimeException e) {
            throw new Unavailable("the traces plugin sent an unreadable answer (" + e.getMessage() + ")");
        }
    }
}
