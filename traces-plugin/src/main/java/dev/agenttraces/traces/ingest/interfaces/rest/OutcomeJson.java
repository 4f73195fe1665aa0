package dev.agenttraces.traces.ingest.interfaces.rest;

import dev.agenttraces.traces.api.Jsonp;
import dev.agenttraces.traces.ingest.domain.StepOutcome;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.List;

import static dev.agenttraces.traces.trace.interfaces.rest.TraceJson.addNullable;

/** The JSON of a step batch's 207 answer: one result per item, in the order sent, plus counts. */
final class OutcomeJson {

    private OutcomeJson() {
    }

    /** The 207 answer to a step batch: one result per item plus counts. */
    static JsonObject outcomes(List<StepOutcome> outcomes) {
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

}
