package dev.agenttraces.traces.ingest.interfaces.rest;

import dev.agenttraces.traces.ingest.domain.StepOutcome;
import dev.agenttraces.traces.ingest.domain.TraceSummary;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
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
        return json.add("stepCount", t.stepCount())
                .add("errorCount", t.errorCount())
                .add("inputTokens", t.inputTokens())
                .add("outputTokens", t.outputTokens())
                .add("cachedInputTokens", t.cachedInputTokens())
                .add("reasoningTokens", t.reasoningTokens())
                .add("costUsd", money(t.costUsd()))
                .add("unpricedSteps", t.unpricedSteps())
                .add("unpriced", t.unpricedSteps() > 0);
    }

    /** The 207 answer to a step batch: one result per item plus counts. */
    public static JsonObject outcomes(List<StepOutcome> outcomes) {
        JsonArrayBuilder results = Jsonp.BUILDERS.createArrayBuilder();
        int created = 0;
        int duplicates = 0;
        int errors = 0;
        for (StepOutcome o : outcomes) {
            JsonObjectBuilder item = Jsonp.BUILDERS.createObjectBuilder().add("index", o.index());
            if (o.seq() != null) {
                item.add("seq", o.seq());
            } else {
                item.addNull("seq");
            }
            item.add("status", o.status().wireName());
            switch (o.status()) {
                case CREATED -> created++;
                case DUPLICATE -> duplicates++;
                case ERROR -> {
                    errors++;
                    item.add("reason", o.reason());
                    addNullable(item, "field", o.field());
                }
            }
            results.add(item);
        }
        return Jsonp.BUILDERS.createObjectBuilder()
                .add("created", created)
                .add("duplicates", duplicates)
                .add("errors", errors)
                .add("results", results)
                .build();
    }

    static void addNullable(JsonObjectBuilder json, String key, Object value) {
        if (value == null) {
            json.addNull(key);
        } else if (value instanceof Instant at) {
            json.add(key, at.toString());
        } else {
            json.add(key, value.toString());
        }
    }
}
