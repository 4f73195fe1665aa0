package dev.agenttraces.traces.ingest.otlp;

import io.opentelemetry.proto.common.v1.AnyValue;

import java.util.Map;

/**
 * The board task and agent a span belongs to: {@code taskboard.task.id} and {@code taskboard.agent.id}, an int or
 * a string of decimal digits, on the span or, failing that, on the resource (where an agent process usually sets
 * them once, e.g. through {@code OTEL_RESOURCE_ATTRIBUTES}). Without both a span has no trace to go to.
 */
record TaskboardIds(long taskId, long agentId) {

    static final String TASK = "taskboard.task.id";
    static final String AGENT = "taskboard.agent.id";

    static TaskboardIds of(String spanId, Map<String, AnyValue> span, Map<String, AnyValue> resource) {
        AnyValue task = span.getOrDefault(TASK, resource.get(TASK));
        AnyValue agent = span.getOrDefault(AGENT, resource.get(AGENT));
        if (task == null || agent == null) {
            String missing = task == null && agent == null ? TASK + " nor " + AGENT : task == null ? TASK : AGENT;
            throw new SpanRefused("span " + spanId + " has no " + missing
                    + "; set it on the resource (e.g. OTEL_RESOURCE_ATTRIBUTES) or on the span.");
        }
        return new TaskboardIds(id(spanId, TASK, task), id(spanId, AGENT, agent));
    }

    private static long id(String spanId, String key, AnyValue value) {
        long id;
        if (value.hasIntValue()) {
            id = value.getIntValue();
        } else if (value.hasStringValue() && isDigits(value.getStringValue().strip())) {
            try {
                id = Long.parseLong(value.getStringValue().strip());
            } catch (NumberFormatException tooLarge) {
                throw refused(spanId, key, "is larger than " + Long.MAX_VALUE);
            }
        } else {
            throw refused(spanId, key, "is not an integer");
        }
        if (id <= 0) {
            throw refused(spanId, key, "is not positive");
        }
        return id;
    }

    private static boolean isDigits(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static SpanRefused refused(String spanId, String key, String why) {
        return new SpanRefused("span " + spanId + ": " + key + " " + why
                + "; send the numeric id of the board's task or agent, as an int or a decimal string.");
    }
}
