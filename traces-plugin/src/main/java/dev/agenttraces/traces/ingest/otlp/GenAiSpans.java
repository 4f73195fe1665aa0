package dev.agenttraces.traces.ingest.otlp;

import java.util.List;

/** The outcome of mapping one export request: the accepted spans in request order, and one refusal per other span. */
public record GenAiSpans(List<GenAiSpan> spans, List<SpanRefusal> refusals) {

    public GenAiSpans {
        spans = List.copyOf(spans);
        refusals = List.copyOf(refusals);
    }
}
