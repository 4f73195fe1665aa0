package dev.agenttraces.traces.ingest.interfaces.rest;

import dev.agenttraces.traces.api.Jsonp;

import dev.agenttraces.traces.shared.Rejection;
import dev.agenttraces.traces.ingest.domain.StepBatch;
import dev.agenttraces.traces.trace.domain.StepInput;
import dev.agenttraces.traces.trace.domain.TokenCounts;
import dev.agenttraces.traces.trace.domain.StepType;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads a step batch, {@code {"inputIncludesCached": false, "steps": [ … ]}}, with the streaming JSON-P
 * parser (one small object per step, never a tree of the whole body). A malformed body or envelope
 * refuses the request; a bad step only refuses that item, naming its field.
 */
final class StepBatchReader {

    private static final String TYPES = Arrays.stream(StepType.values()).map(StepType::wireName)
            .collect(Collectors.joining(", "));

    private StepBatchReader() {
    }

    /** Defaults of {@code agent.traces.ingest.max-steps-per-batch} and {@code max-json-depth}. */
    static final int DEFAULT_MAX_STEPS = 5000;
    static final int DEFAULT_MAX_DEPTH = 64;

    static StepBatch read(InputStream body) {
        return read(body, DEFAULT_MAX_STEPS, DEFAULT_MAX_DEPTH);
    }

    /**
     * Reads at most {@code maxSteps} items, each nested at most {@code maxDepth} levels (the envelope
     * counts as one): past either the whole request is refused while reading, before a result per item is
     * built, so an 8 MiB body of {@code [0,0,…]} costs one refusal, not millions of outcomes.
     */
    static StepBatch read(InputStream body, int maxSteps, int maxDepth) {
        List<Object> raw = new ArrayList<>(); // a StepFields per step object, the JsonValue of anything else
        Boolean includesCached = null;
        boolean sawSteps = false;
        try (JsonParser p = Jsonp.PROVIDER.createParser(body)) {
            BoundedJson bounded = new BoundedJson(p, maxDepth);
            if (!p.hasNext() || p.next() != JsonParser.Event.START_OBJECT) {
                throw Rejection.invalid("$", "The body must be a JSON object with a \"steps\" array.");
            }
            while (p.next() == JsonParser.Event.KEY_NAME) {
                String key = p.getString();
                JsonParser.Event event = p.next();
                switch (key) {
                    case "steps" -> {
                        if (event != JsonParser.Event.START_ARRAY) {
                            throw Rejection.invalid("steps", "steps must be an array of step objects.");
                        }
                        sawSteps = true;
                        for (JsonParser.Event e = p.next(); e != JsonParser.Event.END_ARRAY; e = p.next()) {
                            if (raw.size() == maxSteps) {
                                throw new Rejection(Rejection.Kind.TOO_LARGE, "steps", "A batch holds at most "
                                        + maxSteps + " steps (agent.traces.ingest.max-steps-per-batch); send the rest"
                                        + " in another batch.");
                            }
                            String path = "steps[" + raw.size() + "]";
                            raw.add(e == JsonParser.Event.START_OBJECT
                                    ? new StepFields(bounded.fields(3, path, StepFields::slot, new JsonValue[StepFields.KEYS.length]))
                                    : bounded.value(e, 3, path));
                        }
                    }
                    case "inputIncludesCached" -> {
                        if (event != JsonParser.Event.VALUE_TRUE && event != JsonParser.Event.VALUE_FALSE) {
                            throw Rejection.invalid("inputIncludesCached", "inputIncludesCached must be true or false.");
                        }
                        includesCached = event == JsonParser.Event.VALUE_TRUE;
                    }
                    default -> bounded.skip(event, 2, key);
                }
            }
            if (p.hasNext()) {
                p.next(); // trailing content is malformed JSON: let the parser say so
            }
        }
        if (!sawSteps) {
            throw Rejection.invalid("steps", "steps is required.");
        }
        List<StepBatch.Item> items = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            items.add(item(i, raw.get(i), Boolean.TRUE.equals(includesCached)));
        }
        return new StepBatch(items);
    }

    private static StepBatch.Item item(int index, Object value, boolean batchIncludesCached) {
        String prefix = "steps[" + index + "].";
        if (!(value instanceof StepFields fields)) {
            return StepBatch.Item.invalid(index, null, "steps[" + index + "]", "steps[" + index + "] must be an object.");
        }
        try {
            return StepBatch.Item.valid(index, step(new JsonFields(fields::get, prefix), batchIncludesCached));
        } catch (Rejection e) {
            Integer seq = fields.get("seq") instanceof JsonNumber n && n.isIntegral() ? n.intValue() : null;
            return StepBatch.Item.invalid(index, seq, e.field(), e.getMessage());
        }
    }

    private static StepInput step(JsonFields f, boolean batchIncludesCached) {
        long seq = f.requiredLong("seq");
        if (seq < 0 || seq > Integer.MAX_VALUE) {
            throw Rejection.invalid(f.path("seq"), f.path("seq") + " must be between 0 and " + Integer.MAX_VALUE + ".");
        }
        String typeName = f.requiredString("type", 40);
        StepType type = StepType.fromWire(typeName.toLowerCase(Locale.ROOT)).orElseThrow(() -> Rejection.invalid(
                f.path("type"), "Unknown step type \"" + typeName + "\"; use one of " + TYPES + "."));
        long input = f.count("inputTokens", 0);
        long output = f.count("outputTokens", 0);
        long cached = f.count("cachedInputTokens", 0);
        long cacheWrites = f.count("cacheCreationInputTokens", 0);
        long reasoning = f.count("reasoningTokens", 0);
        Boolean stepIncludes = f.bool("inputIncludesCached");
        if (stepIncludes != null ? stepIncludes : batchIncludesCached) {
            if (cached > input || cacheWrites > input - cached) {
                throw Rejection.invalid(f.path("cachedInputTokens"), f.path("cachedInputTokens") + " plus "
                        + f.path("cacheCreationInputTokens") + " exceeds inputTokens, which was declared to include them.");
            }
            input -= cached + cacheWrites; // stored convention: input excludes cache reads and writes
        }
        return new StepInput((int) seq, type, f.string("content", Integer.MAX_VALUE), f.string("toolName", 200),
                f.jsonText("toolInput"), f.jsonText("toolOutput"), f.string("model", 200),
                new TokenCounts(input, output, cached, reasoning, cacheWrites), f.requiredInstant("startedAt"),
                f.optionalCount("durationMs"), parentSeq(f, seq), null, null, null);
    }

    /**
     * The optional parent: a step of the same trace with a lower seq, so a tree can never have a cycle and a
     * client numbering its steps in order always satisfies it. The parent need not be stored yet (batches may
     * be retried out of order); until it is, the step shows at the top level.
     */
    private static Integer parentSeq(JsonFields f, long seq) {
        Long parent = f.optionalCount("parentSeq");
        if (parent == null) {
            return null;
        }
        if (parent >= seq) {
            throw Rejection.invalid(f.path("parentSeq"), f.path("parentSeq") + " must be lower than seq (" + seq
                    + "): a step hangs under an earlier step.");
        }
        return parent.intValue();
    }
}
