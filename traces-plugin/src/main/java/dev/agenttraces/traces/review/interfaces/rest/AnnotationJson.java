package dev.agenttraces.traces.review.interfaces.rest;

import dev.agenttraces.traces.review.application.Annotations;
import dev.agenttraces.traces.review.domain.Annotation;
import dev.agenttraces.traces.trace.application.ExportSection;
import dev.agenttraces.traces.trace.domain.TraceSummary;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Locale;

/** Annotations as JSON, and as the {@code annotations} section of a trace's export. */
@RequestScoped
public class AnnotationJson implements ExportSection {

    @Inject
    Annotations annotations;

    @Override
    public String name() {
        return "annotations";
    }

    @Override
    public JsonValue of(TraceSummary trace) {
        return array(annotations.ofVisibleTrace(trace));
    }

    static JsonArray array(List<Annotation> list) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (Annotation x : list) {
            a.add(Json.createObjectBuilder().add("id", x.id()).add("traceId", x.traceId().toString()).add("seq", x.seq())
                    .add("step", x.step()).add("label", x.label().name().toLowerCase(Locale.ROOT))
                    .add("note", x.note() == null ? JsonValue.NULL : Json.createValue(x.note()))
                    .add("author", x.author()).add("createdAt", x.createdAt().toString()));
        }
        return a.build();
    }
}
