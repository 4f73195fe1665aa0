package dev.agenttraces.traces.ingest.interfaces.rest;

import dev.agenttraces.traces.ingest.application.TraceQueries;
import dev.agenttraces.traces.ingest.domain.Spend;
import dev.agenttraces.traces.ingest.domain.StoredStep;
import dev.agenttraces.traces.ingest.domain.TaskCost;
import dev.agenttraces.traces.ingest.domain.TraceSummary;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.List;

import static dev.agenttraces.traces.ingest.interfaces.rest.TraceJson.addNullable;
import static dev.agenttraces.traces.ingest.interfaces.rest.TraceJson.money;

/** JSON shapes of the read API: the trace export, trace lists, spend and top tasks. */
final class ReadJson {

    private ReadJson() {
    }

    static JsonObject export(TraceQueries.TraceExport export) {
        JsonArrayBuilder steps = Jsonp.BUILDERS.createArrayBuilder();
        for (StoredStep s : export.steps()) {
            steps.add(step(s));
        }
        return TraceJson.trace(export.trace())
                .add("steps", Jsonp.BUILDERS.createObjectBuilder()
                        .add("offset", export.offset())
                        .add("limit", export.limit())
                        .add("total", export.trace().stepCount())
                        .add("items", steps))
                .build();
    }

    private static JsonObjectBuilder step(StoredStep s) {
        JsonObjectBuilder json = Jsonp.BUILDERS.createObjectBuilder()
                .add("seq", s.seq())
                .add("type", s.type().wireName());
        addNullable(json, "content", s.content());
        addNullable(json, "toolName", s.toolName());
        addNullable(json, "toolInput", s.toolInput());
        addNullable(json, "toolOutput", s.toolOutput());
        addNullable(json, "model", s.model());
        json.add("inputTokens", s.inputTokens())
                .add("outputTokens", s.outputTokens())
                .add("cachedInputTokens", s.cachedInputTokens())
                .add("reasoningTokens", s.reasoningTokens());
        addNullable(json, "costUsd", money(s.costUsd()));
        json.add("unpriced", s.costUsd() == null);
        addNullable(json, "startedAt", s.startedAt());
        if (s.durationMs() == null) {
            json.addNull("durationMs");
        } else {
            json.add("durationMs", s.durationMs());
        }
        return json;
    }

    static JsonObject traces(List<TraceSummary> traces) {
        return Jsonp.BUILDERS.createObjectBuilder().add("items", list(traces)).build();
    }

    static JsonObject page(TraceQueries.Page page) {
        return Jsonp.BUILDERS.createObjectBuilder()
                .add("offset", page.offset())
                .add("limit", page.limit())
                .add("total", page.total())
                .add("items", list(page.items()))
                .build();
    }

    private static JsonArrayBuilder list(List<TraceSummary> traces) {
        JsonArrayBuilder items = Jsonp.BUILDERS.createArrayBuilder();
        traces.forEach(t -> items.add(TraceJson.trace(t)));
        return items;
    }

    static JsonObject spend(Spend s) {
        return Jsonp.BUILDERS.createObjectBuilder()
                .add("agentId", s.agentId())
                .add("from", s.from().toString())
                .add("to", s.to().toString())
                .add("costUsd", money(s.costUsd()))
                .add("unpricedSteps", s.unpricedSteps())
                .add("traces", s.traces())
                .build();
    }

    static JsonObject topTasks(List<TaskCost> tasks) {
        JsonArrayBuilder items = Jsonp.BUILDERS.createArrayBuilder();
        for (TaskCost t : tasks) {
            items.add(Jsonp.BUILDERS.createObjectBuilder()
                    .add("taskId", t.taskId())
                    .add("title", t.title())
                    .add("boardId", t.boardId())
                    .add("costUsd", money(t.costUsd()))
                    .add("traces", t.traces())
                    .add("steps", t.steps())
                    .add("unpricedSteps", t.unpricedSteps()));
        }
        return Jsonp.BUILDERS.createObjectBuilder().add("items", items).build();
    }
}
