package dev.agenttraces.traces.ingest.interfaces.rest;

import jakarta.json.JsonValue;

/**
 * One step object of a batch as the reader keeps it: a value per field the step format knows, in a fixed slot,
 * and nothing of the fields it does not know (they are skipped, within the nesting limit, never built).
 *
 * <p>Why not a {@code JsonObject}: a batch holds up to thousands of steps, and a flight recording of the ingest
 * benchmark spent a sizeable share of the request building each step's ordered map and looking its fields up again
 * (BENCHMARKS.md, "Ingest: API vs raw JDBC vs COPY"). A repeated key keeps its last value, as a JSON object would.
 */
final class StepFields {

    /** The fields of a step, each with its slot: the order of this list is the order of {@link #slot}. */
    static final String[] KEYS = {"seq", "type", "parentSeq", "content", "toolName", "toolInput", "toolOutput",
        "model", "inputTokens", "outputTokens", "cachedInputTokens", "cacheCreationInputTokens", "reasoningTokens",
        "inputIncludesCached", "startedAt", "durationMs"};

    private final JsonValue[] values;

    StepFields(JsonValue[] values) {
        this.values = values;
    }

    /** The slot of a field the step format knows, or -1 for any other key. */
    static int slot(String key) {
        return switch (key) {
            case "seq" -> 0;
            case "type" -> 1;
            case "parentSeq" -> 2;
            case "content" -> 3;
            case "toolName" -> 4;
            case "toolInput" -> 5;
            case "toolOutput" -> 6;
            case "model" -> 7;
            case "inputTokens" -> 8;
            case "outputTokens" -> 9;
            case "cachedInputTokens" -> 10;
            case "cacheCreationInputTokens" -> 11;
            case "reasoningTokens" -> 12;
            case "inputIncludesCached" -> 13;
            case "startedAt" -> 14;
            case "durationMs" -> 15;
            default -> -1;
        };
    }

    /** The value sent for {@code key}, or null; a key the format does not know is a programming error. */
    JsonValue get(String key) {
        int slot = slot(key);
        if (slot < 0) {
            throw new IllegalArgumentException("Not a step field: " + key);
        }
        return values[slot];
    }
}
