package dev.agenttraces.traces.ingest.interfaces.rest;

import dev.agenttraces.traces.api.Jsonp;
import dev.agenttraces.traces.ingest.domain.StepOutcome;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OutcomeJsonTest {

    /** The streamed 207 answer is, to the character, what the JSON objects it replaced wrote. */
    @Test
    void writesWhatTheObjectsWrote() {
        List<StepOutcome> outcomes = List.of(new StepOutcome(0, 1, StepOutcome.Status.CREATED, null, null),
                new StepOutcome(1, 2, StepOutcome.Status.DUPLICATE, null, null),
                new StepOutcome(2, null, StepOutcome.Status.ERROR, "steps[2] must be an object.", "steps[2]"),
                new StepOutcome(3, 4, StepOutcome.Status.ERROR, "Conflict: \"seq\" 4 \u2028 differs", null));
        JsonArrayBuilder results = Jsonp.BUILDERS.createArrayBuilder();
        for (StepOutcome o : outcomes) {
            JsonObjectBuilder item = Jsonp.BUILDERS.createObjectBuilder().add("index", o.index());
            if (o.seq() == null) {
                item.addNull("seq");
            } else {
                item.add("seq", o.seq());
            }
            item.add("status", o.status().wireName());
            if (o.status() == StepOutcome.Status.ERROR) {
                item.add("reason", o.reason());
                if (o.field() == null) {
                    item.addNull("field");
                } else {
                    item.add("field", o.field());
                }
            }
            results.add(item);
        }
        String expected = Jsonp.BUILDERS.createObjectBuilder().add("created", 1).add("duplicates", 1).add("errors", 2)
                .add("results", results).build().toString();
        assertThat(OutcomeJson.outcomes(outcomes)).isEqualTo(expected);
        assertThat(OutcomeJson.outcomes(List.of())).isEqualTo("{\"created\":0,\"duplicates\":0,\"errors\":0,\"results\":[]}");
    }
}
