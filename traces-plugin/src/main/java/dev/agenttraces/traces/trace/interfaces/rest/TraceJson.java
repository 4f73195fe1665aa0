package dev.agenttraces.traces.trace.interfaces.rest;

import dev.agenttraces.traces.shared.Rejection;
import dev.agenttraces.traces.trace.domain.TokenCounts;
import dev.agenttraces.traces.api.Jsonp;
import dev.agenttraces.traces.trace.domain.TraceSummary;
import jakarta.json.JsonObjectBuilder;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import java.util.Locale;

/**
 * The API's JSON shapes. Money is a decimal string (never a binary float) with trailing zeros
 * dropped; instants are ISO-8601 UTC; enum values are lower case as on the wire.
 */
public final class TraceJson {

    private TraceJson() {
    }

    public static String money(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
    }

    public static JsonObjectBuilder trace(TraceSummary t) {
        JsonObjectBuilder json = Jsonp.BUILDERS.createObjectBuilder()
                .add("id", t.id().toString())
                .add("taskId", t.taskId())
                .add("agentId", t.agentId())
                .add("status", t.status().name().toLowerCase(Locale.ROOT));
        addNullable(json, "model", t.model());
        addNullable(json, "provider", t.provider());
        addNullable(json, "startedAt", t.startedAt());
        addNullable(json, "completedAt", t.completedAt());
        if (t.durationMs() != null) {
            json.add("durationMs", t.durationMs());
        } else {
            json.addNull("durationMs");
        }
        addNullable(json, "errorMessage", t.errorMessage());
        json.add("stepCount", t.stepCount()).add("errorCount", t.errorCount());
        return tokens(json, t.tokens())
                .add("costUsd", money(t.costUsd()))
                .add("unpricedSteps", t.unpricedSteps())
                .add("unpriced", t.unpricedSteps() > 0);
    }

    /** The five token counts under their wire names ({@code cacheCreationInputTokens}: cache writes). */
    public static JsonObjectBuilder tokens(JsonObjectBuilder json, TokenCounts tokens) {
        return json.add("inputTokens", tokens.input())
                .add("outputTokens", tokens.output())
                .add("cachedInputTokens", tokens.cachedInput())
                .add("cacheCreationInputTokens", tokens.cacheCreation())
                .add("reasoningTokens", tokens.reasoning());
    }

    /** The id in a trace path; a malformed one is a trace that does not exist (404). */
    public static UUID traceId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new Rejection(Rejection.Kind.NOT_FOUND, "id", "There is no trace " + id + " (not a UUID).");
        }
    }

    public static void addNullable(JsonObjectBuilder json, String key, Object value) {
        if (value == null) {
            json.addNull(key);
        } else if (value instanceof Instant at) {
            json.add(key, at.toString());
        } else {
            json.add(key, value.toString());
        }
    }
}
