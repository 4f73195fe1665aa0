package dev.agenttraces.traces.review.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * A reviewer's note on one step.
 *
 * @param step a one-line description of the step ("tool call read_file"), for feedback text and lists
 */
public record Annotation(long id, UUID traceId, int seq, AnnotationLabel label, String note, String author,
                         Instant createdAt, String step) implements Serializable {

    /** Longest note stored. */
    public static final int MAX_NOTE = 500;

    /** The line this annotation adds to a rejection's feedback. */
    public String feedbackLine() {
        return "- Step " + seq + " (" + step + "): " + label.getLabel() + (note == null || note.isBlank() ? "" : " — " + note);
    }
}
