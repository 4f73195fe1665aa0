package dev.agenttraces.traces.ingest.interfaces.rest;

import dev.agenttraces.traces.api.Jsonp;
import dev.agenttraces.traces.ingest.domain.StepOutcome;
import jakarta.json.stream.JsonGenerator;

import java.io.StringWriter;
import java.util.List;

/** The JSON of a step batch's 207 answer: one result per item, in the order sent, plus counts. */
final class OutcomeJson {

    private OutcomeJson() {
    }

    /**
     * The 207 answer to a step batch: one result per item plus counts, written straight to text. A batch has up to
     * thousands of items, and building a JSON object per item only to write it out again showed in the ingest
     * benchmark's profile; the text is the one the objects would have written ({@code OutcomeJsonTest}).
     */
    static String outcomes(List<StepOutcome> outcomes) {
        int created = 0;
        int duplicates = 0;
        int errors = 0;
        for (StepOutcome o : outcomes) {
            switch (o.status()) {
                case CREATED -> created++;
                case DUPLICATE -> duplicates++;
                case ERROR -> errors++;
            }
        }
        StringWriter text = new StringWriter(64 + 48 * outcomes.size());
        try (JsonGenerator g = Jsonp.PROVIDER.createGenerator(text)) {
            g.writeStartObject().write("created", created).write("duplicates", duplicates).write("errors", errors)
                    .writeStartArray("results");
            for (StepOutcome o : outcomes) {
                g.writeStartObject().write("index", o.index());
                if (o.seq() != null) {
                    g.write("seq", o.seq());
                } else {
                    g.writeNull("seq");
                }
                g.write("status", o.status().wireName());
                if (o.status() == StepOutcome.Status.ERROR) {
                    g.write("reason", o.reason());
                    if (o.field() != null) {
                        g.write("field", o.field());
                    } else {
                        g.writeNull("field");
                    }
                }
                g.writeEnd();
            }
            g.writeEnd().writeEnd();
        }
        return text.toString();
    }
}
