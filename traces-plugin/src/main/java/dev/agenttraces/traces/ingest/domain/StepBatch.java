package dev.agenttraces.traces.ingest.domain;

import dev.agenttraces.traces.trace.domain.StepInput;

import java.util.List;

/**
 * A parsed batch: each item is either a valid step or the reason it was rejected, in the order sent,
 * so the answer can give one result per item.
 */
public record StepBatch(List<Item> items) {

    /** Exactly one of {@code step} and {@code rejected} is set. */
    public record Item(int index, StepInput step, StepOutcome rejected) {

        public static Item valid(int index, StepInput step) {
            return new Item(index, step, null);
        }

        public static Item invalid(int index, Integer seq, String field, String reason) {
            return new Item(index, null, StepOutcome.error(index, seq, field, reason));
        }
    }
}
