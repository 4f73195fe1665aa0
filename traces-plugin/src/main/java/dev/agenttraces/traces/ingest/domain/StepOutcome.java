package dev.agenttraces.traces.ingest.domain;

/**
 * What happened to one item of a step batch. Every item gets exactly one outcome, so a client can
 * re-send only what failed, and a replay of an acknowledged batch is harmless.
 */
public record StepOutcome(int index, Integer seq, Status status, String reason, String field) {

    public enum Status {
        /** Written now. */
        CREATED,
        /** Already stored with identical content: nothing written, nothing lost. */
        DUPLICATE,
        /** Not written, for the reason given. */
        ERROR;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static StepOutcome created(int index, int seq) {
        return new StepOutcome(index, seq, Status.CREATED, null, null);
    }

    public static StepOutcome duplicate(int index, int seq) {
        return new StepOutcome(index, seq, Status.DUPLICATE, null, null);
    }

    public static StepOutcome error(int index, Integer seq, String field, String reason) {
        return new StepOutcome(index, seq, Status.ERROR, reason, field);
    }
}
