package dev.agenttraces.traces.trace.interfaces.rest;

import dev.agenttraces.traces.api.Jsonp;
import dev.agenttraces.traces.trace.domain.TracePage;

import dev.agenttraces.traces.trace.application.TraceQueries;
import dev.agenttraces.traces.spend.domain.Spend;
import dev.agenttraces.traces.trace.domain.StepRecord;
import dev.agenttraces.traces.spend.domain.TaskCost;
import dev.agenttraces.traces.trace.domain.TraceSummary;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.List;

import static dev.agenttraces.traces.trace.interfaces.rest.TraceJson.addNullable;
import static dev.agenttraces.traces.trace.interfaces.rest.TraceJson.money;

/** JSON shapes of the trace read API: the export and trace lists. */
final class TraceReadJson {

    private TraceReadJson() {
    }

    static JsonObject export(TraceQueries.TraceExport export) {
        JsonArrayBuilder steps = Jsonp.BUILDERS.createArrayBuilder();
        for (StepRecord s : export.steps()) {
            JsonObjectBuilder step = step(s.cut());
            List<String> truncated = s.truncated();
            if (!truncated.isEmpty()) {
                step.add("truncated", Jsonp.BUILDERS.createArrayBuilder(truncated));
            }
            steps.add(step);
        }
        return TraceJson.trace(export.trace())
                .add("steps", Jsonp.BUILDERS.createObjectBuilder()
                        .add("offset", export.offset())
                        .add("limit", export.limit())
                        .add("total", export.trace().stepCount())
                        .add("items", steps))
                .build();
    }

    private static JsonObjectBuilder step(StepRecord s) {
        JsonObjectBuilder json = Jsonp.BUILDERS.createObjectBuilder()
                .add("seq", s.seq())
                .add("type", s.type().wireName());
        addNullable(json, "content", s.content());
        addNullable(json, "toolName", s.toolName());
        addNullable(json, "toolInput", s.toolInput());
        addNullable(json, "toolOutput", s.toolOutput());
        addNullable(json, "model", s.model());
        TraceJson.tokens(json, s.tokens());
        addNullable(json, "costUsd", money(s.costUsd()));
        json.add("unpriced", s.costUsd() == null);
        addNullable(json, "startedAt", s.startedAt());
        if (s.durationMs() == null) {
            json.addNull("durationMs");
        } else {
            json.add("durationMs", s.durationMs());
        }
        if (s.parentSeq() == null) {
            json.addNull("parentSeq");
        } else {
            json.add("parentSeq", s.parentSeq());
        }
        addNullable(json, "spanId", s.spanId());
        if (s.messages() != null) {
            try (var reader = Jsonp.PROVIDER.createReader(new java.io.StringReader(s.messages()))) {
                json.add("messages", reader.readArray());
            }
        }
        return json;
    }

    static JsonObject traces(List<TraceSummary> traces) {
        return Jsonp.BUILDERS.createObjectBuilder().add("items", list(traces)).build();
    }

    static JsonObject page(TracePage page, java.util.function.Function<dev.agenttraces.traces.trace.domain.TraceKey, String> cursor) {
        var json = Jsonp.BUILDERS.createObjectBuilder();
        if (page.offset() != null) {
            json.add("offset", page.offset());
        }
        json.add("limit", page.limit()).add("total", page.total());
        if (page.next() != null) {
            json.add("nextCursor", cursor.apply(page.next()));
        }
        return json.add("items", list(page.items())).build();
    }

    private static JsonArrayBuilder list(List<TraceSummary> traces) {
        JsonArrayBuilder items = Jsonp.BUILDERS.createArrayBuilder();
        traces.forEach(t -> items.add(TraceJson.trace(t)));
        return items;
    }
}
